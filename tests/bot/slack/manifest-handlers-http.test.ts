import { readFile } from 'node:fs/promises';
import { App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ASSISTANT_THREAD_EVENTS } from '../../../bot/slack/assistant/index.ts';
import { homeClick, homeOpened, threadMessage, threadStarted } from './assistant/assistant-payloads.ts';
import { FAKE_BOT } from './fake-slack-web-api.ts';
import { postCommand, postEvent, postInteraction } from './signed-slack-request.ts';
import { directMessage, mention, nextTs, slashCommand } from './slack-payloads.ts';
import { type SlackTestServer, startSlackTestServer } from './slack-test-server.ts';

// The bot scope each Web API method needs (Slack's method reference); `null` = no scope beyond a bot token.
const METHOD_SCOPES: Readonly<Record<string, string | null>> = {
  'auth.test': null,
  'views.publish': null,
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'chat.delete': 'chat:write',
  'chat.startStream': 'chat:write',
  'chat.appendStream': 'chat:write',
  'chat.stopStream': 'chat:write',
  'reactions.add': 'reactions:write',
  'reactions.remove': 'reactions:write',
  'assistant.threads.setStatus': 'assistant:write',
  'assistant.threads.setSuggestedPrompts': 'assistant:write',
  'assistant.threads.setTitle': 'assistant:write',
  'conversations.open': 'im:write',
};
// The scope Slack requires to deliver each bot event.
const EVENT_SCOPES: Readonly<Record<string, string | null>> = {
  app_mention: 'app_mentions:read',
  'message.im': 'im:history',
  app_home_opened: null,
  assistant_thread_started: 'assistant:write',
  assistant_thread_context_changed: 'assistant:write',
};

const Manifest = {
  async load(): Promise<{ events: string[]; scopes: string[] }> {
    const text = await readFile(new URL('../../../manifest.json', import.meta.url), 'utf8');
    const json = JSON.parse(text) as {
      oauth_config: { scopes: { bot: string[] } };
      settings: { event_subscriptions: { bot_events: string[] } };
    };
    return { events: json.settings.event_subscriptions.bot_events, scopes: json.oauth_config.scopes.bot };
  },
};

// Slack's Web API is the local stand-in (slack.com cannot be reached from tests). Bolt's public `event` and
// `message` methods are watched (they still run) to learn which events the app registers handlers for.
describe('manifest.json declares exactly the events and scopes the running app uses', () => {
  let slack: SlackTestServer;
  const registeredEvents = new Set<string>();

  beforeAll(async () => {
    const event = vi.spyOn(App.prototype, 'event');
    const message = vi.spyOn(App.prototype, 'message');
    slack = await startSlackTestServer();
    for (const [name] of event.mock.calls) registeredEvents.add(String(name));
    // The one message listener answers direct messages only (it returns on every other channel type).
    if (message.mock.calls.length > 0) registeredEvents.add('message.im');
    // Bolt's Assistant answers these two (and message.im in assistant threads).
    for (const name of ASSISTANT_THREAD_EVENTS) registeredEvents.add(name);
    event.mockRestore();
    message.mockRestore();
  });
  afterAll(async () => {
    await slack?.close();
  });

  it('every event the app has a handler for is subscribed, and nothing else', async () => {
    const manifest = await Manifest.load();
    expect(manifest.events.toSorted()).toEqual([...registeredEvents].toSorted());
  });

  it('every subscribed event reaches a handler that answers it through the Web API', async () => {
    const { slackApi, eventsUrl, signing } = slack;
    const threadTs = nextTs();
    const envelopes: Record<string, Record<string, unknown>> = {
      app_mention: mention('U0ADVISOR', `<@${FAKE_BOT.userId}> what suits C-000042?`, nextTs()),
      'message.im': directMessage({ user: 'U0ADVISOR', text: 'what suits C-000042?', ts: nextTs() }),
      app_home_opened: homeOpened('U0ADVISOR'),
      assistant_thread_started: threadStarted('U0ADVISOR', threadTs),
    };
    const manifest = await Manifest.load();
    for (const name of manifest.events) {
      // Bolt's Assistant keeps it in the thread store without a Web API call (tests/…/assistant-thread-store.test.ts).
      if (name === 'assistant_thread_context_changed') continue;
      const envelope = envelopes[name];
      expect([name, envelope !== undefined]).toEqual([name, true]);
      const from = slackApi.calls.length;
      await postEvent(eventsUrl, envelope ?? {}, signing);
      const answered = await slackApi.waitFor((call) => call.method !== 'auth.test', { after: from });
      expect([name, answered.method]).toEqual([name, expect.any(String)]);
    }
  });

  it('the scopes are exactly those the events, commands and Web API calls of every handler need', async () => {
    const { slackApi, eventsUrl, signing } = slack;
    const from = slackApi.calls.length;
    const threadTs = nextTs();
    const wait = (method: string, after: number) =>
      slackApi.waitFor((call) => call.method === method, { after });
    await postEvent(
      eventsUrl,
      mention('U0ADVISOR', `<@${FAKE_BOT.userId}> what suits C-000042?`, nextTs()),
      signing,
    );
    await wait('reactions.remove', from);
    let mark = slackApi.calls.length;
    await postEvent(eventsUrl, threadStarted('U0ADVISOR', threadTs), signing);
    await wait('assistant.threads.setSuggestedPrompts', mark);
    mark = slackApi.calls.length;
    await postEvent(eventsUrl, threadMessage('U0ADVISOR', threadTs, 'What would suit C-000042?'), signing);
    await wait('chat.stopStream', mark);
    mark = slackApi.calls.length;
    await postInteraction(
      eventsUrl,
      homeClick({ type: 'button', action_id: 'home_open_customer', value: 'C-000042' }, 'U0ADVISOR'),
      signing,
    );
    await wait('chat.postMessage', mark);
    mark = slackApi.calls.length;
    await postCommand(
      eventsUrl,
      slashCommand('/advise', 'U0ADVISOR', 'C-000042', slackApi.responseUrl('scopes')),
      signing,
    );
    await slackApi.waitFor(
      (call) => call.method === 'chat.postMessage' && call.body.thread_ts !== undefined,
      { after: mark },
    );

    const methods = new Set(
      slackApi.calls
        .slice(from)
        .map((call) => call.method)
        .filter((method) => method !== 'response_url'),
    );
    for (const method of methods) expect(Object.keys(METHOD_SCOPES)).toContain(method);
    const needed = new Set<string>(['commands']);
    for (const method of methods) {
      const scope = METHOD_SCOPES[method];
      if (scope) needed.add(scope);
    }
    for (const name of registeredEvents) {
      const scope = EVENT_SCOPES[name];
      if (scope) needed.add(scope);
    }
    const manifest = await Manifest.load();
    expect(manifest.scopes.toSorted()).toEqual([...needed].toSorted());
  });
});
