import { AdvisorError } from '../../knowledge/advisor-error.ts';
import { CoreError } from './core-error.ts';

/** What kind of failure a person is told about; every channel maps these to its own status or wording. */
export type UserErrorKind =
  | 'INVALID_INPUT'
  | 'NOT_AUTHORISED'
  | 'NOT_FOUND'
  | 'UNAVAILABLE'
  /** The knowledge store is being restarted or reconnected: worth a retry soon. */
  | 'STORE_UNAVAILABLE'
  /** The turn could not be recorded, so nothing of the reply was shown. */
  | 'AUDIT_UNAVAILABLE'
  | 'INTERNAL';

/** A failure as a person sees it: its kind and the one sentence they are told. */
export interface UserFacingError {
  kind: UserErrorKind;
  text: string;
  /** For outages: when a retry is worth trying, in whole seconds. */
  retryAfterSeconds?: number;
}

/** Codes of every layer's error, by the kind of failure they are for the person who asked. */
const KIND_OF_CODE: Readonly<Record<string, UserErrorKind>> = {
  INVALID_INPUT: 'INVALID_INPUT',
  NOT_AUTHORISED: 'NOT_AUTHORISED',
  NOT_FOUND: 'NOT_FOUND',
  UNKNOWN_TURN: 'NOT_FOUND',
  UNAVAILABLE: 'UNAVAILABLE',
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  AUDIT_UNAVAILABLE: 'AUDIT_UNAVAILABLE',
  EMBEDDER_UNAVAILABLE: 'UNAVAILABLE',
  MODEL_UNAVAILABLE: 'UNAVAILABLE',
  MODEL_TIMEOUT: 'UNAVAILABLE',
  MODEL_BAD_RESPONSE: 'UNAVAILABLE',
};

/** Said for outages: the cause (a host name, a model, SQL) is for the log, not for the person. */
export const UNAVAILABLE_TEXT = 'The assistant is unavailable right now; please try again later.';
/** Said when a turn could not be written to the audit log: nothing of the reply was shown. */
export const AUDIT_UNAVAILABLE_TEXT =
  'The assistant is unavailable right now: this conversation could not be recorded, so no reply was shown ' +
  'and nothing was recorded. Please try again later.';
/** Said for unexpected failures; they are logged by the channel, never shown. */
export const INTERNAL_ERROR_TEXT = 'Something went wrong on our side; please try again later.';

/**
 * The one mapping from an error to what a person is told, used by every channel (web, Slack, Teams). Refusals
 * (bad input, not authorised, not found) keep their message, which names what was wrong and what to do instead;
 * outages and unexpected errors get fixed wording so internals never leak.
 */
export function userFacingError(error: unknown): UserFacingError {
  const kind = error instanceof AdvisorError ? (KIND_OF_CODE[error.code] ?? 'INTERNAL') : 'INTERNAL';
  const retryAfterSeconds = error instanceof AdvisorError ? error.retryAfterSeconds : undefined;
  const retry = retryAfterSeconds === undefined ? {} : { retryAfterSeconds };
  switch (kind) {
    case 'UNAVAILABLE':
      return { kind, text: UNAVAILABLE_TEXT, ...retry };
    case 'STORE_UNAVAILABLE':
      // The core's own outage message says when to retry; a lower layer's may name hosts, so it is replaced.
      return { kind, text: error instanceof CoreError ? error.message : UNAVAILABLE_TEXT, ...retry };
    case 'AUDIT_UNAVAILABLE':
      return { kind, text: AUDIT_UNAVAILABLE_TEXT, ...retry };
    case 'INTERNAL':
      return { kind, text: INTERNAL_ERROR_TEXT };
    default:
      return { kind, text: (error as Error).message };
  }
}
