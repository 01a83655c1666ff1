import { randomUUID } from 'node:crypto';
import { replyLanguage } from '../../../chains/compose/fixed-texts.ts';
import type { WrittenTextChecker } from '../../../chains/steps/check-written-text.ts';
import type { AuditStore, AuditTurnInput, MessageAuthor } from '../../audit/index.ts';
import type { InboundMessage, OutboundReply } from '../conversation-core.ts';
import { CoreError } from '../core-error.ts';
import { type Actor, mayAccessCustomer, type RoleDirectory } from '../roles.ts';
import { type AdvisorAnswer, type Handoff, statusOf } from './handoff.ts';
import type { HandoffNotifier } from './handoff-notifier.ts';
import type { HandoffStore } from './handoff-store.ts';
import { expiredText } from './handoff-texts.ts';

/** The default HANDOFF_TIMEOUT_SECONDS: how long a customer waits for an advisor before being told honestly. */
export const DEFAULT_HANDOFF_TIMEOUT_SECONDS = 300;

/** What the desk needs: where handoffs live, the audit log, who advises whom, and the checks an edit must pass. */
export interface HandoffDeskDependencies {
  store: HandoffStore;
  audit: Pick<AuditStore, 'append'>;
  roles: Pick<RoleDirectory, 'advisorsOf'>;
  /** The chain's validator and bias guard for a text a person wrote (createWrittenTextChecker). */
  checkText: WrittenTextChecker;
  timeoutSeconds?: number;
  /** Injected so tests expire handoffs without waiting. */
  now?: () => Date;
  reportError?: (error: unknown) => void;
}

/** What an advisor's answer came to: delivered, refused by the checks (nothing sent), or too late. */
export type AnswerOutcome =
  | { kind: 'delivered'; handoff: Handoff }
  | { kind: 'refused'; reasons: string[] }
  | { kind: 'closed'; handoff: Handoff };

const AUTHOR: Record<AdvisorAnswer['kind'], MessageAuthor> = {
  approve: 'assistant',
  edit: 'advisor_edited',
  take_over: 'advisor',
};
const EXPIRY_PROVIDER = { name: 'core', model: 'handoff-timeout' } as const;
// An approved draft was validated when the assistant wrote it; the expiry message is a fixed text.
const unchecked = (): AuditTurnInput['validator'] => ({
  ok: true,
  issues: [],
  repaired: false,
  fellBack: false,
});

/**
 * The advisor in the loop: opens a handoff when a customer's turn needs a person, puts it in front of the
 * customer's own advisors (each channel's notifier), delivers the advisor's approval, edit or own answer only after
 * the validator and bias guard passed it and the audit log recorded who wrote it, and expires what nobody answered.
 * Changes are applied one at a time, so two clicks, or a click and the timer, cannot both close a handoff.
 */
