import { AdvisorError } from '../knowledge/advisor-error.ts';

/** Why a chain step failed; callers branch on the code, people read the message. */
export type ChainErrorCode =
  | 'MODEL_UNAVAILABLE'
  | 'MODEL_TIMEOUT'
  | 'MODEL_BAD_RESPONSE'
  | 'INVALID_INPUT'
  | 'NOT_AUTHORISED';

/** Base error of the chains layer; `cause` is always kept. */
export class ChainError extends AdvisorError<ChainErrorCode> {}
