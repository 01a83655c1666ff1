import type { CustomerProfile } from '../../../knowledge/preprocess/index.ts';

/** What a recommender may know about one customer at the cut-off: nothing dated on or after it. */
export interface CustomerContext {
  /** Position in the dataset's customer order; it seeds the customer's own random stream. */
  index: number;
  /** The profile built from activity strictly before the cut-off. */
  profile: CustomerProfile;
  /** Products adopted before the cut-off. */
  heldProductIds: readonly string[];
  /** Cosine of the customer's LSA profile vector with each product's, as the live retriever reports it. */
  contentSimilarity: ReadonlyMap<string, number>;
}

/** A recommender under evaluation: product ids, best first, never one the customer already holds. */
export type Recommender = (context: CustomerContext) => string[];
