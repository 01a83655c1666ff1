import type { Logger, types, webApi } from '@slack/bolt';
import type { OutboundReply, TurnProgress } from '../../core/index.ts';
import { fallbackText } from '../slack-blocks.ts';
import { assistantReplyBlocks, replacedTextBlocks, streamedReplyFooter } from './assistant-reply-blocks.ts';

type WebClient = webApi.WebClient;

/** The thread status shown while a turn runs (`assistant.threads.setStatus`). */
export const ASSISTANT_STATUS = {
  lookingUp: "Looking up the customer's file…",
  writing: 'Writing…',
} as const;

/** The most text one streamed message takes before the answer continues in a new message (Slack's markdown limit). */
export const MAX_STREAM_CHARACTERS = 12_000;

/** Where a streamed reply goes and to whom (`recipient_*` are required by Slack outside DMs). */
export interface AssistantReplyTarget {
  channel: string;
  threadTs: string;
  userId: string;
  teamId?: string;
}

// A piece of text is sent once it ends a sentence (or a line); the core's validated tokens are whole sentences.
const SENTENCE_END = /(?:[.!?…:]["'’”)\]*_]*\s+|\n\s*)$/;

/**
 * Turns the core's callbacks for one turn into Slack's native AI-reply calls, strictly in order: the thread
 * status once access is granted (`onAuthorised`, `onProgress`), then each validated sentence (`onToken`) through
 * chat.startStream / chat.appendStream, and at the end chat.stopStream with the footer blocks. `onReplace` stops
 * the stream and rewrites the message with chat.update. A Slack failure while streaming degrades to one update
 * (or one post) of the whole reply: the final `OutboundReply.text` is always what the thread ends up showing.
 */
export class AssistantReplyStream {
  private queue: Promise<void> = Promise.resolve();
  private lastStatus: string | null = null;
  private pending = '';
  private shown = '';
  private piecesQueued = 0;
  private readonly messages: string[] = [];
  private live = false;
  private liveCharacters = 0;
  /** The shown text was replaced in place; the rest of the reply arrives with the final update. */
  private replaced = false;
  private broken = false;
  /** Counts replacements; a piece queued before the latest one is void. */
  private generation = 0;

  constructor(
    private readonly client: WebClient,
    private readonly target: AssistantReplyTarget,
    private readonly logger: Logger,
  ) {}

  /** Pass as `onAuthorised`: the first sign of life, and only once the core has granted access. */
  readonly authorised = (): void => this.status(ASSISTANT_STATUS.lookingUp);

  /** Pass as `onProgress`. */
  readonly progress = (step: TurnProgress): void =>
    this.status(step === 'writing' ? ASSISTANT_STATUS.writing : ASSISTANT_STATUS.lookingUp);

  /** Pass as `onToken`: validated text, sent sentence by sentence. */
  readonly token = (piece: string): void => {
    if (this.replaced) return;
    this.pending += piece;
    if (SENTENCE_END.test(this.pending)) this.sendPending();
  };

  /**
   * Pass as `onReplace`: what was shown is void; the message shows exactly `text` from now on. Pieces still
   * waiting to be sent are dropped; if nothing reached Slack yet, the replacement is simply streamed.
   */
  readonly replace = (text: string): void => {
    this.pending = '';
    this.generation += 1;
    const generation = this.generation;
    this.piecesQueued += 1;
    this.enqueue(async () => {
      if (this.messages.length === 0 && !this.broken) return await this.append(text, generation);
      this.replaced = true;
      await this.stopLive();
      await this.rewrite(replacedTextBlocks(text), text);
    });
  };

  /** Ends the reply with the core's final answer (the whole validated truth) and its footer. */
  async finish(reply: OutboundReply): Promise<void> {
    if (!this.replaced && this.pending.length > 0) this.sendPending();
    this.enqueue(async () => {
      const complete = !this.replaced && !this.broken && sameText(this.shown, reply.text);
      if (complete && this.live) {
        await this.call('chat.stopStream', () =>
          this.client.chat.stopStream({
            channel: this.target.channel,
            ts: this.current(),
            blocks: streamedReplyFooter(reply),
          }),
        );
        this.live = false;
        return;
      }
      await this.stopLive();
      if (this.messages.length > 0) {
        await this.rewrite(assistantReplyBlocks(reply), fallbackText(reply));
        return;
      }
      await this.client.chat.postMessage({
        channel: this.target.channel,
        thread_ts: this.target.threadTs,
        blocks: assistantReplyBlocks(reply),
        text: fallbackText(reply),
      });
    });
    await this.queue;
  }

  /** Ends a turn that failed: the status is cleared (if one was shown) and `text` goes to the asker only. */
  async fail(text: string): Promise<void> {
    this.enqueue(async () => {
      await this.stopLive();
      if (this.lastStatus !== null) await this.setStatus('');
      await this.client.chat.postEphemeral({
        channel: this.target.channel,
        user: this.target.userId,
        thread_ts: this.target.threadTs,
        text,
      });
    });
    await this.queue;
  }

  private status(text: string): void {
    if (this.piecesQueued > 0 || this.lastStatus === text) return;
    this.lastStatus = text;
    this.enqueue(() => this.setStatus(text));
  }

  private async setStatus(status: string): Promise<void> {
    await this.client.assistant.threads
      .setStatus({ channel_id: this.target.channel, thread_ts: this.target.threadTs, status })
      .catch((error: unknown) => this.logger.warn(`Cannot set the assistant status: ${String(error)}`));
  }

  private sendPending(): void {
    const piece = this.pending;
    const generation = this.generation;
    this.pending = '';
    this.piecesQueued += 1;
    this.enqueue(() => this.append(piece, generation));
  }

  /** Streams one piece, unless it was made void by a later replacement (`generation` moved on). */
  private async append(piece: string, generation: number): Promise<void> {
    if (this.broken || this.replaced || generation !== this.generation) return;
    for (const part of splitForStream(piece)) {
      const markdown_text = escapeMarkdownText(part);
      if (this.live && this.liveCharacters + markdown_text.length > MAX_STREAM_CHARACTERS)
        await this.stopLive();
      if (!this.live) {
        const started = await this.call('chat.startStream', () =>
          this.client.chat.startStream({
            channel: this.target.channel,
            thread_ts: this.target.threadTs,
            recipient_user_id: this.target.userId,
            ...(this.target.teamId ? { recipient_team_id: this.target.teamId } : {}),
            markdown_text,
          }),
        );
        if (!started?.ts) return;
        this.messages.push(started.ts);
        this.live = true;
        this.liveCharacters = 0;
      } else {
        const appended = await this.call('chat.appendStream', () =>
          this.client.chat.appendStream({ channel: this.target.channel, ts: this.current(), markdown_text }),
        );
        if (!appended) return;
      }
      this.liveCharacters += markdown_text.length;
      this.shown += part;
    }
  }

  private async stopLive(): Promise<void> {
    if (!this.live) return;
    this.live = false;
    await this.call('chat.stopStream', () =>
      this.client.chat.stopStream({ channel: this.target.channel, ts: this.current() }),
    );
  }

  /** Shows `blocks` in the reply's first message and removes the messages the stream continued in. */
  private async rewrite(blocks: types.KnownBlock[], text: string): Promise<void> {
    const [first, ...continued] = this.messages;
    if (!first) return;
    await this.client.chat.update({
      channel: this.target.channel,
      ts: first,
      blocks,
      text: text.slice(0, 3000),
    });
    for (const ts of continued) await this.client.chat.delete({ channel: this.target.channel, ts });
    this.messages.splice(1);
  }

  /** One streaming call; a failure marks the stream broken so the end of the turn shows the whole reply instead. */
  private async call<Result>(method: string, send: () => Promise<Result>): Promise<Result | undefined> {
    try {
      return await send();
    } catch (error) {
      this.broken = true;
      this.logger.warn(`${method} failed; the reply will be shown whole: ${String(error)}`);
      return undefined;
    }
  }

  private current(): string {
    const ts = this.messages.at(-1);
    if (!ts) throw new Error('No streamed message is open');
    return ts;
  }

  private enqueue(step: () => Promise<void>): void {
    this.queue = this.queue.then(step).catch((error: unknown) => {
      this.logger.error('An assistant reply step failed', error);
    });
  }
}

/** Markdown sent to Slack as text: `&`, `<` and `>` as entities, so model text can never form a mention or link. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function splitForStream(piece: string): string[] {
  const parts: string[] = [];
  let rest = piece;
  // Escaping can lengthen text up to five times (`<` → `&lt;`), so raw parts leave room for it.
  const limit = Math.floor(MAX_STREAM_CHARACTERS / 5);
  while (rest.length > limit) {
    let end = rest.lastIndexOf(' ', limit);
    if (end < limit / 2) end = limit;
    if (/[\uD800-\uDBFF]/.test(rest.charAt(end - 1))) end -= 1;
    parts.push(rest.slice(0, end));
    rest = rest.slice(end);
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

function sameText(shown: string, final: string): boolean {
  const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
  return normalise(shown) === normalise(final);
}
