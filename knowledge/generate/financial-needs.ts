import type { Customer } from '../schemas.ts';
import type { Random } from '../seeded-random.ts';
import type { FinancialNeed, HiddenTraits } from './hidden-traits.ts';

/** How urgent each need is when ranking a customer's needs (higher first, before jitter). */
const URGENCY: Readonly<Record<FinancialNeed, number>> = {
  debt_consolidation: 10,
  emergency_fund: 9,
  home_purchase: 8,
  family_protection: 7,
  credit_building: 6,
  education_saving: 5,
  retirement: 5,
  wealth_growth: 4,
  travel_rewards: 3,
  cashback: 2,
};

/** The public and hidden facts needs are derived from. */
export type NeedFacts = Pick<
  Customer,
  'age' | 'income' | 'savings_balance' | 'debt_balance' | 'risk_tolerance' | 'interests'
> &
  Pick<HiddenTraits, 'lifeStage' | 'partnered' | 'homeowner' | 'children' | 'youngestChildAge'>;

/**
 * Derives a customer's hidden needs from their situation, most pressing first. Each rule is a
 * condition plus a probability, so needs follow the facts without being a pure function of them.
 */
export function deriveFinancialNeeds(facts: NeedFacts, random: Random): FinancialNeed[] {
  const needs: FinancialNeed[] = [];
  const chance = (probability: number): boolean => random() < probability;
  const hasInterest = (interest: string): boolean => facts.interests.includes(interest);
  const { age, income, lifeStage } = facts;
  const retired = lifeStage === 'retiree';

  if (facts.savings_balance < income * 0.25) needs.push('emergency_fund');
  // Students' loans are deferred while they study, so only graduates feel consolidation pressure.
  if (lifeStage !== 'student' && facts.debt_balance > 8_000 && facts.debt_balance > income * 0.45) {
    needs.push('debt_consolidation');
  }
  if ((lifeStage === 'student' && chance(0.75)) || (lifeStage !== 'student' && age < 26 && chance(0.5))) {
    needs.push('credit_building');
  }
  if (!facts.homeowner && age >= 24 && age <= 50 && income >= 35_000) {
    if (chance(facts.partnered || facts.children > 0 ? 0.75 : 0.45)) needs.push('home_purchase');
  }
  if ((!retired && age >= 30 && chance(age >= 45 ? 0.85 : 0.5)) || (retired && chance(0.5))) {
    needs.push('retirement');
  }
  const investor = hasInterest('investing') || hasInterest('crypto');
  const affluent = income >= 90_000 || facts.savings_balance >= 60_000;
  const wealthChance =
    facts.risk_tolerance === 'low'
      ? investor
        ? 0.4
        : affluent
          ? 0.2
          : 0
      : investor
        ? 0.85
        : affluent
          ? 0.75
          : 0.1;
  if (chance(wealthChance)) needs.push('wealth_growth');
  if ((hasInterest('travel') && income >= 40_000 && chance(0.8)) || (income >= 120_000 && chance(0.25))) {
    needs.push('travel_rewards');
  }
  if (chance(0.25 + (facts.children > 0 ? 0.25 : 0) + (income < 60_000 ? 0.1 : 0))) needs.push('cashback');
  if (
    (facts.children > 0 && chance(0.85)) ||
    (facts.children === 0 && facts.partnered && facts.homeowner && chance(0.35))
  ) {
    needs.push('family_protection');
  }
  if (facts.youngestChildAge !== null && facts.youngestChildAge <= 14 && chance(0.7))
    needs.push('education_saving');

  const priority = new Map(needs.map((need) => [need, URGENCY[need] + random() * 3]));
  return needs.sort((left, right) => (priority.get(right) ?? 0) - (priority.get(left) ?? 0));
}
