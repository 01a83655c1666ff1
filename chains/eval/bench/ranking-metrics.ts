/**
 * Top-k ranking metrics with binary relevance. A ranked list is read up to k, and a product id
 * repeated in it counts only where it first appears, so no metric can reward padding a list with
 * copies of a hit (as in the reference `apk` of the Kaggle Santander product-recommendation metric).
 */

/** One user's ranked product ids and the ids that are relevant (the products they went on to adopt). */
export interface RankedUser {
  ranked: readonly string[];
  relevant: ReadonlySet<string>;
}

/** Whether each of the first k positions holds a relevant id not already seen higher up. */
function hitsAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): boolean[] {
  assertCutoff(k);
  const seen = new Set<string>();
  const hits: boolean[] = [];
  for (const id of ranked.slice(0, k)) {
    hits.push(!seen.has(id) && relevant.has(id));
    seen.add(id);
  }
  return hits;
}

function assertCutoff(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number ≥ 1, got ${k}`);
}

const countHits = (hits: readonly boolean[]): number => hits.filter(Boolean).length;

/** Relevant hits in the top k divided by k (a list shorter than k is not excused). */
export function precisionAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  return countHits(hitsAt(ranked, relevant, k)) / k;
}

/** Relevant hits in the top k divided by the number of relevant ids; 0 when nothing is relevant. */
export function recallAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  return countHits(hitsAt(ranked, relevant, k)) / relevant.size;
}

/** Discount of the item at 0-based position i: 1 / log2(i + 2), so the first place counts fully. */
const discount = (position: number): number => 1 / Math.log2(position + 2);

/**
 * Normalised discounted cumulative gain: DCG of the top k over the DCG of an ideal list holding
 * min(|relevant|, k) hits first; 0 when nothing is relevant.
 */
export function ndcgAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  const hits = hitsAt(ranked, relevant, k);
  if (relevant.size === 0) return 0;
  let gain = 0;
  hits.forEach((hit, position) => {
    if (hit) gain += discount(position);
  });
  let ideal = 0;
  for (let position = 0; position < Math.min(relevant.size, k); position++) ideal += discount(position);
  return gain / ideal;
}

/**
 * Average precision at k as in the Santander competition: the sum of precision@i at each hit i ≤ k,
 * divided by min(|relevant|, k); 0 when nothing is relevant.
 */
export function averagePrecisionAt(
  ranked: readonly string[],
  relevant: ReadonlySet<string>,
  k: number,
): number {
  const hits = hitsAt(ranked, relevant, k);
  if (relevant.size === 0) return 0;
  let found = 0;
  let sum = 0;
  hits.forEach((hit, position) => {
    if (!hit) return;
    found++;
    sum += found / (position + 1);
  });
  return sum / Math.min(relevant.size, k);
}

/** MAP@k: average precision at k averaged over the users with at least one relevant id; 0 when none has. */
export function meanAveragePrecisionAt(users: readonly RankedUser[], k: number): number {
  assertCutoff(k);
  const scored = users.filter((user) => user.relevant.size > 0);
  if (scored.length === 0) return 0;
  let sum = 0;
  for (const user of scored) sum += averagePrecisionAt(user.ranked, user.relevant, k);
  return sum / scored.length;
}

/** MAP@7, the Santander product-recommendation competition metric. */
export function mapAt7(users: readonly RankedUser[]): number {
  return meanAveragePrecisionAt(users, 7);
}

/** Share of the catalogue that appears in at least one top-k list; ids outside the catalogue are ignored. */
export function catalogueCoverage(
  rankings: readonly (readonly string[])[],
  catalogueIds: readonly string[],
  k: number,
): number {
  assertCutoff(k);
  const catalogue = new Set(catalogueIds);
  if (catalogue.size === 0) return 0;
  const shown = new Set<string>();
  for (const ranked of rankings) {
    for (const id of ranked.slice(0, k)) if (catalogue.has(id)) shown.add(id);
  }
  return shown.size / catalogue.size;
}
