/**
 * Holds a reply's tokens back from the channel until the turn's audit record is committed: nothing reaches a
 * customer that the audit log does not hold. `open()` after the commit flushes what was held and lets later
 * tokens through; `discard()` after a failed commit drops them all.
 *
 * The seam for sentence-by-sentence streaming: a caller may commit an opening record, `open()`, and append the
 * final text as a follow-up record; tokens are never released before some commit.
 */
export class ReplyRelease {
  private held: string[] = [];
  private state: 'holding' | 'open' | 'discarded' = 'holding';

  constructor(private readonly deliver: ((token: string) => void) | undefined) {}

  /** Takes one token: held while the turn is unrecorded, delivered at once after `open()`. */
  readonly push = (token: string): void => {
    if (this.state === 'holding') this.held.push(token);
    else if (this.state === 'open') this.deliver?.(token);
  };

  /** How many tokens are waiting for the commit. */
  get heldCount(): number {
    return this.held.length;
  }

  /** The audit record is committed: deliver what was held, in order, then pass tokens straight through. */
  open(): void {
    if (this.state !== 'holding') return;
    this.state = 'open';
    const held = this.held;
    this.held = [];
    for (const token of held) this.deliver?.(token);
  }

  /** The commit failed: nothing held is ever delivered, and nothing later either. */
  discard(): void {
    this.state = 'discarded';
    this.held = [];
  }
}
