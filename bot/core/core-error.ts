/** Why the conversation core refused or failed a message; channels map codes to their own responses. */
export type CoreErrorCode = 'INVALID_INPUT' | 'NOT_AUTHORISED' | 'NOT_FOUND' | 'UNAVAILABLE';

/** Base error of the bot layer; `cause` is always kept. */
export class CoreError extends Error {
  constructor(
    readonly code: CoreErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
