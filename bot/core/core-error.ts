import { AdvisorError } from '../../knowledge/advisor-error.ts';

/** Why the conversation core refused or failed a message; channels map codes to their own responses. */
export type CoreErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_AUTHORISED'
  | 'NOT_FOUND'
  | 'UNAVAILABLE'
  /** The knowledge store (Chroma) does not answer; it is being restarted or reconnected. */
  | 'STORE_UNAVAILABLE'
  /** The turn could not be written to the audit log, so nothing of the reply was shown. */
  | 'AUDIT_UNAVAILABLE';

/** Base error of the bot layer; `cause` is always kept. */
export class CoreError extends AdvisorError<CoreErrorCode> {}
