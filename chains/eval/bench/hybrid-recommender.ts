import { parseProfileRecord, serializeProfileRecord } from '../../../knowledge/profile-record.ts';
import type { Product } from '../../../knowledge/schemas.ts';
import { recommendationInput } from '../../advisor-chain.ts';
import { NEIGHBOUR_COUNT, rankProducts } from '../../recommend/index.ts';
import type { Recommender } from './customer-context.ts';
import type { NeighbourIndex } from './profile-neighbours.ts';

/** How our recommender is run offline. */
export interface HybridRecommenderOptions {
  /** Neighbours whose holdings are counted (default 20, as the live retriever asks for). */
  neighbours?: number;
  /** Recommendations per customer (default 7, so MAP@7 sees a full list where suitability allows). */
  limit?: number;
}

/**
 * Ours: rankProducts on a RecommendationInput assembled by the live chain's own `recommendationInput`
 * from the stored-profile record (serialised and parsed as the store does), neighbour counts from
 * the offline kNN and LSA content similarity. The live bias guard is skipped: rankProducts never reads
 * gender and reads age only through eligibility, so the guard's neutral ranking is the same list.
 */
export function hybridRecommender(
  catalog: readonly Product[],
  neighbourIndex: NeighbourIndex,
  options: HybridRecommenderOptions = {},
): Recommender {
  const neighbours = options.neighbours ?? NEIGHBOUR_COUNT;
  const limit = options.limit ?? 7;
  return (context) => {
    const customerId = context.profile.customer.customer_id;
    const record = parseProfileRecord(serializeProfileRecord(context.profile), customerId);
    const input = recommendationInput(record, {
      neighbours: neighbourIndex.adoptionsNear(context.index, neighbours),
      productSimilarity: new Map(context.contentSimilarity),
    });
    return rankProducts(input, catalog, { limit }).map((recommendation) => recommendation.product.id);
  };
}
