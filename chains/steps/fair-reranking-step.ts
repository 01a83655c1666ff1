import type { Product } from '../../knowledge/schemas.ts';
import { isYoungAdult } from '../eval/fairness/age-strata.ts';
import { isFavourableProduct } from '../eval/fairness/audit-row.ts';
import {
  type FairRerankingConfig,
  fairRerank,
  type Recommendation,
  type RecommendationInput,
  rankProducts,
} from '../recommend/index.ts';

/**
 * The fairness-constrained re-ranking as the chat applies it (FAIR_RERANKING=on): for an 18–24-year-old, the
 * shown products are taken from every suitable product re-ranked so at least the configured share are
 * investment or premium ones where any is suitable. Anyone else, or with the setting off, keeps `shown`.
 */
export function applyFairReranking(
  shown: Recommendation[],
  input: RecommendationInput,
  catalog: readonly Product[],
  config: FairRerankingConfig | undefined,
): Recommendation[] {
  if (config === undefined || !config.enabled || !isYoungAdult(input.customer) || shown.length === 0) {
    return shown;
  }
  // Every suitable product, so the re-ranker can only choose among suitable ones.
  const suitable = rankProducts(input, catalog, { limit: catalog.length });
  const reranked = fairRerank(
    suitable,
    (recommendation) => isFavourableProduct(recommendation.product, 'investment_or_premium'),
    { k: config.k, minimumShare: config.minimumShare },
  );
  return reranked.slice(0, shown.length);
}
