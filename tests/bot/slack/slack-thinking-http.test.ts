import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THINKING_REACTION } from '../../../bot/slack/index.ts';
import { FAKE_BOT } from './fake-slack-web-api.ts';
import { postEvent } from './signed-slack-request.ts';
import { CHANNEL, DM, directMessage, mention, nextTs } from './slack-payloads.ts';
import { type SlackTestServer, startSlackTestServer } from './slack-test-server.ts';

const BOT = `<@${FAKE_BOT.userId}>`;

// Slack's Web API is the local stand-in (slack.com cannot be reached); the advisor behind it is real.
describe('Slack shows that it is thinking on mentions and DMs, and only once access is granted', () => {
  let slack: SlackTestServer;
  beforeAll(async () => {
    slack = await startSlackTestServer();
  });
  afterAll(async () => {
    await slack?.close();
  });

  const sequence = (from: number, channel: string, ts: string) =>
    slack.slackApi.calls
      .slice(from)
      .filter((call) => call.body.channel === channel && call.method !== 'auth.test')
      .filter((call) => call.body.timestamp === ts || call.body.thread_ts === ts)
      .map((call) => [call.method, call.body.name ?? null]);

  it('a mention gets the reaction on the question, removed as the answer is posted', async () => {
    const from = slack.slackApi.calls.length;
    const ts = nextTs();
    await postEvent(slack.eventsUrl, mention('U0ADVISOR', `${BOT} What suits C-000042?`, ts), slack.signing);
    await slack.slackApi.waitFor((call) => call.method === 'chat.postMessage', { after: from });
    expect(sequence(from, CHANNEL, ts)).toEqual([
      ['reactions.add', THINKING_REACTION],
      ['reactions.remove', THINKING_REACTION],
      ['chat.postMessage', null],
    ]);
  });

  it('a direct message gets the same indication', async () => {
    const from = slack.slackApi.calls.length;
    const ts = nextTs();
    await postEvent(
      slack.eventsUrl,
      directMessage({ user: 'U0ADVISOR', text: 'What suits C-000043?', ts }),
      slack.signing,
    );
    await slack.slackApi.waitFor((call) => call.method === 'chat.postMessage', { after: from });
    expect(sequence(from, DM, ts)).toEqual([
      ['reactions.add', THINKING_REACTION],
      ['reactions.remove', THINKING_REACTION],
      ['chat.postMessage', null],
    ]);
  });

  it('an out-of-book mention shows no reaction at all: only the private refusal', async () => {
    const from = slack.slackApi.calls.length;
    const ts = nextTs();
    await postEvent(slack.eventsUrl, mention('U0NARROW', `${BOT} What suits C-000001?`, ts), slack.signing);
    await slack.slackApi.waitFor((call) => call.method === 'chat.postEphemeral', { after: from });
    expect(sequence(from, CHANNEL, ts)).toEqual([['chat.postEphemeral', null]]);
  });
});
