import { type Activity, TestAdapter } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogReports, RoleDirectory } from '../../bot/core/index.ts';
import { AdvisorTeamsBot } from '../../bot/teams/index.ts';
import { threadMessage, threadStarted } from './slack/assistant/assistant-payloads.ts';
import { FAKE_BOT, type RecordedSlackCall } from './slack/fake-slack-web-api.ts';
import { postCommand, postEvent, postInteraction } from './slack/signed-slack-request.ts';
import {
  blockAction,
  blocksOf,
  buttons,
  directMessage,
  mention,
  nextTs,
  slashCommand,
} from './slack/slack-payloads.ts';
import { type SlackTestServer, startSlackTestServer } from './slack/slack-test-server.ts';

// Slack's Web API is the local stand-in and Teams runs through botbuilder's TestAdapter (neither cloud is
// reachable here); the advisor, the core, its authorisation and the audit log are real.
const REFUSAL =
  'You are not allowed to ask about customer C-000010. You can ask about the customers in your book: C-000042, C-000043.';
const BOT = `<@${FAKE_BOT.userId}>`;

describe('an advisor asking outside their book: nothing visible to others, one private refusal, in every channel', () => {
  let slack: SlackTestServer;

  beforeAll(async () => {
    slack = await startSlackTestServer();
  });
  afterAll(async () => {
    await slack?.close();
  });

  /** Runs one Slack interaction and returns every Web API / response_url call it caused. */
  async function callsCausedBy(
    interaction: () => Promise<Response>,
    done: (call: RecordedSlackCall) => boolean,
  ): Promise<{ response: Response; calls: RecordedSlackCall[] }> {
    const from = slack.slackApi.calls.length;
    const response = await interaction();
    await slack.slackApi.waitFor(done, { after: from });
    // Bolt's handler ends with the refusal; anything it posted is recorded by now.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return {
      response,
      calls: slack.slackApi.calls.slice(from).filter((call) => call.method !== 'auth.test'),
    };
  }
  const privateTo = (user: string) => (call: RecordedSlackCall) =>
    (call.method === 'chat.postEphemeral' && call.body.user === user) ||
    (call.method === 'response_url' && call.body.response_type === 'ephemeral');

  it('/advise: the refusal is the private acknowledgement; nothing is posted', async () => {
    const { slackApi, eventsUrl, signing } = slack;
    const from = slackApi.calls.length;
    const response = await postCommand(
      eventsUrl,
      slashCommand(
        '/advise',
        'U0NARROW',
        'C-000010 what suits them?',
        slackApi.responseUrl('privacy-advise'),
      ),
      signing,
    );
    expect(await response.json()).toEqual({ response_type: 'ephemeral', text: REFUSAL });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slackApi.calls.slice(from).filter((call) => call.method !== 'auth.test')).toEqual([]);
  });

  it('a mention in a channel: one ephemeral refusal to the asker, no message', async () => {
    const { calls } = await callsCausedBy(
      () =>
        postEvent(
          slack.eventsUrl,
          mention('U0NARROW', `${BOT} what suits C-000010?`, nextTs()),
          slack.signing,
        ),
      privateTo('U0NARROW'),
    );
    expect(calls.map((call) => [call.method, call.body.user, call.body.text])).toEqual([
      ['chat.postEphemeral', 'U0NARROW', REFUSAL],
    ]);
  });

  it('a direct message: one private refusal, no message', async () => {
    const ts = nextTs();
    const { calls } = await callsCausedBy(
      () =>
        postEvent(
          slack.eventsUrl,
          directMessage({ user: 'U0NARROW', text: 'what suits C-000010?', ts }),
          slack.signing,
        ),
      privateTo('U0NARROW'),
    );
    expect(calls.map((call) => [call.method, call.body.text])).toEqual([['chat.postEphemeral', REFUSAL]]);
  });

  it('an assistant thread: no status, no stream, one private refusal', async () => {
    const threadTs = nextTs();
    const opened = slack.slackApi.calls.length;
    await postEvent(slack.eventsUrl, threadStarted('U0NARROW', threadTs), slack.signing);
    await slack.slackApi.waitFor((call) => call.method === 'assistant.threads.setSuggestedPrompts', {
      after: opened,
    });
    const { calls } = await callsCausedBy(
      () =>
        postEvent(
          slack.eventsUrl,
          threadMessage('U0NARROW', threadTs, 'what suits C-000010?'),
          slack.signing,
        ),
      privateTo('U0NARROW'),
    );
    expect(calls.map((call) => [call.method, call.body.user, call.body.thread_ts, call.body.text])).toEqual([
      ['chat.postEphemeral', 'U0NARROW', threadTs, REFUSAL],
    ]);
  });

  it('a feedback button on a reply about C-000010: refused privately, nothing recorded or posted', async () => {
    const { fixture, slackApi, eventsUrl, signing } = slack;
    const from = slackApi.calls.length;
    await postEvent(eventsUrl, mention('U0ADVISOR', `${BOT} what suits C-000010?`, nextTs()), signing);
    const answer = await slackApi.waitFor((call) => call.method === 'chat.postMessage', { after: from });
    const thumbsUp = buttons(blocksOf(answer)).find((button) => button.action_id === 'feedback_up');
    if (!thumbsUp) throw new Error('the answer has no 👍 button');
    const feedbackBefore = (await fixture.audit.feedback({})).length;
    const { calls } = await callsCausedBy(
      () =>
        postInteraction(
          eventsUrl,
          blockAction(thumbsUp, answer.ts ?? nextTs(), slackApi.responseUrl('privacy-click'), 'U0NARROW'),
          signing,
        ),
      privateTo('U0NARROW'),
    );
    expect(calls.map((call) => [call.method, call.body.response_type, call.body.text])).toEqual([
      ['response_url', 'ephemeral', REFUSAL],
    ]);
    expect((await fixture.audit.feedback({})).length).toBe(feedbackBefore);
  });

  it('a Teams `advise` command: one plain reply to the asker (a personal chat), no card', async () => {
    const roles = new RoleDirectory({
      users: [{ channel: 'teams', userId: 'aad-narrow', role: 'advisor', book: ['C-000042', 'C-000043'] }],
    });
    const bot = new AdvisorTeamsBot({
      core: slack.fixture.core(),
      roles,
      adminReports: auditLogReports(slack.fixture.audit),
    });
    const adapter = new TestAdapter(async (context) => bot.run(context));
    await adapter.processActivity({
      type: 'message',
      channelId: 'msteams',
      from: { id: '29:aad-narrow', name: 'narrow', aadObjectId: 'aad-narrow' },
      conversation: { id: 'conv-narrow', conversationType: 'personal', isGroup: false, name: 'narrow' },
      text: 'advise C-000010',
    } as Partial<Activity>);
    const messages = adapter.activeQueue.filter((activity) => activity.type === 'message');
    expect(messages.map((message) => [message.text, message.attachments ?? []])).toEqual([[REFUSAL, []]]);
  });
});
