import { z } from 'zod';
import { REPLY_LANGUAGES } from '../../chains/compose/fixed-texts.ts';
import { AuditInputError } from './audit-error.ts';

/** Where a turn or a piece of feedback came in. */
export const AUDIT_CHANNELS = ['web', 'slack', 'teams', 'cli'] as const;
/** Who was acting; admins and advisors act on behalf of customers. */
export const ACTOR_ROLES = ['customer', 'advisor', 'admin'] as const;

/** One of AUDIT_CHANNELS. */
export type AuditChannel = (typeof AUDIT_CHANNELS)[number];
/** One of ACTOR_ROLES. */
export type ActorRole = (typeof ACTOR_ROLES)[number];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// SQLite stores UTF-8, which cannot hold a lone surrogate; replacing it here, before hashing, keeps the
// hash equal to what is read back (otherwise a garbled client message would later look like tampering).
const text = z.string().transform((value) => value.replace(LONE_SURROGATE, '\uFFFD'));
const name = text.pipe(z.string().min(1, 'must not be empty'));
const isoInstant = z.iso.datetime({ precision: 3 });
const hexHash = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits');
const seq = z.number().int().min(1);

/**
 * Where a record sits in a streamed turn. A turn whose reply is shown sentence by sentence is recorded twice: an
 * `opening` record (committed before its first sentence is shown; its reply is what was about to be shown) and a
 * `final` record naming the opening's seq. An opening no final record names is a turn that never finished.
 * Absent on a turn recorded whole (nothing streamed, or recorded before streaming existed).
 */
export const TurnStage = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('opening') }),
  z.strictObject({ kind: z.literal('final'), openingSeq: seq }),
]);
/** The parsed stage. */
export type TurnStage = z.infer<typeof TurnStage>;

/**
 * Who wrote a delivered message: the assistant (also when an advisor approved its draft), an advisor in their own
 * words (took over), or an advisor who edited the assistant's draft. Absent = the assistant (turns recorded before
 * the advisor handoff existed).
 */
export const MESSAGE_AUTHORS = ['assistant', 'advisor', 'advisor_edited'] as const;
/** One of MESSAGE_AUTHORS. */
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

/** The person behind a turn or a piece of feedback. */
export const AuditActor = z.strictObject({ id: name, role: z.enum(ACTOR_ROLES) });
/** The parsed actor. */
export type AuditActor = z.infer<typeof AuditActor>;

/** Everything the bot did in one turn: what was asked, what it used, what it said and how it was checked. */
export const AuditTurnInput = z.strictObject({
  channel: z.enum(AUDIT_CHANNELS),
  actor: AuditActor,
  customerId: name.nullable(),
  threadId: name,
  question: name,
  reply: text,
  retrievedDocIds: z.array(name),
  recommendations: z.array(z.strictObject({ productId: name, score: z.number() })),
  provider: z.strictObject({ name, model: name }),
  validator: z.strictObject({
    ok: z.boolean(),
    issues: z.array(z.strictObject({ reason: name, detail: text })),
    repaired: z.boolean(),
    fellBack: z.boolean(),
  }),
  bias: z.strictObject({ flagged: z.boolean(), reasons: z.array(name) }),
  latencyMs: z.number().min(0, 'must be at least 0'),
  /** What the trained understanding made of the question (absent on turns recorded before it existed). */
  understanding: z.strictObject({ intent: name, confidence: z.number().min(0).max(1) }).optional(),
  /** Opening or final record of a streamed turn (see TurnStage). */
  stage: TurnStage.optional(),
  /** Who wrote the reply (see MESSAGE_AUTHORS); absent = the assistant. */
  author: z.enum(MESSAGE_AUTHORS).optional(),
  /** The language the reply's own sentences were written in (en/de/es); absent on turns recorded before it was kept. */
  replyLanguage: z.enum(REPLY_LANGUAGES).optional(),
});
/** What callers pass to `append`. */
export type AuditTurnInput = z.input<typeof AuditTurnInput>;

const chainFields = { seq, recordedAt: isoInstant, prevHash: hexHash, hash: hexHash };

/** A stored turn: the input plus its place in the hash chain. */
export const AuditRecord = AuditTurnInput.extend(chainFields);
/** A turn as stored and read back. */
export type AuditRecord = z.infer<typeof AuditRecord>;

/** A customer's or advisor's reaction to one turn: a rating, a product taken up or declined. */
export const FeedbackInput = z.strictObject({
  turnSeq: seq,
  actor: AuditActor,
  rating: z.enum(['up', 'down']).nullable(),
  productId: name.nullable(),
  accepted: z.boolean().nullable(),
  channel: z.enum(AUDIT_CHANNELS),
});
/** What callers pass to `appendFeedback`. */
export type FeedbackInput = z.input<typeof FeedbackInput>;

/** Stored feedback: the input plus its place in the feedback hash chain. */
export const FeedbackRecord = FeedbackInput.extend(chainFields);
/** Feedback as stored and read back. */
export type FeedbackRecord = z.infer<typeof FeedbackRecord>;

/** Parses boundary data with a schema, throwing one AuditInputError that names every bad field. */
export function parseAuditInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  subject: AuditInputError['subject'],
): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: fieldPath(issue.path),
    reason: issue.message,
  }));
  throw new AuditInputError(subject, issues, { cause: result.error });
}

function fieldPath(path: readonly PropertyKey[]): string {
  const joined = path
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('')
    .replace(/^\./, '');
  return joined === '' ? '(input)' : joined;
}
