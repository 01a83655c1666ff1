import type { z } from 'zod';
import { type AdoptionRow, INVESTMENT_PRODUCT_TYPES, type Product } from '../schemas.ts';
import { pickWeighted, type Random, randomInt } from '../seeded-random.ts';
import { isEligibleOn } from './eligibility.ts';
import type { GeneratedCustomer } from './hidden-traits.ts';
import { PRODUCT_CATALOG } from './product-catalog.ts';
import { isoDateOfDay, TIMELINE_DAYS } from './timeline.ts';

/** One adoptions.csv row as text, keyed by column. */
export type AdoptionCsvRow = z.input<typeof AdoptionRow>;

/** Hidden market share of each product: drives the ~10% of picks that follow popularity, not needs. */
// biome-ignore format: a compact data table reads better one product type to a line
const POPULARITY: Readonly<Record<string, number>> = {
  'SAV-01': 10, 'SAV-02': 8, 'SAV-03': 4, 'SAV-04': 3, 'SAV-05': 3,
  'CC-01': 9, 'CC-02': 5, 'CC-03': 4, 'CC-04': 3, 'CC-05': 2,
  'LN-01': 3, 'LN-02': 3, 'LN-03': 4, 'LN-04': 2,
  'MTG-01': 4, 'MTG-02': 2, 'MTG-03': 3, 'MTG-04': 1,
  'FND-01': 3, 'FND-02': 4, 'FND-03': 6, 'FND-04': 4, 'FND-05': 1.5, 'FND-06': 2.5,
  'RET-01': 4, 'RET-02': 5, 'RET-03': 3, 'RET-04': 1.5,
  'INS-01': 4, 'INS-02': 2, 'INS-03': 5, 'INS-04': 2,
};

/** Weight of a customer's need by its rank: the most pressing need drives most choices. */
const RANK_WEIGHTS = [3, 2, 1.5, 1, 1, 1, 1, 1, 1, 1];
/** Share of adoptions that follow popularity among eligible products instead of needs. */
const POPULARITY_PICK_SHARE = 0.1;
/** How much a need still counts once a product serving it has been taken up. */
const SERVED_NEED_WEIGHT = 0.25;

const popularityOf = (product: Product): number => POPULARITY[product.id] ?? 1;
const isInvestment = (product: Product): boolean => INVESTMENT_PRODUCT_TYPES.includes(product.type);

/**
 * Draws 0–3 product adoptions for a customer, dated uniformly over the timeline (so about a third
 * fall on or after SPLIT_DATE). Each is chosen among products whose eligibility rules hold on its
 * date, by the customer's hidden needs (or, ~10% of the time, by popularity). With `injectBias`
 * 'gender', Female customers' fund and retirement adoptions are dropped half of the time.
 */
export function generateAdoptions(
  customer: GeneratedCustomer,
  random: Random,
  injectBias?: 'gender',
): AdoptionCsvRow[] {
  const { profile } = customer;
  const slots = pickWeighted(random, [0, 1, 2, 3], [0.15, 0.4, 0.3, 0.15]);
  const days = Array.from({ length: slots }, () => randomInt(random, 0, TIMELINE_DAYS - 1)).sort(
    (left, right) => left - right,
  );
  const needWeights = new Map<string, number>(
    customer.hidden.needs.map((need, rank) => [need, RANK_WEIGHTS[rank] ?? 1]),
  );
  const adopted = new Set<string>();
  const rows: AdoptionCsvRow[] = [];

  for (const day of days) {
    const date = isoDateOfDay(day);
    const eligible = PRODUCT_CATALOG.filter(
      (product) => !adopted.has(product.id) && isEligibleOn(product, profile, date),
    );
    const product = choose(random, eligible, needWeights);
    if (product === undefined) continue;
    if (injectBias === 'gender' && profile.gender === 'Female' && isInvestment(product) && random() < 0.5) {
      continue;
    }
    adopted.add(product.id);
    for (const tag of product.tags) {
      const weight = needWeights.get(tag);
      if (weight !== undefined) needWeights.set(tag, weight * SERVED_NEED_WEIGHT);
    }
    rows.push({ customer_id: profile.customer_id, product_id: product.id, date });
  }
  return rows;
}

/** A need-driven pick (score = sum of matched need weights × √popularity), or a popularity pick. */
function choose(
  random: Random,
  eligible: readonly Product[],
  needWeights: ReadonlyMap<string, number>,
): Product | undefined {
  if (eligible.length === 0) return undefined;
  if (random() < POPULARITY_PICK_SHARE) return pickWeighted(random, eligible, eligible.map(popularityOf));
  const scores = eligible.map((product) => {
    let score = 0;
    for (const tag of product.tags) score += needWeights.get(tag) ?? 0;
    return score * Math.sqrt(popularityOf(product));
  });
  if (!scores.some((score) => score > 0)) return undefined;
  return pickWeighted(random, eligible, scores);
}
