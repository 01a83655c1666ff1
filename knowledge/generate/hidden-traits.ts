import type { Customer } from '../schemas.ts';

/**
 * The generator's ground truth about a customer that never reaches customers.csv: it drives
 * spending, posts and adoptions, so downstream models must infer it from behaviour.
 */

/** Where a customer is in life; decides family, debt, spending mix and which needs arise. */
export const LIFE_STAGES = [
  'student',
  'young_professional',
  'young_family',
  'established_family',
  'mid_career',
  'pre_retiree',
  'retiree',
] as const;
/** One of LIFE_STAGES. */
export type LifeStage = (typeof LIFE_STAGES)[number];

/** What a customer actually needs from a bank; product tags use the same words. */
export const FINANCIAL_NEEDS = [
  'emergency_fund',
  'debt_consolidation',
  'home_purchase',
  'retirement',
  'wealth_growth',
  'travel_rewards',
  'cashback',
  'family_protection',
  'education_saving',
  'credit_building',
] as const;
/** One of FINANCIAL_NEEDS. */
export type FinancialNeed = (typeof FINANCIAL_NEEDS)[number];

/** Hidden facts about one customer. */
export interface HiddenTraits {
  lifeStage: LifeStage;
  /** Most pressing first; the order weights product choice. */
  needs: FinancialNeed[];
  partnered: boolean;
  homeowner: boolean;
  /** Dependent children living at home. */
  children: number;
  /** Age of the youngest dependent child; null without children. */
  youngestChildAge: number | null;
  /** Multiplier on local prices (rent, groceries) from the customer's city. */
  costOfLiving: number;
}

/** One generated customer: the public profile (exactly what customers.csv holds) and the hidden traits. */
export interface GeneratedCustomer {
  /** 0-based position in the dataset; seeds the customer's random substreams. */
  index: number;
  profile: Customer;
  hidden: HiddenTraits;
}
