import type { Customer, Product, ProductType } from '../../knowledge/schemas.ts';
import { type AudienceVoice, CUSTOMER_VOICE } from '../compose/audience-voice.ts';
import { articleFor } from './indefinite-article.ts';
import { plainDollars, plainMonths, plainPercent } from './plain-numbers.ts';
import { byTags, clampUnit, type ProductSignal } from './product-signal.ts';
import { MAX_RISK_LEVEL } from './suitability.ts';

/**
 * The customer facts life-stage needs read. Age is deliberately absent: the customer's own
 * investment horizon already says how far away retirement or a goal is, and keeping age out of
 * scoring means age only ever acts through the hard eligibility rules (which the bias guard can
 * then tell apart from a preference). Gender is never read anywhere in the recommender.
 */
export type NeedFacts = Pick<
  Customer,
  'income' | 'savings_balance' | 'debt_balance' | 'investment_horizon_years' | 'risk_tolerance'
>;

/** What else needFit looks at: monthly outgoings and the kinds of product already held. */
export interface NeedContext {
  avgMonthlySpend: number;
  heldTypes: ReadonlySet<ProductType>;
  /** How reasons refer to the customer (default: to the customer, "you"). */
  voice?: AudienceVoice;
}

/** Standard advice: three to six months of outgoings in cash before anything else. */
const CUSHION_TARGET_MONTHS = 6;
const CUSHION_MINIMUM_MONTHS = 1;
/** Debt/income at which consolidation starts to matter, and where it is pressing. */
const DEBT_RATIO_START = 0.1;
const DEBT_RATIO_PRESSING = 0.5;
/** Horizon (years) at which long-term investing is fully appropriate. */
const LONG_HORIZON = 20;
const GROWTH_HORIZON = 15;
/** Savings large enough that a short-horizon saver may want them turned into income. */
const INCOME_SAVINGS_FULL = 100_000;
const HOME_BUYER_MIN_INCOME = 40_000;
const THIN_FILE_INCOME = 40_000;
const emergencyTags = byTags({ emergency_fund: 1, short_term_saving: 0.6 });
const retirementTags = byTags({ retirement: 1 });
const growthTags = byTags({ wealth_growth: 1, sustainable_investing: 0.8 });
const CREDIT_TYPES: readonly ProductType[] = ['credit_card', 'loan', 'mortgage'];

/** An emergency fund is cash first: insurance tagged for emergencies helps, but less than savings. */
function cashFirst(product: Product): number {
  return product.type === 'savings' ? 1 : 0.6;
}

/**
 * How well a long-term product's risk uses the customer's stated tolerance: a product at the
 * tolerance's cap fits best and each level below it fits a quarter less, so a high-tolerance saver
 * with 25 years ahead is steered to growth rather than a certificate of deposit.
 */
function riskAlignment(product: Product, facts: NeedFacts): number {
  const gap = MAX_RISK_LEVEL[facts.risk_tolerance] - product.risk_level;
  return Math.max(0.25, 1 - Math.max(0, gap) / 4);
}

/** Signals of what the customer needs now, from their balances, debt and horizon (see NeedFacts). */
export function lifeStageNeeds(facts: NeedFacts, context: NeedContext): ProductSignal[] {
  const signals: ProductSignal[] = [];
  const voice = context.voice ?? CUSTOMER_VOICE;
  const horizon = facts.investment_horizon_years;
  const usesSpend = context.avgMonthlySpend > 0;
  const monthlyOutgoings = usesSpend ? context.avgMonthlySpend : facts.income / 12;
  const cushionMonths = monthlyOutgoings > 0 ? facts.savings_balance / monthlyOutgoings : null;

  if (cushionMonths !== null && cushionMonths < CUSHION_TARGET_MONTHS) {
    signals.push({
      strength: clampUnit(
        (CUSHION_TARGET_MONTHS - cushionMonths) / (CUSHION_TARGET_MONTHS - CUSHION_MINIMUM_MONTHS),
      ),
      reason: `${voice.Possessive} savings of ${plainDollars(facts.savings_balance)} cover ${plainMonths(cushionMonths)} of ${usesSpend ? 'spending' : 'income'}`,
      appliesTo: (product) => emergencyTags(product) * cashFirst(product),
    });
  }

  if (facts.income > 0 && facts.debt_balance > 0) {
    const ratio = facts.debt_balance / facts.income;
    signals.push({
      strength: clampUnit((ratio - DEBT_RATIO_START) / (DEBT_RATIO_PRESSING - DEBT_RATIO_START)),
      reason: `${voice.Possessive} debt of ${plainDollars(facts.debt_balance)} is about ${plainPercent(ratio)} of ${voice.pronounPossessive} income`,
      appliesTo: byTags({ debt_consolidation: 1, student_loans: 0.6 }),
    });
  }

  // Growth only once a cushion exists: investing before an emergency fund is the classic mistake.
  const cushioned = cushionMonths === null ? facts.savings_balance > 0 : cushionMonths >= 3;
  const toleranceAndHorizon = `Fits a ${facts.risk_tolerance} risk tolerance and ${articleFor(horizon)} ${horizon}-year horizon`;
  if (horizon >= 10) {
    signals.push({
      strength: clampUnit(horizon / LONG_HORIZON),
      reason: toleranceAndHorizon,
      appliesTo: (product) => retirementTags(product) * riskAlignment(product, facts),
    });
  }
  if (cushioned && horizon >= 3) {
    signals.push({
      strength: clampUnit(horizon / GROWTH_HORIZON),
      reason: toleranceAndHorizon,
      appliesTo: (product) => growthTags(product) * riskAlignment(product, facts),
    });
  }
  if (horizon <= 5 && facts.savings_balance > 0) {
    signals.push({
      strength: clampUnit(facts.savings_balance / INCOME_SAVINGS_FULL),
      reason: `${voice.Subject} ${voice.verb('have', 'has')} ${plainDollars(facts.savings_balance)} in savings and a ${horizon}-year horizon`,
      appliesTo: byTags({ income: 1 }),
    });
  }

  if (
    !context.heldTypes.has('mortgage') &&
    facts.income >= HOME_BUYER_MIN_INCOME &&
    horizon >= 1 &&
    horizon <= 10
  ) {
    signals.push({
      strength: 0.5,
      reason: `${voice.Possessive} ${horizon}-year horizon and ${plainDollars(facts.income)} income suit saving for a home`,
      appliesTo: byTags({ home_purchase: 1, first_home: 1 }),
    });
  }
  if (context.heldTypes.has('mortgage')) {
    signals.push({
      strength: 0.6,
      reason: `${voice.Subject} ${voice.verb('have', 'has')} a mortgage with us`,
      appliesTo: byTags({ family_protection: 1, home_protection: 1 }),
    });
  }
  // A thin file: modest income, little put by and no credit yet. Ample savings need no credit history built.
  const thinFile = facts.income < THIN_FILE_INCOME && facts.savings_balance < facts.income;
  if (thinFile && facts.debt_balance === 0 && !CREDIT_TYPES.some((type) => context.heldTypes.has(type))) {
    signals.push({
      strength: 0.5,
      reason: `${voice.Subject} ${voice.verb('have', 'has')} no debt and no credit product with us yet`,
      appliesTo: byTags({ credit_building: 1 }),
    });
  }

  return signals;
}
