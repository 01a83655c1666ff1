import type { Customer, SpendCategory } from '../../knowledge/schemas.ts';
import { type AudienceVoice, CUSTOMER_VOICE } from '../compose/audience-voice.ts';
import { plainDollars, plainList, plainPercent } from './plain-numbers.ts';
import { byTags, clampUnit, type ProductSignal } from './product-signal.ts';
import type { RecommendationInput } from './recommendation.ts';

/** The customer facts spending signals read: money only, never who the customer is. */
export type SpendingFacts = Pick<Customer, 'income' | 'debt_balance'>;

/**
 * Monthly spend at which a pattern counts as fully established. Chosen so a typical household
 * (about $3,000 a month across categories) saturates only in the categories it really leans on.
 */
const TRAVEL_FULL = 400;
const EVERYDAY_FLOOR = 300;
const EVERYDAY_FULL = 1_200;
const FAMILY_FULL = 600;
const HOUSING_FULL = 1_500;
const TRANSPORT_FULL = 600;
/** Keeping less than this share of income after spending leaves no buffer to build on. */
const HEALTHY_SAVINGS_RATIO = 0.2;
/** Spend growing this fast (share of the mean month, per month) while carrying debt is a warning. */
const STEEP_TREND = 0.05;
/** Debt at this share of annual income makes a rising trend worth consolidating. */
const HEAVY_DEBT_RATIO = 0.3;
/** Below this, a category is too small to mention as a reason. */
const MENTIONABLE = 20;

/** "You spend about $300 a month on dining and $350 on shopping", naming each figure as given. */
function spendSentence(voice: AudienceVoice, amounts: readonly [SpendCategory, number][]): string {
  const parts = amounts.map(([category, amount], index) =>
    index === 0 ? `${plainDollars(amount)} a month on ${category}` : `${plainDollars(amount)} on ${category}`,
  );
  return `${voice.Subject} ${voice.verb('spend', 'spends')} about ${plainList(parts)}`;
}

/** Categories with enough spend to mention, largest first. */
function mentionable(
  spend: RecommendationInput['spending']['monthlySpendByCategory'],
  categories: SpendCategory[],
) {
  return categories
    .map((category): [SpendCategory, number] => [category, spend[category] ?? 0])
    .filter(([, amount]) => amount >= MENTIONABLE)
    .sort((left, right) => right[1] - left[1]);
}

/** Signals drawn from how the customer spends: travel, everyday, family, housing, saving and debt trends. */
export function spendingSignals(
  customer: SpendingFacts,
  spending: RecommendationInput['spending'],
  voice: AudienceVoice = CUSTOMER_VOICE,
): ProductSignal[] {
  const signals: ProductSignal[] = [];
  const spend = spending.monthlySpendByCategory;

  const travel = spend.travel ?? 0;
  if (travel >= MENTIONABLE) {
    signals.push({
      strength: clampUnit(travel / TRAVEL_FULL),
      reason: spendSentence(voice, [['travel', travel]]),
      appliesTo: byTags({ travel_rewards: 1, travel: 1 }),
    });
  }

  const everyday = mentionable(spend, ['groceries', 'dining', 'shopping']);
  const everydayTotal = everyday.reduce((sum, [, amount]) => sum + amount, 0);
  if (everydayTotal > EVERYDAY_FLOOR) {
    signals.push({
      strength: clampUnit((everydayTotal - EVERYDAY_FLOOR) / (EVERYDAY_FULL - EVERYDAY_FLOOR)),
      reason: spendSentence(voice, everyday),
      appliesTo: byTags({ cashback: 1, everyday_banking: 0.3 }),
    });
  }

  const family = mentionable(spend, ['childcare', 'education']);
  const familyTotal = family.reduce((sum, [, amount]) => sum + amount, 0);
  if (family.length > 0) {
    signals.push({
      strength: clampUnit(familyTotal / FAMILY_FULL),
      reason: spendSentence(voice, family),
      appliesTo: byTags({ education_saving: 1, family_protection: 0.8 }),
    });
  }

  const housing = spend.housing ?? 0;
  if (housing >= MENTIONABLE) {
    signals.push({
      strength: clampUnit(housing / HOUSING_FULL),
      reason: spendSentence(voice, [['housing', housing]]),
      appliesTo: byTags({ home_protection: 0.8, home_purchase: 0.4 }),
    });
  }

  const transport = spend.transport ?? 0;
  if (transport >= MENTIONABLE) {
    signals.push({
      strength: clampUnit(transport / TRANSPORT_FULL),
      reason: spendSentence(voice, [['transport', transport]]),
      appliesTo: byTags({ car_purchase: 0.6 }),
    });
  }

  const ratio = spending.savingsRatio;
  if (ratio !== null && ratio < HEALTHY_SAVINGS_RATIO) {
    signals.push({
      strength: clampUnit(1 - ratio / HEALTHY_SAVINGS_RATIO),
      reason:
        ratio < 0
          ? `${voice.Possessive} spending is about ${plainPercent(-ratio)} more than ${voice.pronounPossessive} income`
          : `${voice.Subject} ${voice.verb('keep', 'keeps')} about ${plainPercent(ratio)} of ${voice.pronounPossessive} income after spending`,
      appliesTo: byTags({ emergency_fund: 1, short_term_saving: 0.8 }),
    });
  }

  if (spending.spendTrend > 0 && customer.debt_balance > 0 && customer.income > 0) {
    const debtRatio = customer.debt_balance / customer.income;
    signals.push({
      strength: clampUnit(spending.spendTrend / STEEP_TREND) * clampUnit(debtRatio / HEAVY_DEBT_RATIO),
      reason: `${voice.Possessive} monthly spending is rising by about ${plainPercent(spending.spendTrend)} a month while ${voice.pronoun} carry ${plainDollars(customer.debt_balance)} of debt`,
      appliesTo: byTags({ debt_consolidation: 1 }),
    });
  }

  return signals;
}
