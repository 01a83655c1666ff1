import {
  type Customer,
  type RiskTolerance,
  SPEND_CATEGORIES,
  type SpendCategory,
} from '../../../knowledge/schemas.ts';
import { CATEGORY_COUNT, type MonthlySpend } from './monthly-spend.ts';

/** The inputs of the spend forest for one customer and category, all read from months before the origin. */
export const SPEND_FEATURES = [
  'log_monthly_spend',
  'log_recent_monthly_spend',
  'active_month_share',
  'purchases_per_month',
  'log_mean_purchase',
  'log_total_monthly_spend',
  'category_share',
  'recent_trend',
  'interest_lift',
  'log_income',
  'age',
  'log_savings',
  'log_debt',
  'risk_tolerance',
  'investment_horizon_years',
] as const;

/** Months the "recent" features look back over. */
const RECENT_MONTHS = 3;
/** Utilities and housing are fixed bills: left out of the trend so it tracks discretionary drift. */
const FIXED_BILL_CATEGORIES = new Set(
  (['utilities', 'housing'] as const satisfies readonly SpendCategory[]).map((category) =>
    SPEND_CATEGORIES.indexOf(category),
  ),
);
const RISK_ORDER: Readonly<Record<RiskTolerance, number>> = { low: 0, medium: 1, high: 2 };

/** What the features of one origin are computed against: the history window and the population's interests. */
export interface FeatureWindow {
  /** First period of history (inclusive). */
  from: number;
  /** The origin: features read periods before it, and predictions are for the months from it on. */
  origin: number;
  /** Per interest, per category: mean spend of customers with the interest over everyone's, in the window. */
  interestLift: ReadonlyMap<string, Float64Array>;
}

/**
 * Interest flags summarised per category: how much more customers with each interest spend in it,
 * measured on history before the origin (e.g. travel lovers ×4 on travel). A customer's lift is the
 * largest among their interests, 1 without any.
 */
export function interestLift(
  customers: readonly Customer[],
  history: MonthlySpend,
  from: number,
  origin: number,
): Map<string, Float64Array> {
  const overall = new Float64Array(CATEGORY_COUNT);
  const byInterest = new Map<string, { total: Float64Array; customers: number }>();
  customers.forEach((customer, index) => {
    for (let category = 0; category < CATEGORY_COUNT; category++) {
      const spend = history.meanSpend(index, category, from, origin);
      overall[category] = (overall[category] ?? 0) + spend;
      for (const interest of new Set(customer.interests)) {
        let entry = byInterest.get(interest);
        if (entry === undefined) {
          entry = { total: new Float64Array(CATEGORY_COUNT), customers: 0 };
          byInterest.set(interest, entry);
        }
        entry.total[category] = (entry.total[category] ?? 0) + spend;
      }
    }
    for (const interest of new Set(customer.interests)) {
      const entry = byInterest.get(interest);
      if (entry) entry.customers++;
    }
  });
  const lifts = new Map<string, Float64Array>();
  for (const [interest, entry] of byInterest) {
    lifts.set(
      interest,
      Float64Array.from(entry.total, (total, category) => {
        const everyone = (overall[category] ?? 0) / customers.length;
        return everyone > 0 && entry.customers > 0 ? total / entry.customers / everyone : 1;
      }),
    );
  }
  return lifts;
}

/** The feature vector of one customer and category, in SPEND_FEATURES order. */
export function spendFeatures(
  customer: Customer,
  customerIndex: number,
  category: number,
  history: MonthlySpend,
  window: FeatureWindow,
): number[] {
  const { from, origin } = window;
  const months = origin - from;
  const own = history.meanSpend(customerIndex, category, from, origin);
  const purchases = history.meanPurchases(customerIndex, category, from, origin);
  let total = 0;
  let earlier = 0;
  let later = 0;
  const middle = from + Math.floor(months / 2);
  for (let other = 0; other < CATEGORY_COUNT; other++) {
    total += history.meanSpend(customerIndex, other, from, origin);
    if (FIXED_BILL_CATEGORIES.has(other)) continue;
    earlier += history.meanSpend(customerIndex, other, from, middle);
    later += history.meanSpend(customerIndex, other, middle, origin);
  }
  let lift = 1;
  for (const interest of customer.interests) {
    lift = Math.max(lift, window.interestLift.get(interest)?.[category] ?? 1);
  }
  return [
    Math.log1p(own),
    Math.log1p(history.meanSpend(customerIndex, category, origin - RECENT_MONTHS, origin)),
    months > 0 ? history.activeMonths(customerIndex, category, from, origin) / months : 0,
    purchases,
    // Bills and big-ticket categories vary more in how often than in how much: the size is the stabler signal.
    purchases > 0 ? Math.log(own / purchases) : 0,
    Math.log1p(total),
    total > 0 ? own / total : 0,
    earlier > 0 ? later / earlier : 1,
    lift,
    Math.log1p(customer.income),
    customer.age,
    Math.log1p(customer.savings_balance),
    Math.log1p(customer.debt_balance),
    RISK_ORDER[customer.risk_tolerance],
    customer.investment_horizon_years,
  ];
}
