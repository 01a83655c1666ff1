import type { Activity, ResourceResponse } from 'botbuilder';

/** The one TurnContext method a stream sends through. */
export interface ActivitySender {
  sendActivity(activity: Partial<Activity>): Promise<ResourceResponse | undefined>;
}

/** Teams' limit for an informative update's text. */
const INFORMATIVE_LIMIT = 1_000;

/**
 * One streamed Teams reply in a 1:1 chat (Teams streams only there): informative updates (the blue progress
 * line), then the validated text as it grows, then one final message that replaces the stream. Teams requires
 * every streaming update to extend the previous one, so after `replace` no further update is sent and the
 * replaced text arrives with the final message. Updates are coalesced so at most one is in flight and
 * consecutive sends are at least `minIntervalMs` apart (Teams throttles faster streams).
 */
export class TeamsReplyStream {
  private streamId: string | undefined;
  private sequence = 1;
  private text = '';
  /** The last text Teams was sent; a later update must start with it. */
  private sentText = '';
  private replaced = false;
  private finished = false;
  private sending: Promise<void> = Promise.resolve();
  private pending = false;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private opened = false;

  constructor(
    private readonly sender: ActivitySender,
    private readonly options: {
      minIntervalMs?: number;
      now?: () => number;
      sleep?: (ms: number) => Promise<void>;
    } = {},
  ) {}

  /** Whether anything has been sent: a started stream must be finished with `finish`. */
  get started(): boolean {
    return this.opened;
  }

  /** The text the final message will carry unless `finish` is given another. */
  get currentText(): string {
    return this.text;
  }

  /** Resolves once every update queued so far has been sent (or skipped). */
  async settled(): Promise<void> {
    await this.sending;
  }

  /** A progress line ("Looking up the customer's file…"); ignored once answer text has begun. */
  informative(progress: string): void {
    if (this.finished || this.text.length > 0) return;
    const text = progress.slice(0, INFORMATIVE_LIMIT);
    this.enqueue(() => ({ type: 'typing', text, channelData: { streamType: 'informative' } }));
  }

  /** Appends validated text; sent as a growing streaming update. */
  append(piece: string): void {
    if (this.finished || piece.length === 0) return;
    this.text += piece;
    if (!this.replaced) this.scheduleText();
  }

  /** What was shown is void: the final message will carry this text (no more streaming updates). */
  replace(text: string): void {
    if (this.finished) return;
    this.text = text;
    this.replaced = true;
  }

  /**
   * Ends the stream with the final message (the whole reply, its card and entities), sent as the stream's own
   * activity so Teams replaces the streamed bubble; returns the ids Teams knows the message by (the stream id and
   * the final activity's own id, when they differ).
   */
  async finish(message: Partial<Activity>): Promise<string[]> {
    this.finished = true;
    await this.sending;
    const channelData = { ...(message.channelData as object | undefined), streamType: 'final' };
    const final: Partial<Activity> = { ...message, type: 'message', channelData };
    if (this.opened) await this.waitForInterval();
    const response = await this.send(final);
    return [...new Set([this.streamId, response?.id].filter((id) => id !== undefined))];
  }

  private scheduleText(): void {
    if (this.pending) return;
    this.pending = true;
    this.enqueue(() => {
      this.pending = false;
      if (this.replaced || this.finished || this.text === this.sentText) return null;
      this.sentText = this.text;
      return { type: 'typing', text: this.text, channelData: { streamType: 'streaming' } };
    });
  }

  private enqueue(build: () => Partial<Activity> | null): void {
    this.opened = true;
    this.sending = this.sending.then(async () => {
      const activity = build();
      if (activity === null) return;
      await this.waitForInterval();
      if (this.finished && activity.type === 'typing') return;
      await this.send(activity);
    });
  }

  private async waitForInterval(): Promise<void> {
    const minIntervalMs = this.options.minIntervalMs ?? 1_000;
    const now = this.options.now ?? performance.now.bind(performance);
    const wait = this.lastSentAt + minIntervalMs - now();
    if (wait > 0) await (this.options.sleep ?? delay)(wait);
  }

  private async send(activity: Partial<Activity>): Promise<ResourceResponse | undefined> {
    const { streamType, ...rest } = activity.channelData as { streamType: StreamType };
    const streamInfo: StreamInfo = {
      type: 'streaminfo',
      streamType,
      ...(streamType === 'final' ? {} : { streamSequence: this.sequence++ }),
      ...(this.streamId ? { streamId: this.streamId } : {}),
    };
    const { type: _entityType, ...info } = streamInfo;
    // The stream id travels in channelData and the entity (TurnContext drops an outgoing activity's own id).
    const outgoing: Partial<Activity> = {
      ...activity,
      channelData: { ...rest, ...info },
      entities: [streamInfo, ...(activity.entities ?? [])],
    };
    const response = await this.sender.sendActivity(outgoing);
    this.lastSentAt = (this.options.now ?? performance.now.bind(performance))();
    if (!this.streamId && response?.id) this.streamId = response.id;
    return response;
  }
}

type StreamType = 'informative' | 'streaming' | 'final';

/** The `streaminfo` entity every streamed activity carries (also mirrored in channelData, as Teams reads both). */
interface StreamInfo {
  type: 'streaminfo';
  streamType: StreamType;
  streamSequence?: number;
  streamId?: string;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
