import { AdvisorError } from '../../knowledge/advisor-error.ts';

/** Why the conversation core refused or failed a message; channels map codes to their own responses. */
export type CoreErrorCode = 'INVALID_INPUT' | 'NOT_AUTHORISED' | 'NOT_FOUND' | 'UNAVAILABLE';

/** Base error of the bot layer; `cause` is always kept. */
export class CoreError extends AdvisorError<CoreErrorCode> {}
