import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { userFacingError } from '../bot/core/index.ts';
import { AdvisorError } from '../knowledge/advisor-error.ts';

/** Why the web chat refused a request; the widget branches on the code, people read the message. */
export type WebChatErrorCode =
  | 'UNAUTHENTICATED'
  | 'INVALID_INPUT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
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
  UNSUPPORTED_MEDIA_TYPE: 415,
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
export class WebChatError extends AdvisorError<WebChatErrorCode> {
  readonly details: WebChatErrorDetails;

  constructor(code: WebChatErrorCode, message: string, options?: ErrorOptions & WebChatErrorDetails) {
    super(code, message, options);
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

/**
 * Translates any error into the one the client sees, through the wording every channel shares
 * (userFacingError): refusals keep their message, outages and unexpected errors never leak internals.
 */
export function toWebChatError(error: unknown): WebChatError {
  if (error instanceof WebChatError) return error;
  const failure = userFacingError(error);
  return new WebChatError(failure.kind, failure.text, {
    cause: error,
    ...(failure.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: failure.retryAfterSeconds }),
  });
}

/** The JSON body for an error; never includes the cause. */
export function errorBody(error: WebChatError): WebChatErrorBody {
  return { error: { code: error.code, message: error.message, ...error.details } };
}
