import type { AdviceReply, AdvisorChain } from '../../chains/advisor-chain.ts';
import { ChainError } from '../../chains/chain-error.ts';
import { HUMAN_HANDOFF, RISK_DISCLOSURE } from '../../chains/grounded/grounded-chat-model.ts';
import type { AdviceIntent } from '../../chains/llm/index.ts';
import { INVESTMENT_PRODUCT_TYPES } from '../../knowledge/schemas.ts';
import type { AuditStore, AuditTurnInput } from '../audit/index.ts';
import { CoreError } from './core-error.ts';
import { type Actor, mayAccessCustomer } from './roles.ts';
import { ThreadMemory } from './thread-memory.ts';

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
  score: number;
  reasons: string[];
  riskDisclosure: string | null;
  /** Feedback (this customer's, or similar customers') changed this product's position. */
  movedByFeedback: boolean;
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
  /** The audit log's sequence number of this turn (feedback refers to it). */
  auditSeq: number;
  latencyMs: number;
}

export interface HandleOptions {
  onToken?: (token: string) => void;
  signal?: AbortSignal;
}

/**
 * The one conversation handler all channels call: authorise, resolve which customer the turn is about,
 * run the advisor chain, remember the thread, write the audit log, reply.
 */
export class ConversationCore {
  private readonly memory: ThreadMemory;

  constructor(
    private readonly dependencies: { chain: AdvisorChain; audit: AuditStore; memory?: ThreadMemory },
  ) {
    this.memory = dependencies.memory ?? new ThreadMemory();
  }

  /**
   * Handles one message. Throws CoreError INVALID_INPUT (empty or too long), NOT_AUTHORISED (the actor may not
   * see that customer; the attempt is still audited) or NOT_FOUND (no such customer).
   */
  async handle(message: InboundMessage, options: HandleOptions = {}): Promise<OutboundReply> {
    const started = performance.now();
    const question = message.text.trim();
    if (question.length === 0) throw new CoreError('INVALID_INPUT', 'The message is empty.');
    if (question.length > MAX_MESSAGE_CHARACTERS) {
      throw new CoreError(
        'INVALID_INPUT',
        `The message has ${question.length} characters; the limit is ${MAX_MESSAGE_CHARACTERS}.`,
      );
    }
    const thread = this.memory.get(message.threadId);
    const mentioned = [...new Set(question.match(CUSTOMER_MENTION) ?? [])];
    if (!message.customerId && mentioned.length > 1) {
      const text = `You mentioned ${mentioned.join(', ')}. Which one customer is this about? I answer about one customer at a time.`;
      return await this.replyWithoutChain(message, question, null, 'clarify', text, started);
    }
    const customerId =
      message.customerId ??
      mentioned[0] ??
      thread.customerId ??
      (message.actor.role === 'customer' ? message.actor.customerId : null);
    if (customerId && !mayAccessCustomer(message.actor, customerId)) {
      await this.audit(message, question, customerId, refusalRecord(started));
      throw new CoreError('NOT_AUTHORISED', `You are not allowed to ask about customer ${customerId}.`);
    }

    let advice: AdviceReply;
    try {
      advice = await this.dependencies.chain.advise({
        question,
        customerId,
        audience: message.actor.role === 'customer' ? 'customer' : 'advisor',
        history: thread.turns,
        explicitRecommendation: message.command === 'advise',
        ...(options.onToken ? { onToken: options.onToken } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if (error instanceof ChainError && error.code === 'INVALID_INPUT') {
        throw new CoreError('NOT_FOUND', error.message, { cause: error });
      }
      throw error;
    }
    this.memory.remember(message.threadId, advice.customerId, question, advice.text);
    const latencyMs = performance.now() - started;
    const validator = {
      ok: advice.validator.ok,
      issues: advice.validator.issues,
      repaired: advice.validator.repaired,
      fellBack: advice.validator.fellBack,
    };
    const record = await this.audit(message, question, advice.customerId, {
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
        score: item.score,
        reasons: item.reasons,
        riskDisclosure: INVESTMENT_PRODUCT_TYPES.includes(item.product.type) ? RISK_DISCLOSURE : null,
        movedByFeedback: item.movedByFeedback,
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
      latencyMs,
    };
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
      latencyMs,
    };
  }

  private async audit(
    message: InboundMessage,
    question: string,
    customerId: string | null,
    outcome: Omit<AuditTurnInput, 'channel' | 'actor' | 'customerId' | 'threadId' | 'question'>,
  ): Promise<number> {
    const record = await this.dependencies.audit.append({
      channel: message.actor.channel,
      actor: { id: message.actor.userId, role: message.actor.role },
      customerId,
      threadId: message.threadId,
      question,
      ...outcome,
    });
    return record.seq;
  }
}

/** The customer ids a "which one?" question names, offered as quick replies. */
function mentionedQuickReplies(text: string): string[] {
  return [...new Set(text.match(CUSTOMER_MENTION) ?? [])];
}

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
