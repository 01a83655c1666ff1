/**
 * Fairness-constrained re-ranking in the manner of AIF360's DeterministicReranking (greedy) and FA*IR: within
 * the top k, every prefix of length i holds at least ⌊share × i⌋ favourable items when the list has them. It
 * only reorders the list it is given, so when that list is the suitable candidates (rankProducts' output) no
 * unsuitable product can ever enter; outside the top k the original order is kept.
 */

/** How the re-ranker constrains a list. */
export interface RerankingConstraint {
  /** Positions the constraint covers (the products shown). */
  k: number;
  /** Minimum share of favourable items in every prefix of the top k, from 0 to 1. */
  minimumShare: number;
}

// ⌊0.34 × 3⌋ = 1 and ⌊(1/3) × 3⌋ = 1 alike; the epsilon keeps a share written as a rounded decimal from
// losing a whole item to floating point (0.3 × 10 = 2.9999999999999996).
const EPSILON = 1e-9;

/** The least number of favourable items the first `position` places must hold. */
export function minimumFavourable(position: number, minimumShare: number): number {
  return Math.floor(minimumShare * position + EPSILON);
}

/**
 * Reorders `ranked` so each prefix of the top k meets the minimum share of favourable items, taking the best
 * remaining favourable item whenever the prefix would fall short, and the best remaining item otherwise.
 * @example fairRerank(['a', 'b', 'c', 'd'], (id) => id === 'd', { k: 3, minimumShare: 0.34 }) // ['a', 'b', 'd', 'c']
 */
export function fairRerank<Item>(
  ranked: readonly Item[],
  isFavourable: (item: Item) => boolean,
  constraint: RerankingConstraint,
): Item[] {
  if (!Number.isInteger(constraint.k) || constraint.k < 1) {
    throw new RangeError(`fairRerank: k must be a whole number ≥ 1, got ${constraint.k}`);
  }
  if (!(constraint.minimumShare >= 0 && constraint.minimumShare <= 1)) {
    throw new RangeError(`fairRerank: minimumShare must be from 0 to 1, got ${constraint.minimumShare}`);
  }
  const remaining = [...ranked];
  const result: Item[] = [];
  let favourableSoFar = 0;
  const limit = Math.min(constraint.k, ranked.length);
  for (let position = 1; position <= limit; position++) {
    const short = favourableSoFar < minimumFavourable(position, constraint.minimumShare);
    const favourableIndex = short ? remaining.findIndex(isFavourable) : -1;
    const [chosen] = remaining.splice(favourableIndex === -1 ? 0 : favourableIndex, 1) as [Item];
    if (isFavourable(chosen)) favourableSoFar++;
    result.push(chosen);
  }
  return [...result, ...remaining];
}
