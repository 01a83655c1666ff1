/** How often each product has been shown in recommendations, and how many showings there were in all. */
export interface ProductExposure {
  /** Showings per product id; a product never shown may be absent. */
  shown: ReadonlyMap<string, number>;
  /** Showings of every product together. */
  total: number;
}

/**
 * Largest exploration bonus, in feedback-adjustment units. It is added to the learned adjustment
 * inside the feedback component (capped at ±1 together), so it moves a score by at most
 * 0.2 / 2 × the feedback weight 0.1 = 0.01: enough to lift a rarely shown product past a near-tie,
 * never past real evidence.
 */
export const EXPLORATION_BONUS = 0.2;

/**
 * A count-based (deterministic) bonus for a product shown less than its fair share of showings
 * (total / catalogue size): EXPLORATION_BONUS × (1 − shown / fair share), and 0 at or above the fair
 * share or before anything has been shown. It is applied only to products that passed suitability,
 * so it can reorder eligible products but never admit an ineligible one.
 * @example explorationBonus('FND-05', { shown: new Map([['FND-05', 5]]), total: 100 }, 4) // 0.2 × (1 − 5/25) = 0.16
 */
export function explorationBonus(productId: string, exposure: ProductExposure, catalogSize: number): number {
  if (exposure.total <= 0 || catalogSize <= 0) return 0;
  const fairShare = exposure.total / catalogSize;
  const shown = exposure.shown.get(productId) ?? 0;
  return EXPLORATION_BONUS * Math.max(0, 1 - shown / fairShare);
}
