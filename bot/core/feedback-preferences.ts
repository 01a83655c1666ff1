import {
  customerSegment,
  PreferenceModel,
  type RecommendationInput,
  type SegmentFacts,
} from '../../chains/recommend/index.ts';
import type { AuditRecord, AuditStore, FeedbackInput, FeedbackRecord } from '../audit/index.ts';

/** How much one piece of feedback moves a product for that customer (the ranker caps the total at ±1). */
export const FEEDBACK_WEIGHTS = { accepted: 0.5, declined: -0.5, thumbsUp: 0.2, thumbsDown: -0.2 } as const;

/** Finds the segment facts of a customer (e.g. their stored profile); null when the customer is unknown. */
export type ProfileLookup = (customerId: string) => Promise<SegmentFacts | null>;

/** Options of FeedbackPreferences. */
export interface FeedbackPreferencesOptions {
  /**
   * Looks up a customer whose feedback arrives before any turn of theirs was ranked in this process
   * (e.g. when rebuilding from the log at start-up), to find their segment. Without it, such
   * feedback stays with the customer and is not pooled into a segment.
   */
  profileOf?: ProfileLookup;
}

/** The customer facts the advisor chain hands over when it ranks for them. */
export type RankedCustomer = SegmentFacts & { customer_id: string };

/**
 * Product preferences learned from feedback in the audit log: "I'm interested" (+0.5), declined
 * (−0.5), 👍/👎 on a turn (±0.2 for each product that turn recommended), per customer and pooled per
 * segment (chains/recommend's PreferenceModel), plus how often each product was shown. The advisor
 * chain reads them synchronously as the recommender's feedback component; they are rebuilt from the
 * log at start-up and updated as turns and feedback are appended, so the log stays the single source of truth.
 */
export class FeedbackPreferences {
  private readonly model = new PreferenceModel();
  private readonly turnProducts = new Map<number, { customerId: string; productIds: string[] }>();
  /** The delta each (turn, product, kind) vote currently contributes: only the latest vote counts. */
  private readonly latestVotes = new Map<string, number>();
  private readonly segments = new Map<string, Promise<string | null>>();
  private readonly profileOf: ProfileLookup | undefined;

  constructor(options: FeedbackPreferencesOptions = {}) {
    this.profileOf = options.profileOf;
  }

  /** Rebuilds the preferences from every turn and piece of feedback in the log. */
  static async fromAuditLog(
    audit: Pick<AuditStore, 'turns' | 'feedback'>,
    options: FeedbackPreferencesOptions = {},
  ): Promise<FeedbackPreferences> {
    const preferences = new FeedbackPreferences(options);
    for (const turn of await audit.turns({})) preferences.rememberTurn(turn);
    for (const feedback of await audit.feedback({})) await preferences.apply(feedback);
    return preferences;
  }

  /** Learns which customer and products a turn was about (so later feedback can be attributed) and counts the showings. */
  rememberTurn(turn: Pick<AuditRecord, 'seq' | 'customerId' | 'recommendations'>): void {
    if (!turn.customerId || turn.recommendations.length === 0) return;
    const productIds = turn.recommendations.map((item) => item.productId);
    this.turnProducts.set(turn.seq, { customerId: turn.customerId, productIds });
    this.model.recordShown(productIds);
  }

  /** Applies one piece of feedback to the customer and, once their segment is known, to the segment. */
  async apply(
    feedback: Pick<FeedbackRecord, 'turnSeq' | 'rating' | 'productId' | 'accepted'>,
  ): Promise<void> {
    const turn = this.turnProducts.get(feedback.turnSeq);
    if (!turn) return;
    const segment = await this.segmentFor(turn.customerId);
    if (feedback.productId && feedback.accepted !== null) {
      const delta = feedback.accepted ? FEEDBACK_WEIGHTS.accepted : FEEDBACK_WEIGHTS.declined;
      const key = `${feedback.turnSeq}:${feedback.productId}:interest`;
      this.vote(key, turn.customerId, segment, [feedback.productId], delta);
    }
    if (feedback.rating) {
      const delta = feedback.rating === 'up' ? FEEDBACK_WEIGHTS.thumbsUp : FEEDBACK_WEIGHTS.thumbsDown;
      this.vote(`${feedback.turnSeq}::rating`, turn.customerId, segment, turn.productIds, delta);
    }
  }

  /**
   * One vote per (turn, product, kind): a repeat replaces the earlier vote instead of adding to it, so clicking
   * the same button five times (or replaying the request) moves the ranking exactly as much as clicking once.
   */
  private vote(
    key: string,
    customerId: string,
    segment: string | null,
    productIds: readonly string[],
    delta: number,
  ): void {
    const previous = this.latestVotes.get(key);
    if (previous === delta) return;
    for (const productId of productIds) {
      if (previous !== undefined) this.model.record(customerId, segment, productId, -previous);
      this.model.record(customerId, segment, productId, delta);
    }
    this.latestVotes.set(key, delta);
  }

  /**
   * The recommender's feedback input for a customer being ranked: their own adjustments, their
   * segment's elsewhere, and the showing counts. Remembers the customer's segment for their feedback.
   */
  forCustomer(customer: RankedCustomer): Pick<RecommendationInput, 'feedbackAdjustments' | 'exposure'> {
    const segment = customerSegment(customer);
    this.segments.set(customer.customer_id, Promise.resolve(segment));
    return {
      feedbackAdjustments: this.model.adjustmentsFor(customer.customer_id, segment),
      exposure: this.model.exposure(),
    };
  }

  /** One customer's own adjustments (product id → adjustment); empty when they gave no feedback. */
  ownAdjustments(customerId: string): ReadonlyMap<string, number> {
    return this.model.ownAdjustments(customerId);
  }

  /**
   * Wraps an audit store so every appended turn and piece of feedback also updates these preferences.
   * @example const audit = preferences.observe(openSqliteAuditStore(file));
   */
  observe<Store extends AuditStore>(audit: Store): Store {
    const append = audit.append.bind(audit);
    const appendFeedback = audit.appendFeedback.bind(audit);
    return Object.assign(audit, {
      append: async (turn: Parameters<AuditStore['append']>[0]) => {
        const record = await append(turn);
        this.rememberTurn(record);
        return record;
      },
      appendFeedback: async (feedback: FeedbackInput) => {
        const record = await appendFeedback(feedback);
        await this.apply(record);
        return record;
      },
    });
  }

  /**
   * The customer's segment, looked up at most once. A failed lookup is not remembered: the
   * feedback is already in the log, so a store outage must not fail it, and the next piece of
   * feedback (or a restart) pools the customer's adjustments into their segment.
   */
  private segmentFor(customerId: string): Promise<string | null> {
    const known = this.segments.get(customerId);
    if (known) return known;
    if (!this.profileOf) return Promise.resolve(null);
    const lookup = this.profileOf(customerId).then(
      (profile) => (profile === null ? null : customerSegment(profile)),
      () => {
        this.segments.delete(customerId);
        return null;
      },
    );
    this.segments.set(customerId, lookup);
    return lookup;
  }
}
