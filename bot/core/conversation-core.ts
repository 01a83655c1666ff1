import type { AdviceReply, AdvisorChain, TurnProgress } from '../../chains/advisor-chain.ts';
import { ChainError } from '../../chains/chain-error.ts';
import { fixedText, replyLanguage } from '../../chains/compose/fixed-texts.ts';
import { productTypeLabel } from '../../chains/compose/product-type-labels.ts';
import { HUMAN_HANDOFF } from '../../chains/grounded/grounded-chat-model.ts';
import type { AdviceIntent } from '../../chains/llm/index.ts';
import { INVESTMENT_PRODUCT_TYPES } from '../../knowledge/schemas.ts';
import type { ChromaSupervisor } from '../../knowledge/store/chroma-supervisor.ts';
import {
  AuditInputError,
  type AuditStore,
  type AuditTurnInput,
  type HistoryClearances,
  inMemoryHistoryClearances,
} from '../audit/index.ts';
import { assertMayAccessCustomer } from './access-refusal.ts';
import { AuditHealth } from './audit-health.ts';
import { CoreError } from './core-error.ts';
import {
  type CustomerHistoryDependencies,
  clearCustomerHistory,
  type HistoryTurn,
  readCustomerHistory,
} from './customer-history.ts';
import { feedbackNotes } from './feedback-notes.ts';
import { applyFeedbackRule, type FeedbackOutcome, type FeedbackVote } from './feedback-rule.ts';
import type { ProductOpinionSource } from './product-opinions.ts';
import { ReplyRelease } from './reply-release.ts';
import { type Actor, mayAccessCustomer } from './roles.ts';
import { ThreadMemory } from './thread-memory.ts';
import { TurnIdCodec } from './turn-id.ts';
import { AUDIT_UNAVAILABLE_TEXT } from './user-facing-error.ts';
import { hasVisibleText } from './visible-text.ts';

export type { TurnProgress };

/** The longest message the core accepts, checked before any retrieval or model call. */
export const MAX_MESSAGE_CHARACTERS = 2000;
const CUSTOMER_MENTION = /\bC-\d{4,}\b/g;

/** One message from any channel, already translated by its adapter. */
export interface InboundMessage {
  actor: Actor;
  /** Stable id of the conversation thread (Slack thread ts, Teams conversation id, web session). */
  threadId: string;
  text: string;
  /** Set by commands that name a customer outright, e.g. `/advise C-000042`. */
  customerId?: string;
  /** `advise` asks for recommendations whatever the wording. */
  command?: 'advise';
}

/** A recommended product as every channel shows it: a card with its reasons and, for investments, the risk warning. */
export interface ProductCard {
  productId: string;
  name: string;
  type: string;
  /** The type as people read it, in the reply's language ("investment fund", "Investmentfonds"); channels show it as is. */
  typeLabel: string;
  score: number;
  reasons: string[];
  riskDisclosure: string | null;
  /** Feedback (this customer's, or similar customers') changed this product's position. */
  movedByFeedback: boolean;
  /** Whose feedback the product has had, worded for the reader ("2 customers in this segment were interested"). */
  feedbackNotes: string[];
  /** Shown partly to explore: it has rarely been shown, so the bank is still learning how it is received. */
  explored: boolean;
}

/** What the core answers: the text and everything a channel renders beside it. */
export interface OutboundReply {
  text: string;
  customerId: string | null;
  intent: AdviceIntent | 'clarify';
  /** The understanding's intent id and calibrated confidence; null when the core answered without the chain. */
  understanding: { intent: string; confidence: number; language: string } | null;
  /** The turn is flagged for a person (urgent, handoff, complaint, or no guide for the topic). */
  needsHuman: boolean;
  /** Short answers to offer as buttons (the topics of a clarifying question). */
  quickReplies: string[];
  products: ProductCard[];
  sources: { articleId: string; title: string; section: string }[];
  provider: { name: string; model: string };
  validator: AuditTurnInput['validator'];
  bias: AuditTurnInput['bias'];
  /** The audit log's sequence number of this turn: for the bank's logs only, never shown to customers. */
  auditSeq: number;
  /** The opaque id of this turn that channels show and feedback refers to (TurnIdCodec). */
  turnId: string;
  latencyMs: number;
}

/** What the core needs to know about the knowledge store's health (a ChromaSupervisor provides it). */
export type StoreHealth = Pick<ChromaSupervisor, 'status' | 'check' | 'retryAfterSeconds'>;

