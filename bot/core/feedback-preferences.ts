import {
  customerSegment,
  PreferenceModel,
  type RecommendationInput,
  type SegmentFacts,
} from '../../chains/recommend/index.ts';
import type { AuditRecord, AuditStore, FeedbackInput, FeedbackRecord } from '../audit/index.ts';
import type { ProductOpinions, StaffNote } from './product-opinions.ts';

/** How much a customer's "interested" / "not for me" moves that product for them (the ranker caps the total at ±1). */
export const FEEDBACK_WEIGHTS = { accepted: 0.5, declined: -0.5 } as const;

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

/** The fields of a stored vote the preferences read. */
export type AppliedFeedback = Pick<
  FeedbackRecord,
  'turnSeq' | 'rating' | 'productId' | 'accepted' | 'actor' | 'channel'
>;

/**
 * Product preferences learned from feedback in the audit log. Only a customer's own "interested" (+0.5) or
 * "not for me" (−0.5) teaches the recommender, for them and pooled per segment (chains/recommend's
 * PreferenceModel); a 👍/👎 rates the reply, not its products; an advisor's or admin's vote is kept as a staff
 * note, shown on cards but never counted as customer feedback. One current choice per voter, customer and
 * product: a repeat changes nothing, a change of mind replaces the earlier choice. Rebuilt from the log at
 * start-up and updated as turns and feedback are appended, so the log stays the single source of truth.
 */
export class FeedbackPreferences {
  private readonly model = new PreferenceModel();
  private readonly turnCustomers = new Map<number, string>();
  /** productId → customerId → that customer's current choice (true: interested). */
  private readonly customerChoices = new Map<string, Map<string, boolean>>();
  /** `${customerId}|${productId}` → staff voter key → their current note. */
  private readonly staffNotes = new Map<string, Map<string, StaffNote>>();
  private readonly segments = new Map<string, Promise<string | null>>();
  private readonly knownSegments = new Map<string, string | null>();
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

  /** Learns which customer a turn was about (so later feedback can be attributed) and counts the showings. */
  rememberTurn(turn: Pick<AuditRecord, 'seq' | 'customerId' | 'recommendations'>): void {
    if (!turn.customerId || turn.recommendations.length === 0) return;
    this.turnCustomers.set(turn.seq, turn.customerId);
    this.model.recordShown(turn.recommendations.map((item) => item.productId));
  }

  /** Applies one vote: a customer's interest teaches the recommender; staff votes become notes; ratings do neither. */
  async apply(feedback: AppliedFeedback): Promise<void> {
    const customerId = this.turnCustomers.get(feedback.turnSeq);
    const { productId, accepted } = feedback;
    if (!customerId || productId === null || accepted === null) return;
    if (feedback.actor.role !== 'customer') {
      const key = `${customerId}|${productId}`;
      const notes = this.staffNotes.get(key) ?? new Map<string, StaffNote>();
      notes.set(`${feedback.channel}:${feedback.actor.role}:${feedback.actor.id}`, {
        voterId: feedback.actor.id,
        role: feedback.actor.role,
        channel: feedback.channel,
        accepted,
      });
      this.staffNotes.set(key, notes);
      return;
    }
    // The feedback rule lets a customer vote only on their own turns; a record saying otherwise teaches nothing.
    if (feedback.actor.id !== customerId) return;
    const choices = this.customerChoices.get(productId) ?? new Map<string, boolean>();
    const previous = choices.get(customerId);
    if (previous === accepted) return;
    choices.set(customerId, accepted);
    this.customerChoices.set(productId, choices);
    const segment = await this.segmentFor(customerId);
    if (previous !== undefined) this.model.record(customerId, segment, productId, -weightOf(previous));
    this.model.record(customerId, segment, productId, weightOf(accepted));
  }

  /**
   * The recommender's feedback input for a customer being ranked: their own adjustments, their
   * segment's elsewhere, and the showing counts. Remembers the customer's segment for their feedback.
   */
  forCustomer(customer: RankedCustomer): Pick<RecommendationInput, 'feedbackAdjustments' | 'exposure'> {
    const segment = customerSegment(customer);
    this.segments.set(customer.customer_id, Promise.resolve(segment));
    this.knownSegments.set(customer.customer_id, segment);
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
   * Who said what about a product for a customer: their own choice, how many other customers of their segment
   * chose each way (when the segment is known), and the staff notes. Cards word these for their reader.
   */
  opinionsOn(customerId: string, productId: string): ProductOpinions {
    const choices = this.customerChoices.get(productId);
    const segment = this.knownSegments.get(customerId) ?? null;
    let interested = 0;
    let notInterested = 0;
    if (segment !== null && choices) {
      for (const [voter, accepted] of choices) {
        if (voter === customerId || this.knownSegments.get(voter) !== segment) continue;
        if (accepted) interested += 1;
        else notInterested += 1;
      }
    }
    return {
      customerChoice: choices?.get(customerId) ?? null,
      segment: { interested, notInterested },
      staff: [...(this.staffNotes.get(`${customerId}|${productId}`)?.values() ?? [])],
    };
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
      (profile) => {
        const segment = profile === null ? null : customerSegment(profile);
        this.knownSegments.set(customerId, segment);
        return segment;
      },
      () => {
        this.segments.delete(customerId);
        return null;
      },
    );
    this.segments.set(customerId, lookup);
    return lookup;
  }
}

function weightOf(accepted: boolean): number {
  return accepted ? FEEDBACK_WEIGHTS.accepted : FEEDBACK_WEIGHTS.declined;
}
