/**
 * The project's one error root. Every layer's error (knowledge, chain, audit, core, web) extends it with its own
 * code union, so an edge can branch on `code` without knowing which layer threw, and `cause` is always kept.
 * It lives in the lowest layer because every other layer must be able to extend it.
 * @example class ChainError extends AdvisorError<ChainErrorCode> {}
 */
export class AdvisorError<Code extends string = string> extends Error {
  /** For outages: when a retry is worth trying, in whole seconds (sent as `Retry-After`). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: Code,
    message: string,
    options?: ErrorOptions & { retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.name = new.target.name;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}
