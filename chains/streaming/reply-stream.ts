import { sentencesOf } from './sentence-splitter.ts';

/** Where a reply's validated text goes while it is written: appended pieces, or a whole replacement. */
export interface ReplyStream {
  /** Shows `text` after what is already shown (a validated sentence with its trailing space). */
  release(text: string): void;
  /** Everything shown so far is void: show exactly `text` instead. */
  replace(text: string): void;
}

/**
 * The channel's view of one reply: forwards to the request's `onToken`/`onReplace` and remembers what was shown,
 * so the turn can end by making the view equal the final text (`settle`).
 */
export class ShownReply implements ReplyStream {
  #shown = '';

  constructor(
    private readonly onToken: ((text: string) => void) | undefined,
    private readonly onReplace: ((text: string) => void) | undefined,
  ) {}

  /** What the channel shows now. */
  get shown(): string {
    return this.#shown;
  }

  release(text: string): void {
    if (text.length === 0) return;
    this.#shown += text;
    this.onToken?.(text);
  }

  replace(text: string): void {
    this.#shown = text;
    this.onReplace?.(text);
  }

  /** Makes the view equal `text`: the missing sentences are appended when it continues what was shown, else replaced. */
  settle(text: string): void {
    if (this.#shown === text) return;
    if (text.startsWith(this.#shown)) {
      for (const sentence of sentencesOf(text.slice(this.#shown.length))) this.release(sentence);
    } else {
      this.replace(text);
    }
  }
}

/** A stream for the part of a reply after `prefix` (already shown): a replacement keeps the prefix in front. */
export function afterPrefix(stream: ReplyStream, prefix: string): ReplyStream {
  return {
    release: (text) => stream.release(text),
    replace: (text) => stream.replace(prefix + text),
  };
}
