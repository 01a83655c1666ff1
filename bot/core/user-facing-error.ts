import { AdvisorError } from '../../knowledge/advisor-error.ts';

/** What kind of failure a person is told about; every channel maps these to its own status or wording. */
export type UserErrorKind = 'INVALID_INPUT' | 'NOT_AUTHORISED' | 'NOT_FOUND' | 'UNAVAILABLE' | 'INTERNAL';

/** A failure as a person sees it: its kind and the one sentence they are told. */
export interface UserFacingError {
  kind: UserErrorKind;
  text: string;
}

/** Codes of every layer's error, by the kind of failure they are for the person who asked. */
const KIND_OF_CODE: Readonly<Record<string, UserErrorKind>> = {
  INVALID_INPUT: 'INVALID_INPUT',
  NOT_AUTHORISED: 'NOT_AUTHORISED',
  NOT_FOUND: 'NOT_FOUND',
  UNKNOWN_TURN: 'NOT_FOUND',
  UNAVAILABLE: 'UNAVAILABLE',
  STORE_UNAVAILABLE: 'UNAVAILABLE',
  EMBEDDER_UNAVAILABLE: 'UNAVAILABLE',
  MODEL_UNAVAILABLE: 'UNAVAILABLE',
  MODEL_TIMEOUT: 'UNAVAILABLE',
  MODEL_BAD_RESPONSE: 'UNAVAILABLE',
};

/** Said for outages: the cause (a host name, a model, SQL) is for the log, not for the person. */
export const UNAVAILABLE_TEXT = 'The assistant is unavailable right now; please try again later.';
/** Said for unexpected failures; they are logged by the channel, never shown. */
export const INTERNAL_ERROR_TEXT = 'Something went wrong on our side; please try again later.';

/**
 * The one mapping from an error to what a person is told, used by every channel (web, Slack, Teams). Refusals
 * (bad input, not authorised, not found) keep their message, which names what was wrong and what to do instead;
 * outages and unexpected errors get fixed wording so internals never leak.
 */
export function userFacingError(error: unknown): UserFacingError {
  const kind = error instanceof AdvisorError ? (KIND_OF_CODE[error.code] ?? 'INTERNAL') : 'INTERNAL';
  switch (kind) {
    case 'UNAVAILABLE':
      return { kind, text: UNAVAILABLE_TEXT };
    case 'INTERNAL':
      return { kind, text: INTERNAL_ERROR_TEXT };
    default:
      return { kind, text: (error as Error).message };
  }
}
