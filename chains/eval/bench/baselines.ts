import type { Adoption, Product } from '../../../knowledge/schemas.ts';
import { createRandom, deriveSeed } from '../../../knowledge/seeded-random.ts';
import type { CustomerContext, Recommender } from './customer-context.ts';
import type { ImplicitAlsModel } from './implicit-als.ts';

/**
 * Reference recommenders for the offline benchmark. Like ours, each leaves out products the
 * customer already holds; unlike ours, none applies the suitability rules, which is what the
 * violation share measures.
 */

/** Adoptions per product id: the popularity signal, computed from train adoptions only. */
export function adoptionCounts(adoptions: readonly Adoption[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const adoption of adoptions)
    counts.set(adoption.product_id, (counts.get(adoption.product_id) ?? 0) + 1);
  return counts;
}

/** Products the customer does not hold, ordered by score (higher first), then by each tie-breaker, then id. */
function rankBy(
  catalog: readonly Product[],
  context: CustomerContext,
  ...scores: ((productId: string) => number)[]
): string[] {
  const held = new Set(context.heldProductIds);
  return catalog
    .map((product) => product.id)
    .filter((id) => !held.has(id))
    .sort((left, right) => {
      for (const score of scores) {
        const difference = score(right) - score(left);
        if (difference !== 0) return difference;
      }
      return left < right ? -1 : left > right ? 1 : 0;
    });
}

/** A uniform shuffle; each customer draws from their own stream, so a ranking never depends on who else is ranked. */
export function randomRecommender(catalog: readonly Product[], seed: number): Recommender {
  return (context) => {
    const random = createRandom(deriveSeed(seed, context.index));
    const ids = rankBy(catalog, context);
    for (let index = ids.length - 1; index > 0; index--) {
      const swap = Math.floor(random() * (index + 1));
      [ids[index], ids[swap]] = [ids[swap] as string, ids[index] as string];
    }
    return ids;
  };
}

/** Most adopted before the cut-off first. */
export function popularityRecommender(
  catalog: readonly Product[],
  popularity: ReadonlyMap<string, number>,
): Recommender {
  return (context) => rankBy(catalog, context, (id) => popularity.get(id) ?? 0);
}

/**
 * Implicit-ALS collaborative filtering on train holdings. A customer with no holdings has all-zero
 * scores, so ties (theirs included) fall back to popularity: the usual cold-start remedy.
 */
export function collaborativeRecommender(
  catalog: readonly Product[],
  model: ImplicitAlsModel,
  popularity: ReadonlyMap<string, number>,
): Recommender {
  return (context) => {
    const scores = model.score(context.heldProductIds);
    return rankBy(
      catalog,
      context,
      (id) => scores.get(id) ?? 0,
      (id) => popularity.get(id) ?? 0,
    );
  };
}

/** Content only: cosine between the LSA profile vector and each product description's. */
export function contentRecommender(catalog: readonly Product[]): Recommender {
  return (context) => rankBy(catalog, context, (id) => context.contentSimilarity.get(id) ?? 0);
}
