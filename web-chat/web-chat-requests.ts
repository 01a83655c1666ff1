import type { Context } from 'hono';
import { z } from 'zod';
import { hasVisibleText, MAX_HISTORY_TURNS, MAX_MESSAGE_CHARACTERS } from '../bot/core/index.ts';
import { WebChatError } from './web-chat-error.ts';

/** `POST /api/chat`: the customer's message and, for follow-ups, the thread the server handed out. */
export const ChatRequest = z.strictObject({
  message: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(MAX_MESSAGE_CHARACTERS)
    .refine(hasVisibleText, 'must contain visible text, not only spaces, control or zero-width characters'),
  threadId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected 1–64 letters, digits, "-" or "_"')
    .optional(),
});
/** A parsed chat request. */
export type ChatRequest = z.infer<typeof ChatRequest>;

/** `POST /api/feedback`: a rating of one answer, or interest in one recommended product. */
export const FeedbackRequest = z.strictObject({
  turnId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected the turnId of a reply'),
  rating: z.enum(['up', 'down']).nullable(),
  productId: z.string().min(1).max(64).nullable().optional(),
  accepted: z.boolean().nullable().optional(),
});
/** A parsed feedback request. */
export type FeedbackRequest = z.infer<typeof FeedbackRequest>;

/**
 * `GET /api/history?limit=N&lang=de`: how many of the newest turns to return (default and maximum 50), and the
 * language the products' type labels are named in (default English).
 */
export const HistoryQuery = z.strictObject({
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/i, 'expected a language tag like de or es-MX')
    .optional(),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_HISTORY_TURNS, `must be at most ${MAX_HISTORY_TURNS}`)
    .optional(),
});
/** A parsed history query. */
export type HistoryQuery = z.infer<typeof HistoryQuery>;

/** Parses query parameters with `schema`; a bad or unknown parameter is a 422 naming it. */
export function readQuery<Schema extends z.ZodType>(context: Context, schema: Schema): z.infer<Schema> {
  const parsed = schema.safeParse(context.req.query());
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issueField(issue)}: ${issue.message}`);
  throw new WebChatError('INVALID_INPUT', `Invalid query: ${problems.join('; ')}.`, {
    cause: parsed.error,
    field: parsed.error.issues[0] ? issueField(parsed.error.issues[0]) : '(query)',
  });
}

/**
 * Reads a JSON body and parses it with `schema`: any Content-Type but `application/json` is a 415, bad JSON or a
 * bad field a 422 naming the field.
 */
export async function readJsonBody<Schema extends z.ZodType>(
  context: Context,
  schema: Schema,
): Promise<z.infer<Schema>> {
  const mediaType = context.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new WebChatError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Content-Type must be application/json, got ${mediaType ? `"${mediaType}"` : 'none'}.`,
      { field: '(content-type)' },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(await context.req.text());
  } catch (error) {
    throw new WebChatError('INVALID_INPUT', 'The request body is not valid JSON.', {
      cause: error,
      field: '(body)',
    });
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issueField(issue)}: ${issue.message}`);
  throw new WebChatError('INVALID_INPUT', `Invalid request: ${problems.join('; ')}.`, {
    cause: parsed.error,
    field: parsed.error.issues[0] ? issueField(parsed.error.issues[0]) : '(body)',
  });
}

function issueField(issue: z.core.$ZodIssue): string {
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : issue.path;
  return path.length > 0 ? path.map(String).join('.') : '(body)';
}
