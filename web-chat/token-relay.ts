import type { TurnProgress } from '../bot/core/index.ts';

/** One SSE event about the reply being written, in the order the core reported it. */
export type RelayEvent =
  | { event: 'token'; data: { text: string } }
  | { event: 'replace'; data: { text: string } }
  | { event: 'progress'; data: { step: TurnProgress } };

// Until the customer is found and the store has answered (understanding, retrieving), a failure must still be a
// plain HTTP error (403, 404, 503); later steps and any reply text commit the response to an event stream.
const COMMITTING_STEPS: ReadonlySet<TurnProgress> = new Set(['ranking', 'writing']);

/**
 * Hands the core's synchronous callbacks (`onToken`, `onReplace`, `onProgress`) to the async SSE writer.
 * Iterating yields every event pushed so far as one batch, waits for more, and ends once `close()` was called
 * and all were taken.
 */
export class TokenRelay implements AsyncIterable<RelayEvent[]> {
  private pending: RelayEvent[] = [];
  private wake: (() => void) | null = null;
  private closed = false;
  private committed = false;
  private markActive: () => void = () => {};
  /** Resolves at the first event that commits the response to a stream (see `hasTokens`), or at close. */
  readonly active: Promise<void> = new Promise((resolve) => {
    this.markActive = resolve;
  });

  /** A validated piece of the reply. */
  push(token: string): void {
    this.add({ event: 'token', data: { text: token } }, true);
  }

  /** Everything shown so far is replaced by `text`. */
  replace(text: string): void {
    this.add({ event: 'replace', data: { text } }, true);
  }

  /** The turn reached a chain step. */
  progress(step: TurnProgress): void {
    this.add({ event: 'progress', data: { step } }, COMMITTING_STEPS.has(step));
  }

  close(): void {
    this.closed = true;
    this.markActive();
    this.notify();
  }

  /** Whether the response is committed to a stream: reply text, or a step past the lookups, has arrived. */
  get hasTokens(): boolean {
    return this.committed;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RelayEvent[]> {
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

  private add(event: RelayEvent, commits: boolean): void {
    if (this.closed) return;
    this.pending.push(event);
    if (commits) {
      this.committed = true;
      this.markActive();
    }
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
