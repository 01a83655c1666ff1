import type { AssistantConfig } from '@slack/bolt';

// Bolt exports the store's shape only through AssistantConfig.
type AssistantThreadContextStore = NonNullable<AssistantConfig['threadContextStore']>;
type AllAssistantMiddlewareArgs = Parameters<AssistantThreadContextStore['get']>[0];
/** Slack's context of an assistant thread: the channel (and team) the user is viewing beside it. */
export type AssistantThreadContext = Awaited<ReturnType<AssistantThreadContextStore['get']>>;

/** What the app remembers about one assistant thread. */
export interface AssistantThreadState {
  /** Slack's context: the channel the user was viewing when they opened or last moved the side panel. */
  context: AssistantThreadContext;
  /** The customer the thread is about: chosen on the App Home, or the last customer answered about. */
  customerId: string | null;
}

/** How many threads are remembered; the oldest is forgotten first (a forgotten thread still gets answers). */
export const MAX_REMEMBERED_THREADS = 10_000;

/**
 * Bolt's thread context store, kept per thread in memory (Bolt's default keeps one context for all threads and
 * rewrites the greeting's metadata), plus which threads are assistant threads and which customer each is about.
 */
export class AssistantThreadStore implements AssistantThreadContextStore {
  private readonly threads = new Map<string, AssistantThreadState>();

  constructor(private readonly capacity = MAX_REMEMBERED_THREADS) {}

  /** Bolt's `getThreadContext()`. */
  readonly get = async (args: AllAssistantMiddlewareArgs): Promise<AssistantThreadContext> => {
    const thread = threadOf(args.payload);
    return (thread && this.threads.get(key(thread.channel, thread.threadTs))?.context) ?? {};
  };

  /** Bolt's `saveThreadContext()` and the `assistant_thread_context_changed` handler. */
  readonly save = async (args: AllAssistantMiddlewareArgs): Promise<void> => {
    const thread = threadOf(args.payload);
    if (!thread) return;
    this.open(thread.channel, thread.threadTs, { context: thread.context ?? {} });
  };

  /** Marks a thread as an assistant thread (Slack started it, or the App Home did), keeping what is known. */
  open(channel: string, threadTs: string, update: Partial<AssistantThreadState> = {}): void {
    const id = key(channel, threadTs);
    const previous = this.threads.get(id);
    this.threads.delete(id);
    this.threads.set(id, {
      context: update.context ?? previous?.context ?? {},
      customerId: update.customerId !== undefined ? update.customerId : (previous?.customerId ?? null),
    });
    while (this.threads.size > this.capacity) {
      const oldest = this.threads.keys().next().value;
      if (oldest === undefined) break;
      this.threads.delete(oldest);
    }
  }

  /** Whether replies in this thread are streamed as an assistant thread. */
  isAssistantThread(channel: string, threadTs: string): boolean {
    return this.threads.has(key(channel, threadTs));
  }

  /** The thread's state, or undefined for a thread that is not (or no longer) an assistant thread. */
  find(channel: string, threadTs: string): AssistantThreadState | undefined {
    return this.threads.get(key(channel, threadTs));
  }
}

function key(channel: string, threadTs: string): string {
  return `${channel}:${threadTs}`;
}

/** Where an assistant event or thread message belongs; undefined for anything else. */
function threadOf(
  payload: AllAssistantMiddlewareArgs['payload'],
): { channel: string; threadTs: string; context?: AssistantThreadContext } | undefined {
  if (payload.type === 'assistant_thread_started' || payload.type === 'assistant_thread_context_changed') {
    const { channel_id, thread_ts, context } = payload.assistant_thread;
    return { channel: channel_id, threadTs: thread_ts, context };
  }
  if ('thread_ts' in payload && typeof payload.thread_ts === 'string' && 'channel' in payload) {
    return { channel: payload.channel, threadTs: payload.thread_ts };
  }
  return undefined;
}
