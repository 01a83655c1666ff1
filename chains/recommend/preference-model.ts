import type { ProductExposure } from './exploration-bonus.ts';

/**
 * Pseudo-customers of neutral (0) evidence in every segment mean: with n contributors the mean is
 * shrunk by n / (n + 5), so one customer's opinion moves their segment by at most a sixth of it.
 */
export const SEGMENT_PRIOR = 5;

/** Options of a PreferenceModel. */
export interface PreferenceModelOptions {
  /** Pseudo-customers the segment means are shrunk toward 0 with (default SEGMENT_PRIOR). */
  segmentPrior?: number;
}

/** Sum of the contributors' own adjustments for one product in one segment, and how many contributed. */
interface SegmentEvidence {
  sum: number;
  customers: number;
}

/**
 * What feedback taught the recommender, kept as plain sums so it is pure and exact: each customer's
 * own adjustment per product (capped at ±1), the same adjustments pooled per segment, and how often
 * each product has been shown (the exploration bonus reads it). A customer's adjustments are their
 * own where they gave one and their segment's shrunk mean elsewhere, so their own word always wins.
 * @example
 * const model = new PreferenceModel();
 * model.record('C-000001', 'horizon:long|risk:medium|income:middle', 'FND-01', 0.5);
 * model.adjustmentsFor('C-000002', 'horizon:long|risk:medium|income:middle').get('FND-01'); // 0.5 / (1 + 5)
 */
export class PreferenceModel {
  private readonly segmentPrior: number;
  private readonly own = new Map<string, Map<string, number>>();
  /** The segment a customer's adjustments were pooled into (the first one given), so sums stay consistent. */
  private readonly pooledIn = new Map<string, string>();
  private readonly segments = new Map<string, Map<string, SegmentEvidence>>();
  private readonly shown = new Map<string, number>();
  private totalShown = 0;

  constructor(options: PreferenceModelOptions = {}) {
    const prior = options.segmentPrior ?? SEGMENT_PRIOR;
    if (!Number.isFinite(prior) || prior < 0) {
      throw new RangeError(`PreferenceModel: segmentPrior must be a number ≥ 0, got ${prior}`);
    }
    this.segmentPrior = prior;
  }

  /**
   * Adds one piece of feedback: the customer's own adjustment for the product moves by `delta`
   * (capped at ±1), and so does their segment's sum; `segment` null keeps it to the customer.
   */
  record(customerId: string, segment: string | null, productId: string, delta: number): void {
    if (!Number.isFinite(delta)) throw new RangeError(`PreferenceModel: delta must be finite, got ${delta}`);
    if (segment !== null && !this.pooledIn.has(customerId)) this.pool(customerId, segment);
    const adjustments = this.own.get(customerId) ?? new Map<string, number>();
    const before = adjustments.get(productId);
    const after = Math.max(-1, Math.min(1, (before ?? 0) + delta));
    adjustments.set(productId, after);
    this.own.set(customerId, adjustments);

    const pooled = this.pooledIn.get(customerId);
    if (pooled !== undefined)
      this.addEvidence(pooled, productId, after - (before ?? 0), before === undefined);
  }

  /** Counts one showing of each product (a recommendation list as it was shown). */
  recordShown(productIds: readonly string[]): void {
    for (const productId of productIds) {
      this.shown.set(productId, (this.shown.get(productId) ?? 0) + 1);
      this.totalShown++;
    }
  }

  /** The customer's own adjustments only (product id → adjustment in [−1, 1]). */
  ownAdjustments(customerId: string): ReadonlyMap<string, number> {
    return this.own.get(customerId) ?? new Map();
  }

  /**
   * The segment's adjustment for each product it has evidence on: the mean of its contributors'
   * own adjustments shrunk by n / (n + prior), i.e. sum / (n + prior).
   */
  segmentAdjustments(segment: string): Map<string, number> {
    const adjustments = new Map<string, number>();
    for (const [productId, evidence] of this.segments.get(segment) ?? []) {
      adjustments.set(productId, evidence.sum / (evidence.customers + this.segmentPrior));
    }
    return adjustments;
  }

  /**
   * What the ranker should read for one customer: their own adjustment where they have one, their
   * segment's shrunk adjustment elsewhere; `segment` null gives their own only.
   */
  adjustmentsFor(customerId: string, segment: string | null): Map<string, number> {
    const adjustments = segment === null ? new Map<string, number>() : this.segmentAdjustments(segment);
    for (const [productId, adjustment] of this.ownAdjustments(customerId)) {
      adjustments.set(productId, adjustment);
    }
    return adjustments;
  }

  /** How often each product has been shown so far (a snapshot). */
  exposure(): ProductExposure {
    return { shown: new Map(this.shown), total: this.totalShown };
  }

  /** Pools a customer into a segment, bringing the adjustments they made before it was known. */
  private pool(customerId: string, segment: string): void {
    this.pooledIn.set(customerId, segment);
    for (const [productId, adjustment] of this.ownAdjustments(customerId)) {
      this.addEvidence(segment, productId, adjustment, true);
    }
  }

  private addEvidence(segment: string, productId: string, change: number, newCustomer: boolean): void {
    const products = this.segments.get(segment) ?? new Map<string, SegmentEvidence>();
    const evidence = products.get(productId) ?? { sum: 0, customers: 0 };
    products.set(productId, {
      sum: evidence.sum + change,
      customers: evidence.customers + (newCustomer ? 1 : 0),
    });
    this.segments.set(segment, products);
  }
}
