import type { CustomerProfile } from '../../../knowledge/preprocess/index.ts';
import { type RiskTolerance, SPEND_CATEGORIES } from '../../../knowledge/schemas.ts';

/** What similar customers hold, as counts only: the same shape the live retriever hands the ranker. */
export interface NeighbourCounts {
  neighbourCount: number;
  adoptions: Map<string, number>;
}

/** Nearest-neighbour lookup over one vector per customer. */
export interface NeighbourIndex {
  /** Counts of the products held by the k customers nearest to customer `index` (never the customer themself). */
  adoptionsNear(index: number, k: number): NeighbourCounts;
}

const RISK_ORDER: Readonly<Record<RiskTolerance, number>> = { low: 0, medium: 1, high: 2 };
/** Debt/income above this adds nothing to the distance (and stands in when there is no income). */
const MAX_DEBT_RATIO = 5;

/**
 * The numeric facts a profile is compared on: money, horizon, risk, age and the shape of spending.
 * Gender is left out on purpose, as in the profile document; name, location and posts are not numeric.
 */
export const NEIGHBOUR_FEATURES = [
  'age',
  'log_income',
  'log_savings',
  'log_debt',
  'debt_to_income',
  'investment_horizon_years',
  'risk_tolerance',
  'log_monthly_spend',
  'savings_ratio',
  'spend_trend',
  ...SPEND_CATEGORIES.map((category) => `share_${category}`),
] as const;

/** One profile's raw feature values, in NEIGHBOUR_FEATURES order. */
export function neighbourFeatures(profile: CustomerProfile): number[] {
  const { customer, aggregates } = profile;
  const monthly = aggregates.avgMonthlySpend;
  return [
    customer.age,
    Math.log1p(customer.income),
    Math.log1p(customer.savings_balance),
    Math.log1p(customer.debt_balance),
    customer.income > 0 ? Math.min(MAX_DEBT_RATIO, customer.debt_balance / customer.income) : MAX_DEBT_RATIO,
    customer.investment_horizon_years,
    RISK_ORDER[customer.risk_tolerance],
    Math.log1p(monthly),
    aggregates.savingsRatio ?? 0,
    aggregates.spendTrend,
    ...SPEND_CATEGORIES.map((category) =>
      monthly > 0 ? (aggregates.monthlySpendByCategory[category] ?? 0) / monthly : 0,
    ),
  ];
}

/** Every profile's features as z-scores (a constant feature becomes 0), so no unit dominates the distance. */
export function standardisedProfileVectors(profiles: readonly CustomerProfile[]): Float64Array[] {
  const raw = profiles.map(neighbourFeatures);
  const width = NEIGHBOUR_FEATURES.length;
  const mean = new Float64Array(width);
  const spread = new Float64Array(width);
  for (const row of raw) {
    row.forEach((value, column) => {
      mean[column] = (mean[column] ?? 0) + value / raw.length;
    });
  }
  for (const row of raw) {
    row.forEach((value, column) => {
      spread[column] = (spread[column] ?? 0) + (value - (mean[column] ?? 0)) ** 2 / raw.length;
    });
  }
  return raw.map((row) =>
    Float64Array.from(row, (value, column) => {
      const deviation = Math.sqrt(spread[column] ?? 0);
      return deviation > 0 ? (value - (mean[column] ?? 0)) / deviation : 0;
    }),
  );
}

/**
 * Brute-force Euclidean kNN (10k × 25 is a few hundred million flops for every query at once);
 * ties go to the lower index so results never depend on timing. On L2-normalised vectors, such as
 * LSA profile vectors, Euclidean order is cosine order.
 */
export function createNeighbourIndex(
  vectors: readonly Float64Array[],
  holdings: readonly (readonly string[])[],
): NeighbourIndex {
  const count = vectors.length;
  const width = vectors[0]?.length ?? 0;
  const flat = new Float64Array(count * width);
  vectors.forEach((vector, row) => {
    flat.set(vector, row * width);
  });
  return {
    adoptionsNear(index, k) {
      if (index < 0 || index >= count) throw new RangeError(`No customer at index ${index}`);
      const nearest = nearestIndices(flat, width, count, index, k);
      const adoptions = new Map<string, number>();
      for (const neighbour of nearest) {
        for (const productId of new Set(holdings[neighbour] ?? [])) {
          adoptions.set(productId, (adoptions.get(productId) ?? 0) + 1);
        }
      }
      return { neighbourCount: nearest.length, adoptions };
    },
  };
}

function nearestIndices(
  flat: Float64Array,
  width: number,
  count: number,
  query: number,
  k: number,
): number[] {
  const best: { index: number; distance: number }[] = [];
  const offset = query * width;
  for (let row = 0; row < count; row++) {
    if (row === query) continue;
    const base = row * width;
    let distance = 0;
    for (let column = 0; column < width; column++) {
      const difference = (flat[base + column] as number) - (flat[offset + column] as number);
      distance += difference * difference;
    }
    if (best.length === k && distance >= (best[k - 1] as { distance: number }).distance) continue;
    let position = best.length;
    while (position > 0 && (best[position - 1] as { distance: number }).distance > distance) position--;
    best.splice(position, 0, { index: row, distance });
    if (best.length > k) best.pop();
  }
  return best.map((entry) => entry.index);
}
