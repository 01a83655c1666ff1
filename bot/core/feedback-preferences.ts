import type { AuditRecord, AuditStore, FeedbackInput, FeedbackRecord } from '../audit/index.ts';

/** How much one piece of feedback moves a product for that customer (the ranker caps the total at ±1). */
export const FEEDBACK_WEIGHTS = { accepted: 0.5, declined: -0.5, thumbsUp: 0.2, thumbsDown: -0.2 } as const;

/**
 * Per-customer product preferences learned from feedback in the audit log: "I'm interested" (+0.5),
 * declined (−0.5), 👍/👎 on a turn (±0.2 for each product that turn recommended). The advisor chain reads
 * them synchronously as the recommender's feedback component; they are rebuilt from the log at start-up
 * and updated as feedback is appended, so the log stays the single source of truth.
 */
export class FeedbackPreferences {
  private readonly byCustomer = new Map<string, Map<string, number>>();
  private readonly turnProducts = new Map<number, { customerId: string; productIds: string[] }>();

  /** Rebuilds the preferences from every turn and piece of feedback in the log. */
  static async fromAuditLog(audit: Pick<AuditStore, 'turns' | 'feedback'>): Promise<FeedbackPreferences> {
    const preferences = new FeedbackPreferences();
    for (const turn of await audit.turns({})) preferences.rememberTurn(turn);
    for (const feedback of await audit.feedback({})) preferences.apply(feedback);
    return preferences;
  }

  /** Learns which customer and products a turn was about, so later feedback on it can be attributed. */
  rememberTurn(turn: Pick<AuditRecord, 'seq' | 'customerId' | 'recommendations'>): void {
    if (!turn.customerId || turn.recommendations.length === 0) return;
    this.turnProducts.set(turn.seq, {
      customerId: turn.customerId,
      productIds: turn.recommendations.map((item) => item.productId),
    });
  }

  /** Applies one piece of feedback. */
  apply(feedback: Pick<FeedbackRecord, 'turnSeq' | 'rating' | 'productId' | 'accepted'>): void {
    const turn = this.turnProducts.get(feedback.turnSeq);
    if (!turn) return;
    if (feedback.productId && feedback.accepted !== null) {
      this.add(
        turn.customerId,
        feedback.productId,
        feedback.accepted ? FEEDBACK_WEIGHTS.accepted : FEEDBACK_WEIGHTS.declined,
      );
    }
    if (feedback.rating) {
      const delta = feedback.rating === 'up' ? FEEDBACK_WEIGHTS.thumbsUp : FEEDBACK_WEIGHTS.thumbsDown;
      for (const productId of turn.productIds) this.add(turn.customerId, productId, delta);
    }
  }

  /** The adjustments for one customer (product id → adjustment); empty when they gave no feedback. */
  forCustomer(customerId: string): ReadonlyMap<string, number> {
    return this.byCustomer.get(customerId) ?? new Map();
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
        this.apply(record);
        return record;
      },
    });
  }

  private add(customerId: string, productId: string, delta: number): void {
    const preferences = this.byCustomer.get(customerId) ?? new Map<string, number>();
    preferences.set(productId, Math.max(-1, Math.min(1, (preferences.get(productId) ?? 0) + delta)));
    this.byCustomer.set(customerId, preferences);
  }
}