export interface HandleOptions {
  /** Validated sentences of the reply (with their trailing space), released once an audit record of the turn is committed. */
  onToken?: (token: string) => void;
  /** Everything shown so far is void: show exactly this text (a sentence failed and the reply was completed otherwise). */
  onReplace?: (text: string) => void;
  /** The chain step the turn has reached (status text while the reply is prepared). */
  onProgress?: (step: TurnProgress) => void;
  /** Called once access is granted and before the chain runs, so a channel may show "thinking" without leaking a refusal. */
  onAuthorised?: () => void;
  signal?: AbortSignal;
}

/**
 * The one conversation handler all channels call: authorise, resolve which customer the turn is about,
 * run the advisor chain, write the audit log, and only then let the reply out and remember the thread.
 */
export class ConversationCore {
  private readonly memory: ThreadMemory;
  /** Whether audit appends are succeeding; read by `/readyz`. */
  readonly auditHealth: AuditHealth;
  private readonly turnIds: TurnIdCodec;
  private readonly history: CustomerHistoryDependencies;
  private readonly votesInFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly dependencies: {
      chain: AdvisorChain;
      audit: AuditStore;
      memory?: ThreadMemory;
      auditHealth?: AuditHealth;
      /** When given, turns fail fast with STORE_UNAVAILABLE while the store is away. */
      store?: StoreHealth;
      /** Issues the turn ids replies carry; give it a stable secret so buttons survive restarts. */
      turnIds?: TurnIdCodec;
      /** Where "delete my conversation" markers are kept (default: in memory, lost on restart). */
      clearances?: HistoryClearances;
      /** The catalogue, so a customer's history names the products its turns recommended. */
      catalog?: CustomerHistoryDependencies['catalog'];
      /** Who said what about each product (FeedbackPreferences); without it cards carry no feedback notes. */
      opinions?: ProductOpinionSource;
    },
  ) {
    this.memory = dependencies.memory ?? new ThreadMemory();
    this.auditHealth = dependencies.auditHealth ?? new AuditHealth();
    this.turnIds = dependencies.turnIds ?? new TurnIdCodec();
    this.history = {
      audit: dependencies.audit,
      clearances: dependencies.clearances ?? inMemoryHistoryClearances(),
      turnIds: this.turnIds,
      ...(dependencies.catalog ? { catalog: dependencies.catalog } : {}),
    };
  }

  /** The customer's own conversation, newest last, after their last clearance, product types named in `language`. */
  async customerHistory(actor: Actor, limit?: number, language?: string): Promise<HistoryTurn[]> {
    return await readCustomerHistory(this.history, actor, limit, language);
  }

  /** "Delete my conversation": clears the customer's view; the audit log keeps every record. */
  async clearCustomerHistory(actor: Actor): Promise<{ clearedAt: string }> {
    return await clearCustomerHistory(this.history, actor);
  }

  /**
   * Records a vote through the one feedback rule every channel shares (see applyFeedbackRule) and says whether it
   * was new or repeated the voter's current choice, so channels show the button as chosen. One voter's votes are
   * applied one at a time: two quick clicks on the same button write one record, not two.
   */
  async recordFeedback(actor: Actor, vote: FeedbackVote): Promise<FeedbackOutcome> {
    const voter = `${actor.channel}:${actor.role}:${actor.userId}`;
    const previous = this.votesInFlight.get(voter) ?? Promise.resolve();
    const outcome = previous.then(() =>
      applyFeedbackRule({ audit: this.dependencies.audit, turnIds: this.turnIds }, actor, vote),
    );
    const settled = outcome.then(
      () => undefined,
      () => undefined,
    );
    this.votesInFlight.set(voter, settled);
    void settled.then(() => {
      if (this.votesInFlight.get(voter) === settled) this.votesInFlight.delete(voter);
    });
    return await outcome;
  }

  /**
   * Handles one message. Throws CoreError INVALID_INPUT (empty or too long), NOT_AUTHORISED (the actor may not
   * see that customer; the attempt is still audited), NOT_FOUND (no such customer), STORE_UNAVAILABLE (the
   * knowledge store is away) or AUDIT_UNAVAILABLE (the turn could not be recorded; no token was delivered).
   * Text reaches `onToken`/`onReplace` only after an audit record of the turn is committed: a streamed turn commits
   * an opening record before its first sentence is shown and a final record (naming the opening) when it ends.
   */
  async handle(message: InboundMessage, options: HandleOptions = {}): Promise<OutboundReply> {
    const started = performance.now();
    const question = message.text.trim();
    if (!hasVisibleText(question)) throw new CoreError('INVALID_INPUT', 'The message is empty.');
    if (question.length > MAX_MESSAGE_CHARACTERS) {
      throw new CoreError(
        'INVALID_INPUT',
        `The message has ${question.length} characters; the limit is ${MAX_MESSAGE_CHARACTERS}.`,
      );
    }
    const thread = this.memory.get(message.threadId);
    const mentioned = [...new Set(question.match(CUSTOMER_MENTION) ?? [])];
    if (!message.customerId && mentioned.length > 1) {
      const text = fixedText(
        'one_customer_at_a_time',
        { language: 'en', audience: audienceOf(message.actor) },
        { customers: mentioned.join(', ') },
      );
      return await this.replyWithoutChain(message, question, null, 'clarify', text, started);
    }
    const customerId =
      message.customerId ??
      mentioned[0] ??
      thread.customerId ??
      (message.actor.role === 'customer' ? message.actor.customerId : null);
    if (customerId && !mayAccessCustomer(message.actor, customerId)) {
      await this.audit(message, question, customerId, refusalRecord(started));
      assertMayAccessCustomer(message.actor, customerId);
    }

    this.throwIfStoreAway();
    options.onAuthorised?.();
    const streams = options.onToken !== undefined || options.onReplace !== undefined;
    let opening: Promise<number> | undefined;
    const release = new ReplyRelease(options.onToken, options.onReplace, (firstText) => {
      // The first validated text is ready: record that the turn began (and what it is about to show) first.
      const provider = this.dependencies.chain.provider;
      opening = this.audit(message, question, customerId, openingRecord(provider, firstText, started));
      opening.then(
        () => release.open(),
        () => release.discard(),
      );
    });
    let advice: AdviceReply;
    try {
      advice = await this.dependencies.chain.advise({
        question,
        customerId,
        audience: audienceOf(message.actor),
        history: thread.turns,
        explicitRecommendation: message.command === 'advise',
        ...(streams ? { onToken: release.push, onReplace: release.replace } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if (error instanceof ChainError && error.code === 'INVALID_INPUT') {
        throw new CoreError('NOT_FOUND', error.message, { cause: error });
      }
      throw await this.storeOutageOr(error);
    }
    const latencyMs = performance.now() - started;
    const validator = {
      ok: advice.validator.ok,
      issues: advice.validator.issues,
      repaired: advice.validator.repaired,
      fellBack: advice.validator.fellBack,
    };
    // A failed opening commit fails the turn (nothing was shown); a committed one is what the final record names.
    const openingSeq = opening === undefined ? undefined : await opening;
    let record: number;
    try {
      record = await this.audit(message, question, advice.customerId, {
        reply: advice.text,
        retrievedDocIds: advice.retrievedDocIds,
        recommendations: advice.recommendations.map((item) => ({
          productId: item.product.id,
          score: item.score,
        })),
        provider: advice.provider,
        validator,
        bias: advice.bias,
        latencyMs,
        understanding: { intent: advice.understanding.intent, confidence: advice.understanding.confidence },
        replyLanguage: replyLanguage(advice.understanding.language),
        ...(openingSeq === undefined ? {} : { stage: { kind: 'final', openingSeq } }),
      });
    } catch (error) {
      release.discard();
      throw error;
    }
    release.open();
    this.memory.remember(message.threadId, advice.customerId, question, advice.text);
    // The cards' disclosure in the reader's voice, word for word the one the grounded text carries (shown once).
    const disclosure = fixedText('risk_disclosure', {
      language: advice.understanding.language,
      audience: audienceOf(message.actor),
      customerId: advice.customerId,
    });
    return {
      text: advice.text,
      customerId: advice.customerId,
      intent: advice.intent,
      understanding: {
        intent: advice.understanding.intent,
        confidence: advice.understanding.confidence,
        language: advice.understanding.language,
      },
      needsHuman: advice.needsHuman,
      quickReplies: advice.quickReplies,
      products: advice.recommendations.map((item) => ({
        productId: item.product.id,
        name: item.product.name,
        type: item.product.type,
        typeLabel: productTypeLabel(item.product.type, advice.understanding.language),
        score: item.score,
        reasons: item.reasons,
        riskDisclosure: INVESTMENT_PRODUCT_TYPES.includes(item.product.type) ? disclosure : null,
        movedByFeedback: item.movedByFeedback,
        feedbackNotes: this.notesOn(advice.customerId, item.product.id, message.actor),
        explored: item.explored,
      })),
      sources: advice.sources.map((source) => ({
        articleId: source.articleId,
        title: source.title,
        section: source.section,
      })),
      provider: advice.provider,
      validator,
      bias: advice.bias,
      auditSeq: record,
      turnId: this.turnIds.encode(record),
      latencyMs,
    };
  }

  private notesOn(customerId: string | null, productId: string, reader: Actor): string[] {
    const { opinions } = this.dependencies;
    if (!opinions || customerId === null) return [];
    return feedbackNotes(opinions.opinionsOn(customerId, productId), reader, customerId);
  }

  private async replyWithoutChain(
    message: InboundMessage,
    question: string,
    customerId: string | null,
    intent: 'clarify',
    text: string,
    started: number,
  ): Promise<OutboundReply> {
    const latencyMs = performance.now() - started;
    const provider = { name: 'core', model: 'clarification' };
    const validator = { ok: true, issues: [], repaired: false, fellBack: false };
    const bias = { flagged: false, reasons: [] };
    const seq = await this.audit(message, question, customerId, {
      reply: text,
      retrievedDocIds: [],
      recommendations: [],
      provider,
      validator,
      bias,
      latencyMs,
    });
    return {
      text,
      customerId,
      intent,
      understanding: null,
      needsHuman: false,
      quickReplies: mentionedQuickReplies(text),
      products: [],
      sources: [],
      provider,
      validator,
      bias,
      auditSeq: seq,
      turnId: this.turnIds.encode(seq),
      latencyMs,
    };
  }

  /** Appends the turn; an outage becomes AUDIT_UNAVAILABLE (logged once per burst), a bad record stays a bug. */
  private async audit(
    message: InboundMessage,
    question: string,
    customerId: string | null,
    outcome: Omit<AuditTurnInput, 'channel' | 'actor' | 'customerId' | 'threadId' | 'question'>,
  ): Promise<number> {
    try {
      const record = await this.dependencies.audit.append({
        channel: message.actor.channel,
        actor: { id: message.actor.userId, role: message.actor.role },
        customerId,
        threadId: message.threadId,
        question,
        ...outcome,
      });
      this.auditHealth.recordSuccess();
      return record.seq;
    } catch (error) {
      if (error instanceof AuditInputError) throw error;
      this.auditHealth.recordFailure(error);
      throw new CoreError('AUDIT_UNAVAILABLE', AUDIT_UNAVAILABLE_TEXT, { cause: error });
    }
  }

  private throwIfStoreAway(): void {
    const store = this.dependencies.store;
    if (!store || store.status() === 'up') return;
    throw storeUnavailable(store);
  }

  /** A chain failure while the store does not answer is the outage, not a bug: no stack trace per request. */
  private async storeOutageOr(error: unknown): Promise<unknown> {
    const store = this.dependencies.store;
    if (!store || error instanceof CoreError || error instanceof ChainError) return error;
    return (await store.check()) ? error : storeUnavailable(store, error);
  }
}

function storeUnavailable(store: StoreHealth, cause?: unknown): CoreError {
  const retryAfterSeconds = store.retryAfterSeconds();
  return new CoreError(
    'STORE_UNAVAILABLE',
    `The advisor's knowledge store is unavailable right now; please try again in ${retryAfterSeconds} s.`,
    { retryAfterSeconds, ...(cause === undefined ? {} : { cause }) },
  );
}

/** Who reads the reply: the customer themself, or staff (advisors and admins) reading about a customer. */
function audienceOf(actor: Actor): 'customer' | 'advisor' {
  return actor.role === 'customer' ? 'customer' : 'advisor';
}

/** The customer ids a "which one?" question names, offered as quick replies. */
function mentionedQuickReplies(text: string): string[] {
  return [...new Set(text.match(CUSTOMER_MENTION) ?? [])];
}

/** The opening record of a streamed turn: who asked what, and that the turn is not finished (see TurnStage). */
function openingRecord(
  provider: { name: string; model: string },
  firstText: string,
  started: number,
): Omit<AuditTurnInput, 'channel' | 'actor' | 'customerId' | 'threadId' | 'question'> {
  return {
    reply: firstText,
    retrievedDocIds: [],
    recommendations: [],
    provider,
    validator: {
      ok: false,
      issues: [{ reason: 'unfinished', detail: UNFINISHED_DETAIL }],
      repaired: false,
      fellBack: false,
    },
    bias: { flagged: false, reasons: [] },
    latencyMs: performance.now() - started,
    stage: { kind: 'opening' },
  };
}

/** What an opening record says about its turn until a final record names it. */
export const UNFINISHED_DETAIL =
  'opening record of a streamed turn: its first sentence was about to be shown; the turn is finished only when a final record names this seq';

function refusalRecord(
  started: number,
): Omit<AuditTurnInput, 'channel' | 'actor' | 'customerId' | 'threadId' | 'question'> {
  return {
    reply: `Refused: not authorised. ${HUMAN_HANDOFF}`,
    retrievedDocIds: [],
    recommendations: [],
    provider: { name: 'core', model: 'authorisation' },
    validator: { ok: true, issues: [], repaired: false, fellBack: false },
    bias: { flagged: false, reasons: [] },
    latencyMs: performance.now() - started,
  };
}
