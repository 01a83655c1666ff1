import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSISTANT_STATUS, escapeMarkdownText } from '../../../../bot/slack/assistant/index.ts';
import type { RecordedSlackCall } from '../fake-slack-web-api.ts';
import { postEvent, postInteraction } from '../signed-slack-request.ts';
import { nextTs } from '../slack-payloads.ts';
import { type SlackTestServer, startSlackTestServer } from '../slack-test-server.ts';
import {
  assistantChannel,
  elementsOf,
  messageClick,
  streamedText,
  threadMessage,
  threadStarted,
} from './assistant-payloads.ts';

// Slack's Web API is the local stand-in (slack.com cannot be reached from tests); Bolt, its Assistant class,
// the advisor, the ConversationCore and the SQLite audit log behind them are real.
describe('Slack assistant threads through Bolt and the real advisor', () => {
  let slack: SlackTestServer;
  beforeAll(async () => {
    slack = await startSlackTestServer();
  });
  afterAll(async () => {
    await slack?.close();
  });

  const callsSince = (from: number): RecordedSlackCall[] =>
    slack.slackApi.calls.slice(from).filter((call) => call.method !== 'auth.test');

  /** Opens an assistant thread for `user` and waits for its greeting (and prompts, when the user has a role). */
  async function openThread(user: string): Promise<{ threadTs: string; calls: RecordedSlackCall[] }> {
    const from = slack.slackApi.calls.length;
    const threadTs = nextTs();
    await postEvent(slack.eventsUrl, threadStarted(user, threadTs), slack.signing);
    await slack.slackApi.waitFor(
      (call) => call.method === 'assistant.threads.setSuggestedPrompts' && call.body.thread_ts === threadTs,
      { after: from },
    );
    return { threadTs, calls: callsSince(from) };
  }

  it('a new thread gets a greeting, then suggested prompts that differ for an advisor and an admin', async () => {
    const advisor = await openThread('U0NARROW');
    expect(advisor.calls.map((call) => call.method)).toEqual([
      'chat.postMessage',
      'assistant.threads.setSuggestedPrompts',
    ]);
    const [greeting, prompts] = advisor.calls;
    expect(greeting?.body).toMatchObject({ channel: 'DU0NARROW', thread_ts: advisor.threadTs });
    expect(String(greeting?.body.text)).toContain('the customers in your book (C-000042, C-000043)');
    expect(prompts?.body).toMatchObject({ channel_id: 'DU0NARROW', thread_ts: advisor.threadTs });
    expect(prompts?.body.prompts).toEqual([
      { title: 'Products for C-000042', message: 'What would suit C-000042?' },
      { title: "C-000042's spending", message: 'How much did C-000042 spend last month?' },
      { title: 'Investment risk', message: 'What are the risks of an investment fund?' },
    ]);

    const admin = await openThread('U0ADMIN');
    const adminPrompts = admin.calls.find((call) => call.method === 'assistant.threads.setSuggestedPrompts');
    expect(adminPrompts?.body.prompts).toEqual([
      { title: 'Bias report', message: 'Show the bias report' },
      { title: 'Latency and validator figures', message: 'Show the benchmark figures' },
      { title: 'How suggestions are chosen', message: 'How do you choose the products you suggest?' },
    ]);
  });

  it('a question: the status is set before any text, validated sentences stream in, feedback buttons close it', async () => {
    const { threadTs } = await openThread('U0NARROW');
    const from = slack.slackApi.calls.length;
    await postEvent(
      slack.eventsUrl,
      threadMessage('U0NARROW', threadTs, 'What would suit C-000042?'),
      slack.signing,
    );
    await slack.slackApi.waitFor((call) => call.method === 'chat.stopStream', { after: from });
    const calls = callsSince(from);
    const methods = calls.map((call) => call.method);
    expect(methods[0]).toBe('assistant.threads.setStatus');
    expect(calls[0]?.body).toMatchObject({
      channel_id: 'DU0NARROW',
      thread_ts: threadTs,
      status: ASSISTANT_STATUS.lookingUp,
    });
    expect(methods.indexOf('chat.startStream')).toBeGreaterThan(0);
    expect(methods.at(-1)).toBe('chat.stopStream');
    expect(methods).not.toContain('chat.postMessage');
    const start = calls.find((call) => call.method === 'chat.startStream');
    expect(start?.body).toMatchObject({
      channel: 'DU0NARROW',
      thread_ts: threadTs,
      recipient_user_id: 'U0NARROW',
      recipient_team_id: 'T0TEST01',
    });

    const turn = (await slack.fixture.audit.turns({})).find(
      (record) => record.threadId === `DU0NARROW:${threadTs}`,
    );
    expect(turn).toMatchObject({
      customerId: 'C-000042',
      question: 'What would suit C-000042?',
      channel: 'slack',
    });
    // Exactly the audited reply was streamed, a sentence per call (every piece but the last ends a sentence).
    expect(streamedText(calls)).toBe(escapeMarkdownText(turn?.reply ?? ''));
    const pieces = calls.filter((call) => ['chat.startStream', 'chat.appendStream'].includes(call.method));
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces.slice(0, -1)) {
      expect(String(piece.body.markdown_text)).toMatch(/(?:[.!?…:]["'’”)\]*_]*\s+|\n\s*)$/);
    }
    for (const piece of pieces.slice(1)) expect(piece.body.ts).toBe(start?.ts);

    const stop = calls.at(-1) as RecordedSlackCall;
    expect(stop.body.ts).toBe(start?.ts);
    const [feedback] = elementsOf(stop, 'context_actions');
    expect(feedback).toMatchObject({ type: 'feedback_buttons', action_id: 'assistant_feedback' });
    const positive = (feedback?.positive_button as { value: string } | undefined)?.value ?? '';
    expect(positive).toMatch(/^up:[A-Za-z0-9_-]+$/);

    const feedbackBefore = (await slack.fixture.audit.feedback({})).length;
    const clickedFrom = slack.slackApi.calls.length;
    await postInteraction(
      slack.eventsUrl,
      messageClick(
        {
          type: 'feedback_buttons',
          action_id: 'assistant_feedback',
          value: positive,
          text: { type: 'plain_text', text: 'Helpful' },
        },
        { channel: 'DU0NARROW', ts: start?.ts ?? '', threadTs },
        slack.slackApi.responseUrl('assistant-feedback'),
        'U0NARROW',
      ),
      slack.signing,
    );
    const thanks = await slack.slackApi.waitFor((call) => call.responseId === 'assistant-feedback', {
      after: clickedFrom,
    });
    expect(thanks.body).toEqual({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Thanks, your feedback is recorded.',
    });
    const recorded = (await slack.fixture.audit.feedback({})).slice(feedbackBefore);
    expect(recorded).toMatchObject([
      {
        turnSeq: turn?.seq,
        actor: { id: 'U0NARROW', role: 'advisor' },
        rating: 'up',
        productId: null,
        accepted: null,
        channel: 'slack',
      },
    ]);
  });

  it("a clarifying question's topics are buttons; a click asks that topic in the same thread, streamed", async () => {
    const { threadTs } = await openThread('U0ADVISOR');
    const from = slack.slackApi.calls.length;
    await postEvent(
      slack.eventsUrl,
      threadMessage('U0ADVISOR', threadTs, 'Compare C-000042 and C-000043'),
      slack.signing,
    );
    const question = await slack.slackApi.waitFor(
      (call) => call.method === 'chat.postMessage' && call.body.thread_ts === threadTs,
      { after: from },
    );
    const topics = elementsOf(question, 'actions').filter((element) =>
      String(element.action_id).startsWith('quick_reply_'),
    );
    expect(topics.map((button) => [button.action_id, button.value])).toEqual([
      ['quick_reply_0', 'C-000042'],
      ['quick_reply_1', 'C-000043'],
    ]);
    expect(elementsOf(question, 'context_actions')).toHaveLength(1);

    const clickedFrom = slack.slackApi.calls.length;
    await postInteraction(
      slack.eventsUrl,
      messageClick(
        { type: 'button', ...topics[1], text: { type: 'plain_text', text: 'C-000043' } },
        { channel: assistantChannel('U0ADVISOR'), ts: question.ts ?? '', threadTs },
        slack.slackApi.responseUrl('assistant-topic'),
        'U0ADVISOR',
      ),
      slack.signing,
    );
    await slack.slackApi.waitFor((call) => call.method === 'chat.stopStream', { after: clickedFrom });
    const turns = await slack.fixture.audit.turns({});
    expect(turns.at(-1)).toMatchObject({
      threadId: `DU0ADVISOR:${threadTs}`,
      question: 'C-000043',
      customerId: 'C-000043',
    });
    const methods = callsSince(clickedFrom).map((call) => call.method);
    expect(methods[0]).toBe('assistant.threads.setStatus');
  });

  it('an admin clicking the bias-report prompt gets the report in the thread, not an advice turn', async () => {
    const { threadTs } = await openThread('U0ADMIN');
    const turnsBefore = (await slack.fixture.audit.turns({})).length;
    const from = slack.slackApi.calls.length;
    await postEvent(
      slack.eventsUrl,
      threadMessage('U0ADMIN', threadTs, 'Show the bias report'),
      slack.signing,
    );
    const report = await slack.slackApi.waitFor(
      (call) => call.method === 'chat.postMessage' && call.body.thread_ts === threadTs,
      { after: from },
    );
    expect((report.body.blocks as { type: string }[])[0]?.type).toBe('header');
    expect((await slack.fixture.audit.turns({})).length).toBe(turnsBefore);
  });
});
