import type { Customer, Product, SpendCategory } from '../../knowledge/schemas.ts';
import type { Audience } from '../compose/audience-voice.ts';
import type { ProductExposure } from './exploration-bonus.ts';

/** What the recommender knows about one customer: their record plus signals derived from their own data. */
export interface RecommendationInput {
  customer: Customer;
  /** Products the customer already holds (adoptions before the as-of date). */
  heldProductIds: readonly string[];
  spending: {
    /** Average spend per active month, by category, in dollars. */
    monthlySpendByCategory: Partial<Record<SpendCategory, number>>;
    avgMonthlySpend: number;
    /** 1 − 12 × monthly spend / income, in [−1, 1]; null when income is 0. */
    savingsRatio: number | null;
    /** Least-squares slope of monthly spend as a fraction of the mean, per month. */
    spendTrend: number;
  };
  /** Products held by the customer's nearest neighbours (similar customers), as counts — aggregates only. */
  neighbourAdoptions: ReadonlyMap<string, number>;
  /** How many neighbours the counts above were taken from (0 when unknown). */
  neighbourCount: number;
  /** Cosine similarity between the customer's profile and each product's description, when an embedder gave one. */
  contentSimilarity?: ReadonlyMap<string, number>;
  /** Per-product score adjustments learned from feedback (positive = more likely to be accepted). */
  feedbackAdjustments?: ReadonlyMap<string, number>;
  /** How often each product has been shown; rarely shown eligible products get a small exploration bonus. */
  exposure?: ProductExposure;
  /** Who will read the reasons: "you" for the customer (default), the customer's id for an advisor. */
  audience?: Audience;
}

/** One scored product with the facts that drove it; the LLM may only explain these, never add to them. */
export interface Recommendation {
  product: Product;
  /** Final score in [0, 1]: higher is a better match. */
  score: number;
  components: {
    similarCustomers: number;
    contentMatch: number;
    spendingSignal: number;
    needFit: number;
    feedback: number;
  };
  /** Plain-English reasons, each a fact about this customer or the product (e.g. "you keep 8% of income as savings"). */
  reasons: string[];
  /** Whether learned feedback (the customer's own or their segment's) changed this product's position. */
  movedByFeedback: boolean;
  /** Whether the exploration bonus for rarely shown products changed this product's position. */
  explored: boolean;
}
