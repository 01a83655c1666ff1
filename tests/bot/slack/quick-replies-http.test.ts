import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_BOT } from './fake-slack-web-api.ts';
import { postEvent, postInteraction } from './signed-slack-request.ts';
import { blockAction, blocksOf, buttons, CHANNEL, mention, nextTs } from './slack-payloads.ts';
import { type SlackTestServer, startSlackTestServer } from './slack-test-server.ts';

const BOT = `<@${FAKE_BOT.userId}>`;

// Slack's Web API is the local stand-in (slack.com cannot be reached from tests); Bolt and the advisor are real.
describe("a clarifying question's topics are buttons in a mention's reply", () => {
  let slack: SlackTestServer;
  beforeAll(async () => {
    slack = await startSlackTestServer();
  });
  afterAll(async () => {
    await slack?.close();
  });

  it('clicking a topic asks it as the clicker’s next message, answered in the same thread', async () => {
    const { slackApi, eventsUrl, signing, fixture } = slack;
    const ts = nextTs();
    const from = slackApi.calls.length;
    await postEvent(eventsUrl, mention('U0ADVISOR', `${BOT} compare C-000042 and C-000043`, ts), signing);
    const question = await slackApi.waitFor(
      (call) => call.method === 'chat.postMessage' && call.body.thread_ts === ts,
      { after: from },
    );
    const topics = buttons(blocksOf(question)).filter((button) =>
      (button.action_id ?? '').startsWith('quick_reply_'),
    );
    expect(topics.map((button) => [button.action_id, button.value, button.text.text])).toEqual([
      ['quick_reply_0', 'C-000042', 'C-000042'],
      ['quick_reply_1', 'C-000043', 'C-000043'],
    ]);
    // The topics sit right after the question's text, before the footer and the 👍/👎 buttons.
    expect(blocksOf(question).map((block) => block.type)).toEqual([
      'section',
      'actions',
      'context',
      'actions',
    ]);

    const topic = topics[0];
    if (!topic) throw new Error('no topic button');
    const clicked = slackApi.calls.length;
    const click = blockAction(topic, question.ts ?? '', slackApi.responseUrl('topic'), 'U0ADVISOR');
    await postInteraction(
      eventsUrl,
      { ...click, message: { type: 'message', ts: question.ts, thread_ts: ts, text: 'reply' } },
      signing,
    );
    const answer = await slackApi.waitFor(
      (call) => call.method === 'chat.postMessage' && call.body.thread_ts === ts,
      { after: clicked },
    );
    expect(answer.body.channel).toBe(CHANNEL);
    expect((await fixture.audit.turns({})).at(-1)).toMatchObject({
      threadId: `${CHANNEL}:${ts}`,
      actor: { id: 'U0ADVISOR', role: 'advisor' },
      question: 'C-000042',
      customerId: 'C-000042',
    });
  });

  it('an out-of-book topic is refused privately like a typed question: nothing is posted', async () => {
    const { slackApi, eventsUrl, signing } = slack;
    const ts = nextTs();
    const from = slackApi.calls.length;
    await postEvent(eventsUrl, mention('U0NARROW', `${BOT} compare C-000042 and C-000010`, ts), signing);
    const question = await slackApi.waitFor(
      (call) => call.method === 'chat.postMessage' && call.body.thread_ts === ts,
      { after: from },
    );
    const outside = buttons(blocksOf(question)).find((button) => button.value === 'C-000010');
    if (!outside) throw new Error('no C-000010 topic');
    const clicked = slackApi.calls.length;
    const click = blockAction(outside, question.ts ?? '', slackApi.responseUrl('outside'), 'U0NARROW');
    await postInteraction(
      eventsUrl,
      { ...click, message: { type: 'message', ts: question.ts, thread_ts: ts, text: 'reply' } },
      signing,
    );
    const refusal = await slackApi.waitFor((call) => call.method === 'chat.postEphemeral', {
      after: clicked,
    });
    expect(refusal.body).toMatchObject({ channel: CHANNEL, user: 'U0NARROW', thread_ts: ts });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const made = slackApi.calls.slice(clicked).filter((call) => call.method !== 'auth.test');
    expect(made.map((call) => call.method)).toEqual(['chat.postEphemeral']);
  });
});
