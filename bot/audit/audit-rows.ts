import type { AuditRecord, FeedbackRecord } from './audit-record.ts';
import { canonicalJson } from './canonical-json.ts';

/** One `audit_turns` row as bound to and read from SQLite (booleans as 0/1, lists as canonical JSON). */
export interface TurnRow {
  seq: number;
  recorded_at: string;
  channel: string;
  actor_id: string;
  actor_role: string;
  customer_id: string | null;
  thread_id: string;
  question: string;
  reply: string;
  retrieved_doc_ids: string;
  recommendations: string;
  provider_name: string;
  provider_model: string;
  validator_ok: number;
  validator_issues: string;
  validator_repaired: number;
  validator_fell_back: number;
  bias_flagged: number;
  bias_reasons: string;
  latency_ms: number;
  prev_hash: string;
  hash: string;
  intent: string | null;
  intent_confidence: number | null;
  stage: string | null;
  opening_seq: number | null;
  author: string | null;
  reply_language: string | null;
}

/** One `audit_feedback` row as bound to and read from SQLite. */
export interface FeedbackRow {
  seq: number;
  recorded_at: string;
  turn_seq: number;
  actor_id: string;
  actor_role: string;
  rating: string | null;
  product_id: string | null;
  accepted: number | null;
  channel: string;
  prev_hash: string;
  hash: string;
}

/** Turn column names in table order, for INSERT and SELECT. */
export const TURN_COLUMNS = [
  'seq',
  'recorded_at',
  'channel',
  'actor_id',
  'actor_role',
  'customer_id',
  'thread_id',
  'question',
  'reply',
  'retrieved_doc_ids',
  'recommendations',
  'provider_name',
  'provider_model',
  'validator_ok',
  'validator_issues',
  'validator_repaired',
  'validator_fell_back',
  'bias_flagged',
  'bias_reasons',
  'latency_ms',
  'prev_hash',
  'hash',
  'intent',
  'intent_confidence',
  'stage',
  'opening_seq',
  'author',
  'reply_language',
] as const satisfies readonly (keyof TurnRow)[];

/** Feedback column names in table order. */
export const FEEDBACK_COLUMNS = [
  'seq',
  'recorded_at',
  'turn_seq',
  'actor_id',
  'actor_role',
  'rating',
  'product_id',
  'accepted',
  'channel',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof FeedbackRow)[];

const flag = (value: boolean): number => (value ? 1 : 0);

/** The row that stores a sealed turn. */
export function turnToRow(record: AuditRecord): TurnRow {
  return {
    seq: record.seq,
    recorded_at: record.recordedAt,
    channel: record.channel,
    actor_id: record.actor.id,
    actor_role: record.actor.role,
    customer_id: record.customerId,
    thread_id: record.threadId,
    question: record.question,
    reply: record.reply,
    retrieved_doc_ids: canonicalJson(record.retrievedDocIds),
    recommendations: canonicalJson(record.recommendations),
    provider_name: record.provider.name,
    provider_model: record.provider.model,
    validator_ok: flag(record.validator.ok),
    validator_issues: canonicalJson(record.validator.issues),
    validator_repaired: flag(record.validator.repaired),
    validator_fell_back: flag(record.validator.fellBack),
    bias_flagged: flag(record.bias.flagged),
    bias_reasons: canonicalJson(record.bias.reasons),
    latency_ms: record.latencyMs,
    prev_hash: record.prevHash,
    hash: record.hash,
    intent: record.understanding?.intent ?? null,
    intent_confidence: record.understanding?.confidence ?? null,
    stage: record.stage?.kind ?? null,
    opening_seq: record.stage?.kind === 'final' ? record.stage.openingSeq : null,
    author: record.author ?? null,
    reply_language: record.replyLanguage ?? null,
  };
}

/** The row that stores sealed feedback. */
export function feedbackToRow(record: FeedbackRecord): FeedbackRow {
  return {
    seq: record.seq,
    recorded_at: record.recordedAt,
    turn_seq: record.turnSeq,
    actor_id: record.actor.id,
    actor_role: record.actor.role,
    rating: record.rating,
    product_id: record.productId,
    accepted: record.accepted === null ? null : flag(record.accepted),
    channel: record.channel,
    prev_hash: record.prevHash,
    hash: record.hash,
  };
}

// Reading back must not "repair" a tampered value: anything but 0/1 stays as it is so the hash disagrees.
const unflag = (value: unknown): unknown => (value === 1 ? true : value === 0 ? false : value);
const parseList = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/**
 * Rebuilds the record a turn row claims to hold, without trusting it: the caller re-hashes it.
 * Throws SyntaxError when a list column is not JSON.
 */
export function rowToTurn(row: TurnRow): Record<string, unknown> & { prevHash: unknown; hash: unknown } {
  return {
    channel: row.channel,
    actor: { id: row.actor_id, role: row.actor_role },
    customerId: row.customer_id,
    threadId: row.thread_id,
    question: row.question,
    reply: row.reply,
    retrievedDocIds: parseList(row.retrieved_doc_ids),
    recommendations: parseList(row.recommendations),
    provider: { name: row.provider_name, model: row.provider_model },
    validator: {
      ok: unflag(row.validator_ok),
      issues: parseList(row.validator_issues),
      repaired: unflag(row.validator_repaired),
      fellBack: unflag(row.validator_fell_back),
    },
    bias: { flagged: unflag(row.bias_flagged), reasons: parseList(row.bias_reasons) },
    latencyMs: row.latency_ms,
    ...(row.intent === null && row.intent_confidence === null
      ? {}
      : { understanding: { intent: row.intent, confidence: row.intent_confidence } }),
    ...stageOf(row),
    // Like the stage: a turn recorded without an author never hashed the field.
    ...(row.author === null ? {} : { author: row.author }),
    ...(row.reply_language === null ? {} : { replyLanguage: row.reply_language }),
    seq: row.seq,
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

// A row with no stage was recorded whole; its hash never held the field, so it is left out, not set to null.
function stageOf(row: TurnRow): Record<string, unknown> {
  if (row.stage === null && row.opening_seq === null) return {};
  return {
    stage: row.stage === 'final' ? { kind: row.stage, openingSeq: row.opening_seq } : { kind: row.stage },
  };
}

/** Rebuilds the record a feedback row claims to hold, for re-hashing. */
export function rowToFeedback(
  row: FeedbackRow,
): Record<string, unknown> & { prevHash: unknown; hash: unknown } {
  return {
    turnSeq: row.turn_seq,
    actor: { id: row.actor_id, role: row.actor_role },
    rating: row.rating,
    productId: row.product_id,
    accepted: unflag(row.accepted),
    channel: row.channel,
    seq: row.seq,
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
