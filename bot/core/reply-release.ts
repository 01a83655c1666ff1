/** One thing a channel is told about a reply's text: a piece to append, or a replacement of everything shown. */
type ReleasedEvent = { kind: 'token'; text: string } | { kind: 'replace'; text: string };

/**
 * Holds a reply's text back from the channel until an audit record of the turn is committed: nothing reaches a
 * customer that the audit log does not hold. `open()` after the commit delivers what was held, in order, and lets
 * later pieces through; `discard()` after a failed commit drops them all.
 *
 * A streamed turn commits an opening record when its first piece arrives (`whenFirstHeld` gets that piece and starts
 * the commit), opens,
 * and appends the final record when the reply is complete (see ConversationCore.handle).
 */
export class ReplyRelease {
  private held: ReleasedEvent[] = [];
  private state: 'holding' | 'open' | 'discarded' = 'holding';
  private heldAny = false;

  constructor(
    private readonly deliver: ((token: string) => void) | undefined,
    private readonly deliverReplacement?: (text: string) => void,
    private readonly whenFirstHeld?: (text: string) => void,
  ) {}

  /** Takes one piece: held while the turn is unrecorded, delivered at once after `open()`. */
  readonly push = (token: string): void => {
    this.take({ kind: 'token', text: token });
  };

  /** Takes a replacement of everything shown so far; held and released in order with the pieces. */
  readonly replace = (text: string): void => {
    this.take({ kind: 'replace', text });
  };

  /** How many pieces are waiting for the commit. */
  get heldCount(): number {
    return this.held.length;
  }

  /** The audit record is committed: deliver what was held, in order, then pass pieces straight through. */
  open(): void {
    if (this.state !== 'holding') return;
    this.state = 'open';
    const held = this.held;
    this.held = [];
    for (const event of held) this.send(event);
  }

  /** The commit failed: nothing held is ever delivered, and nothing later either. */
  discard(): void {
    this.state = 'discarded';
    this.held = [];
  }

  private take(event: ReleasedEvent): void {
    if (this.state === 'open') {
      this.send(event);
      return;
    }
    if (this.state !== 'holding') return;
    this.held.push(event);
    if (!this.heldAny) {
      this.heldAny = true;
      this.whenFirstHeld?.(event.text);
    }
  }

  private send(event: ReleasedEvent): void {
    if (event.kind === 'token') this.deliver?.(event.text);
    else this.deliverReplacement?.(event.text);
  }
}
