/**
 * Hands tokens from the core's synchronous `onToken` callback to the async SSE writer. Iterating yields every
 * token pushed so far as one batch, waits for more, and ends once `close()` was called and all were taken.
 */
export class TokenRelay implements AsyncIterable<string[]> {
  private pending: string[] = [];
  private wake: (() => void) | null = null;
  private closed = false;
  private markActive: () => void = () => {};
  /** Resolves at the first token or at close, whichever comes first. */
  readonly active: Promise<void> = new Promise((resolve) => {
    this.markActive = resolve;
  });

  push(token: string): void {
    if (this.closed) return;
    this.pending.push(token);
    this.notify();
  }

  close(): void {
    this.closed = true;
    this.notify();
  }

  get hasTokens(): boolean {
    return this.pending.length > 0;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<string[]> {
    for (;;) {
      if (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        yield batch;
      } else if (this.closed) {
        return;
      } else {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
      }
    }
  }

  private notify(): void {
    this.markActive();
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
