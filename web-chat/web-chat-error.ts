import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AuditError, type AuditErrorCode } from '../bot/audit/index.ts';
import { CoreError, type CoreErrorCode } from '../bot/core/index.ts';
import { ChainError, type ChainErrorCode } from '../chains/chain-error.ts';

/** Why the web chat refused a request; the widget branches on the code, people read the message. */
export type WebChatErrorCode =
  | 'UNAUTHENTICATED'
  | 'INVALID_INPUT'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'NOT_AUTHORISED'
  | 'NOT_FOUND'
  | 'UNAVAILABLE'
  /** The knowledge store is restarting or reconnecting; comes with Retry-After. */
  | 'STORE_UNAVAILABLE'
  /** The turn could not be recorded, so no reply was shown and nothing was recorded. */
  | 'AUDIT_UNAVAILABLE'
  | 'INTERNAL';

/** The HTTP status each code is answered with. */
export const WEB_CHAT_STATUS: Record<WebChatErrorCode, ContentfulStatusCode> = {
  UNAUTHENTICATED: 401,
  INVALID_INPUT: 422,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  NOT_AUTHORISED: 403,
  NOT_FOUND: 404,
  UNAVAILABLE: 503,
  STORE_UNAVAILABLE: 503,
  AUDIT_UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Extra facts some refusals carry: the offending field, or when to retry. */
export interface WebChatErrorDetails {
  field?: string;
  retryAfterSeconds?: number;
}

/** Base error of the web chat channel; `cause` is always kept. */
export class WebChatError extends Error {
  readonly details: WebChatErrorDetails;

  constructor(
    readonly code: WebChatErrorCode,
    message: string,
    options?: ErrorOptions & WebChatErrorDetails,
  ) {
    super(message, options);
    this.name = new.target.name;
    this.details = {
      ...(options?.field === undefined ? {} : { field: options.field }),
      ...(options?.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: options.retryAfterSeconds }),
    };
  }

  get status(): ContentfulStatusCode {
    return WEB_CHAT_STATUS[this.code];
  }
}

/** The JSON body of every error response: `{ error: { code, message, field?, retryAfterSeconds? } }`. */
export interface WebChatErrorBody {
  error: { code: WebChatErrorCode; message: string } & WebChatErrorDetails;
}

const CORE_CODES: Record<CoreErrorCode, WebChatErrorCode> = {
  INVALID_INPUT: 'INVALID_INPUT',
  NOT_AUTHORISED: 'NOT_AUTHORISED',
  NOT_FOUND: 'NOT_FOUND',
  UNAVAILABLE: 'UNAVAILABLE',
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  AUDIT_UNAVAILABLE: 'AUDIT_UNAVAILABLE',
};

const CHAIN_CODES: Record<ChainErrorCode, WebChatErrorCode> = {
  MODEL_UNAVAILABLE: 'UNAVAILABLE',
  MODEL_TIMEOUT: 'UNAVAILABLE',
  MODEL_BAD_RESPONSE: 'UNAVAILABLE',
  INVALID_INPUT: 'INVALID_INPUT',
  NOT_AUTHORISED: 'NOT_AUTHORISED',
};

const AUDIT_CODES: Partial<Record<AuditErrorCode, WebChatErrorCode>> = {
  INVALID_INPUT: 'INVALID_INPUT',
  UNKNOWN_TURN: 'NOT_FOUND',
  STORE_UNAVAILABLE: 'UNAVAILABLE',
};

const SAFE_MESSAGES: Partial<Record<WebChatErrorCode, string>> = {
  UNAVAILABLE: 'The assistant is unavailable right now; please try again later.',
  INTERNAL: 'Something went wrong on our side; please try again later.',
};

/**
 * Translates any error into the one the client sees. Messages of expected refusals pass through; those of
 * outages and unexpected errors are replaced, so internals (paths, SQL, stack traces) never leak.
 */
export function toWebChatError(error: unknown): WebChatError {
  if (error instanceof WebChatError) return error;
  const code = knownCode(error);
  const safe = SAFE_MESSAGES[code];
  const message = safe ?? (error instanceof Error ? error.message : String(error));
  const retryAfterSeconds = error instanceof CoreError ? error.retryAfterSeconds : undefined;
  return new WebChatError(code, message, {
    cause: error,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });
}

function knownCode(error: unknown): WebChatErrorCode {
  if (error instanceof CoreError) return CORE_CODES[error.code];
  if (error instanceof ChainError) return CHAIN_CODES[error.code];
  if (error instanceof AuditError) return AUDIT_CODES[error.code] ?? 'INTERNAL';
  return 'INTERNAL';
}

/** The JSON body for an error; never includes the cause. */
export function errorBody(error: WebChatError): WebChatErrorBody {
  return { error: { code: error.code, message: error.message, ...error.details } };
}
