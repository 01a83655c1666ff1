import type { ChatTurn } from '../../chains/llm/index.ts';

/** What the bot remembers of one conversation thread. */
export interface ThreadState {
  customerId: string | null;
  turns: ChatTurn[];
}

/**
 * Per-thread memory of the last turns and the customer being discussed, so follow-ups work.
 * Bounded both ways: at most `maxTurns` turns per thread and `maxThreads` threads (least recently used go first).
 */
export class ThreadMemory {
  private readonly threads = new Map<string, ThreadState>();

  constructor(
    private readonly maxTurns = 10,
    private readonly maxThreads = 10_000,
  ) {}

  /** The thread's state (a copy); empty for a new thread. */
  get(threadId: string): ThreadState {
    const state = this.threads.get(threadId);
    return state
      ? { customerId: state.customerId, turns: [...state.turns] }
      : { customerId: null, turns: [] };
  }

  /** Records a question and its answer, and which customer the thread is now about. */
  remember(threadId: string, customerId: string | null, question: string, answer: string): void {
    const state = this.threads.get(threadId) ?? { customerId: null, turns: [] };
    this.threads.delete(threadId);
    state.customerId = customerId ?? state.customerId;
    state.turns.push({ role: 'user', content: question }, { role: 'assistant', content: answer });
    if (state.turns.length > this.maxTurns) state.turns.splice(0, state.turns.length - this.maxTurns);
    this.threads.set(threadId, state);
    if (this.threads.size > this.maxThreads) {
      const oldest = this.threads.keys().next().value;
      if (oldest !== undefined) this.threads.delete(oldest);
    }
  }
}