export class HandoffDesk {
  private readonly notifiers: HandoffNotifier[] = [];
  private readonly now: () => Date;
  private readonly timeoutMs: number;
  private readonly reportError: (error: unknown) => void;
  private turn: Promise<unknown> = Promise.resolve();
  private readonly notifications = new Set<Promise<void>>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly dependencies: HandoffDeskDependencies) {
    const timeoutSeconds = dependencies.timeoutSeconds ?? DEFAULT_HANDOFF_TIMEOUT_SECONDS;
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
      throw new CoreError(
        'INVALID_INPUT',
        `handoff timeout must be a positive number of seconds, got ${timeoutSeconds}`,
      );
    }
    this.timeoutMs = timeoutSeconds * 1000;
    this.now = dependencies.now ?? (() => new Date());
    this.reportError = dependencies.reportError ?? ((error) => console.error('handoff:', error));
  }

  /** Adds a channel that can reach advisors (Slack, Teams); each is asked for the customer's advisors on it. */
  addNotifier(notifier: HandoffNotifier): void {
    this.notifiers.push(notifier);
  }

  /**
   * Opens a handoff for a customer's own turn the chain flagged for a person (handoff asked for, urgent,
   * complaint). Returns the customer's pending handoff instead when one is already waiting; null when the turn
   * does not need a person or was not a customer's own.
   */
  async openForReply(message: InboundMessage, reply: OutboundReply): Promise<Handoff | null> {
    const { actor } = message;
    if (!reply.needsHuman || actor.role !== 'customer' || reply.customerId !== actor.customerId) return null;
    const customerId = actor.customerId;
    return await this.exclusive(async () => {
      const waiting = await this.dependencies.store.latestFor(customerId);
      if (waiting?.status === 'pending') return waiting;
      const openedAt = this.now();
      const handoff: Handoff = {
        id: randomUUID(),
        customerId,
        threadId: message.threadId,
        question: message.text.trim(),
        draft: reply.text,
        recommendedProductIds: reply.products.map((product) => product.productId),
        turnSeq: reply.auditSeq,
        language: replyLanguage(reply.understanding?.language ?? 'en'),
        openedAt: openedAt.toISOString(),
        expiresAt: new Date(openedAt.getTime() + this.timeoutMs).toISOString(),
        status: 'pending',
        message: null,
        advisor: null,
        deliveredSeq: null,
        closedAt: null,
      };
      await this.dependencies.store.insert(handoff);
      this.notifyAdvisors(handoff);
      return handoff;
    });
  }

  /**
   * An advisor's answer. Only one of the customer's advisors may answer (NOT_AUTHORISED otherwise); an edit or
   * own answer that fails the validator or bias guard is refused with the reasons and nothing reaches the customer.
   */
  async answer(handoffId: string, advisor: Actor, answer: AdvisorAnswer): Promise<AnswerOutcome> {
    return await this.exclusive(async () => {
      const handoff = await this.dependencies.store.get(handoffId);
      if (!handoff) throw new CoreError('NOT_FOUND', `No handoff ${handoffId}.`);
      if (advisor.role !== 'advisor' || !mayAccessCustomer(advisor, handoff.customerId)) {
        throw new CoreError(
          'NOT_AUTHORISED',
          `Only ${handoff.customerId}'s own advisors may answer this handoff.`,
        );
      }
      if (handoff.status !== 'pending') return { kind: 'closed', handoff };
      let text = handoff.draft;
      let verdict: Pick<AuditTurnInput, 'validator' | 'bias'> = {
        validator: unchecked(),
        bias: { flagged: false, reasons: [] },
      };
      if (answer.kind !== 'approve') {
        text = answer.text.trim();
        if (text === '') return { kind: 'refused', reasons: ['The message is empty.'] };
        const check = await this.dependencies.checkText(text, handoff);
        if (!check.ok) return { kind: 'refused', reasons: check.reasons };
        verdict = { validator: check.validator, bias: check.bias };
      }
      const closedAt = this.now();
      const record = await this.appendDelivery(handoff, closedAt, {
        channel: advisor.channel,
        actor: { id: advisor.userId, role: 'advisor' },
        reply: text,
        provider: { name: 'advisor', model: statusOf(answer) },
        ...verdict,
        author: AUTHOR[answer.kind],
      });
      return await this.closeWith(handoff, {
        status: statusOf(answer),
        message: text,
        advisor: { userId: advisor.userId, channel: advisor.channel },
        deliveredSeq: record.seq,
        closedAt: closedAt.toISOString(),
      });
    });
  }

  /** Audits the message a handoff delivers to the customer, as a turn of the customer's thread answering their question. */
  private async appendDelivery(
    handoff: Handoff,
    at: Date,
    message: Pick<
      AuditTurnInput,
      'channel' | 'actor' | 'reply' | 'provider' | 'validator' | 'bias' | 'author'
    >,
  ) {
    return await this.dependencies.audit.append({
      ...message,
      customerId: handoff.customerId,
      threadId: handoff.threadId,
      question: handoff.question,
      retrievedDocIds: [],
      recommendations: [],
      latencyMs: Math.max(0, at.getTime() - Date.parse(handoff.openedAt)),
    });
  }

  /** Expires every pending handoff past its time: the customer is told honestly and offered the phone line. */
  async expireDue(): Promise<Handoff[]> {
    return await this.exclusive(async () => {
      const now = this.now();
      const due = await this.dependencies.store.pendingDueBy(now.toISOString());
      const expired: Handoff[] = [];
      for (const handoff of due) {
        const text = expiredText(handoff.language);
        const record = await this.appendDelivery(handoff, now, {
          channel: 'web',
          actor: { id: handoff.customerId, role: 'customer' },
          reply: text,
          provider: EXPIRY_PROVIDER,
          validator: unchecked(),
          bias: { flagged: false, reasons: [] },
          author: 'assistant',
        });
        const outcome = await this.closeWith(handoff, {
          status: 'expired',
          message: text,
          advisor: null,
          deliveredSeq: record.seq,
          closedAt: now.toISOString(),
        });
        if (outcome.kind === 'delivered') expired.push(outcome.handoff);
      }
      return expired;
    });
  }

  /** One handoff by id, for the advisor it was sent to (NOT_AUTHORISED for anyone not advising the customer). */
  async find(handoffId: string, advisor: Actor): Promise<Handoff> {
    const handoff = await this.dependencies.store.get(handoffId);
    if (!handoff) throw new CoreError('NOT_FOUND', `No handoff ${handoffId}.`);
    assertOwnAdvisor(advisor, handoff);
    return handoff;
  }

  /** The customer's newest handoff (what the widget shows), or null. */
  async latestFor(customerId: string): Promise<Handoff | null> {
    return await this.dependencies.store.latestFor(customerId);
  }

  /** Resolves once every advisor notification sent so far has been delivered or reported. */
  async notificationsSettled(): Promise<void> {
    await Promise.all([...this.notifications]);
  }

  /** Checks for expired handoffs every `intervalMs` (unref'd: it never keeps the process alive). */
  start(intervalMs = 5000): void {
    this.stop();
    this.timer = setInterval(() => {
      this.expireDue().catch(this.reportError);
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async closeWith(
    handoff: Handoff,
    closing: Parameters<HandoffStore['close']>[1],
  ): Promise<AnswerOutcome> {
    const closed = await this.dependencies.store.close(handoff.id, closing);
    const current = (await this.dependencies.store.get(handoff.id)) ?? handoff;
    return closed ? { kind: 'delivered', handoff: current } : { kind: 'closed', handoff: current };
  }

  /** Notifies the customer's advisors in the background: a slow Slack must not hold up the customer's reply. */
  private notifyAdvisors(handoff: Handoff): void {
    for (const advisor of this.dependencies.roles.advisorsOf(handoff.customerId)) {
      for (const notifier of this.notifiers) {
        if (notifier.channel !== advisor.channel) continue;
        const sent: Promise<void> = notifier.notify(handoff, advisor).catch(this.reportError);
        this.notifications.add(sent);
        void sent.then(() => this.notifications.delete(sent));
      }
    }
  }

  private exclusive<Result>(operation: () => Promise<Result>): Promise<Result> {
    const result = this.turn.then(operation);
    this.turn = result.catch(() => undefined);
    return result;
  }
}

function assertOwnAdvisor(advisor: Actor, handoff: Handoff): void {
  if (advisor.role !== 'advisor' || !mayAccessCustomer(advisor, handoff.customerId)) {
    throw new CoreError(
      'NOT_AUTHORISED',
      `Only ${handoff.customerId}'s own advisors may answer this handoff.`,
    );
  }
}
