import { z } from 'zod';
import type { AuditRecord, AuditTurnInput, FeedbackInput, FeedbackRecord } from './audit-record.ts';
import { ChainHead } from './hash-chain.ts';

/** The two hash chains of the audit log, named as their tables. */
export type AuditTable = 'audit_turns' | 'audit_feedback';

/** Why a chain failed verification; `seq` in the result is the first record at which it breaks. */
export type ChainBreakReason = 'hash_mismatch' | 'broken_link' | 'sequence_gap' | 'head_mismatch';

/** Outcome of walking both chains: counts and heads when intact, else the first break found. */
export type VerifyResult =
  | { ok: true; turns: number; feedback: number; head: ChainHead | null; feedbackHead: ChainHead | null }
  | { ok: false; table: AuditTable; seq: number; reason: ChainBreakReason };

/** Heads published earlier (e.g. in a daily report); the chain must still contain them exactly. */
export const VerifyOptions = z.strictObject({
  head: ChainHead.optional(),
  feedbackHead: ChainHead.optional(),
});
/** Expected heads, as callers write them. */
export type VerifyOptions = z.input<typeof VerifyOptions>;

const since = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString())
  .optional();
const limit = z.number().int().min(1).optional();

/** Which turns to read back; results are in ascending `seq`, `limit` keeps the oldest matches. */
export const TurnFilter = z
  .strictObject({
    /** ISO timestamp; only records with `recordedAt >= since`. */
    since,
    customerId: z.string().min(1).optional(),
    /** One turn by its sequence number (an empty result when there is none). */
    seq: z.number().int().min(1).optional(),
    /** Only turns this person asked (the actor's id), whichever customer they were about. */
    actorId: z.string().min(1).optional(),
    /** Only turns after this sequence number. */
    afterSeq: z.number().int().min(0).optional(),
    /** Also return streamed turns' opening records (left out by default: a turn counts once, by its final record). */
    openings: z.boolean().optional(),
    limit,
    /** Keeps the newest N matches instead of the oldest (still returned oldest first); not with `limit`. */
    latest: z.number().int().min(1).optional(),
  })
  .refine((filter) => filter.limit === undefined || filter.latest === undefined, {
    message: 'give limit or latest, not both',
    path: ['latest'],
  });
/** A turn filter, as callers write it. */
export type TurnFilter = z.input<typeof TurnFilter>;

/** Which feedback to read back; `customerId` selects feedback on that customer's turns. */
export const FeedbackFilter = z.strictObject({
  since,
  turnSeq: z.number().int().min(1).optional(),
  customerId: z.string().min(1).optional(),
  limit,
});
/** A feedback filter, as callers write it. */
export type FeedbackFilter = z.input<typeof FeedbackFilter>;

/** Append-only, tamper-evident record of every chatbot turn and the feedback on it. */
export interface AuditStore {
  /** Validates and appends one turn as a single durable transaction; returns it as stored. */
  append(turn: AuditTurnInput): Promise<AuditRecord>;
  /** Appends feedback on an existing turn; an unknown `turnSeq` is rejected. */
  appendFeedback(feedback: FeedbackInput): Promise<FeedbackRecord>;
  /** Re-hashes both chains from the first record; never throws for a broken chain, it reports it. */
  verify(options?: VerifyOptions): Promise<VerifyResult>;
  /** The newest turn's seq and hash, or null for an empty log. */
  head(): Promise<ChainHead | null>;
  /** Reads turns back, oldest first. */
  turns(filter?: TurnFilter): Promise<AuditRecord[]>;
  /** Reads feedback back, oldest first. */
  feedback(filter?: FeedbackFilter): Promise<FeedbackRecord[]>;
  close(): Promise<void>;
}
