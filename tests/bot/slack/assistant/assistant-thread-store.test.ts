import { describe, expect, it } from 'vitest';
import { AssistantThreadStore } from '../../../../bot/slack/assistant/index.ts';

type StoreArgs = Parameters<AssistantThreadStore['save']>[0];

/** The part of Bolt's middleware arguments the store reads: the event payload. */
function argsFor(payload: Record<string, unknown>): StoreArgs {
  return { payload } as unknown as StoreArgs;
}

function contextEvent(type: string, channel: string, threadTs: string, viewing: string) {
  return argsFor({
    type,
    assistant_thread: {
      user_id: 'U0ADVISOR',
      context: { channel_id: viewing, team_id: 'T0TEST01', enterprise_id: null },
      channel_id: channel,
      thread_ts: threadTs,
    },
    event_ts: '1.0',
  });
}

describe('AssistantThreadStore keeps each thread’s context and customer apart', () => {
  it('threadContextChanged updates only that thread; messages in it read it back', async () => {
    const store = new AssistantThreadStore();
    await store.save(contextEvent('assistant_thread_started', 'D1', '100.1', 'C0FIRST'));
    await store.save(contextEvent('assistant_thread_started', 'D1', '200.1', 'C0FIRST'));
    await store.save(contextEvent('assistant_thread_context_changed', 'D1', '100.1', 'C0SECOND'));
    const message = (threadTs: string) =>
      argsFor({ type: 'message', channel: 'D1', channel_type: 'im', thread_ts: threadTs, ts: '300.1' });
    expect((await store.get(message('100.1'))).channel_id).toBe('C0SECOND');
    expect((await store.get(message('200.1'))).channel_id).toBe('C0FIRST');
    expect(await store.get(message('999.1'))).toEqual({});
  });

  it('remembers the customer a thread is about, and keeps it when Slack’s context changes', async () => {
    const store = new AssistantThreadStore();
    store.open('D1', '100.1', { customerId: 'C-000042' });
    await store.save(contextEvent('assistant_thread_context_changed', 'D1', '100.1', 'C0OTHER'));
    expect(store.find('D1', '100.1')).toEqual({
      context: { channel_id: 'C0OTHER', team_id: 'T0TEST01', enterprise_id: null },
      customerId: 'C-000042',
    });
    store.open('D1', '100.1', { customerId: 'C-000043' });
    expect(store.find('D1', '100.1')?.customerId).toBe('C-000043');
    expect(store.isAssistantThread('D1', '100.1')).toBe(true);
    expect(store.isAssistantThread('D1', '100.2')).toBe(false);
  });

  it('forgets the least recently used thread beyond its capacity', () => {
    const store = new AssistantThreadStore(2);
    store.open('D1', '1.1');
    store.open('D1', '2.1');
    store.open('D1', '1.1', { customerId: 'C-000042' });
    store.open('D1', '3.1');
    expect(['1.1', '2.1', '3.1'].map((ts) => store.isAssistantThread('D1', ts))).toEqual([true, false, true]);
  });
});
