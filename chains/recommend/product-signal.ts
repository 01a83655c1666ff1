import type { Product } from '../../knowledge/schemas.ts';

/**
 * A fact about the customer that argues for some products: how strongly (0–1), in which words, and
 * how much it applies to a given product (0–1, usually by the product's tags).
 */
export interface ProductSignal {
  strength: number;
  /** One plain-English sentence about the customer; its figures come straight from the input. */
  reason: string;
  appliesTo: (product: Product) => number;
}

/** The best-supported signal for one product, or a zero score when none applies. */
export interface SignalMatch {
  score: number;
  reason: string | null;
}

/** Applies to products carrying any of the tags, at the highest factor among those present. */
export function byTags(factors: Readonly<Record<string, number>>): (product: Product) => number {
  return (product) => {
    let best = 0;
    for (const tag of product.tags) best = Math.max(best, factors[tag] ?? 0);
    return best;
  };
}

/** Scores a product by its single strongest signal: a maximum, not a sum, so the score stays in [0, 1]. */
export function strongestSignal(signals: readonly ProductSignal[], product: Product): SignalMatch {
  let match: SignalMatch = { score: 0, reason: null };
  for (const signal of signals) {
    const score = clampUnit(signal.strength * signal.appliesTo(product));
    if (score > match.score) match = { score, reason: signal.reason };
  }
  return match;
}

/** Clamps to [0, 1]; non-finite values count as 0. */
export function clampUnit(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}
