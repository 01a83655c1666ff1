import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_REGISTERED } from '../../../../bot/slack/index.ts';
import type { RecordedSlackCall } from '../fake-slack-web-api.ts';
import { postEvent, postInteraction } from '../signed-slack-request.ts';
import { type SlackTestServer, startSlackTestServer } from '../slack-test-server.ts';
import { homeClick, homeOpened, streamedText, threadMessage } from './assistant-payloads.ts';

type ViewBlock = { type: string; text?: { text: string }; accessory?: Record<string, unknown> };

// Slack's Web API is the local stand-in (slack.com cannot be reached from tests); Bolt and the advisor are real.
describe('the App Home lists the advisor’s book and opens a thread about a customer', () => {
  let slack: SlackTestServer;
  beforeAll(async () => {
    slack = await startSlackTestServer();
  });
  afterAll(async () => {
    await slack?.close();
  });

  async function openHome(user: string): Promise<RecordedSlackCall> {
    const from = slack.slackApi.calls.length;
    await postEvent(slack.eventsUrl, homeOpened(user), slack.signing);
    return await slack.slackApi.waitFor(
      (call) => call.method === 'views.publish' && call.body.user_id === user,
      { after: from },
    );
  }
  const buttonsOf = (publish: RecordedSlackCall) =>
    ((publish.body.view as { blocks: ViewBlock[] }).blocks ?? []).flatMap((block) =>
      block.accessory ? [block.accessory] : [],
    );

  it('an advisor sees exactly their book, one "Ask about" button per customer, and no reports', async () => {
    const publish = await openHome('U0NARROW');
    expect((publish.body.view as { type: string }).type).toBe('home');
    expect(buttonsOf(publish).map((button) => [button.action_id, button.value])).toEqual([
      ['home_open_customer', 'C-000042'],
      ['home_open_customer', 'C-000043'],
    ]);
  });

  it('an admin sees the /bias and /bench entries; someone without a role is told how to get access', async () => {
    const admin = await openHome('U0ADMIN');
    expect(buttonsOf(admin).map((button) => [button.action_id, button.value])).toEqual([
      ['home_report_bias', 'bias'],
      ['home_report_bench', 'bench'],
    ]);
    const stranger = await openHome('U0STRANGER');
    expect(buttonsOf(stranger)).toEqual([]);
    const texts = (stranger.body.view as { blocks: ViewBlock[] }).blocks.map((block) => block.text?.text);
    expect(texts).toContain(NOT_REGISTERED);
  });

  it('"Ask about C-000043" opens a DM thread whose questions are about C-000043, streamed', async () => {
    const publish = await openHome('U0NARROW');
    const button = buttonsOf(publish).find((entry) => entry.value === 'C-000043');
    if (!button) throw new Error('no button for C-000043');
    const from = slack.slackApi.calls.length;
    await postInteraction(slack.eventsUrl, homeClick(button, 'U0NARROW'), slack.signing);
    const root = await slack.slackApi.waitFor((call) => call.method === 'chat.postMessage', { after: from });
    const opened = slack.slackApi.calls.slice(from).find((call) => call.method === 'conversations.open');
    expect(opened?.body.users).toBe('U0NARROW');
    expect(root.body).toMatchObject({ channel: 'DU0NARROW' });
    expect(String(root.body.text)).toContain('C-000043');

    const asked = slack.slackApi.calls.length;
    await postEvent(
      slack.eventsUrl,
      threadMessage('U0NARROW', root.ts ?? '', 'What would suit this customer?'),
      slack.signing,
    );
    await slack.slackApi.waitFor((call) => call.method === 'chat.stopStream', { after: asked });
    const turn = (await slack.fixture.audit.turns({})).at(-1);
    expect(turn).toMatchObject({
      threadId: `DU0NARROW:${root.ts}`,
      customerId: 'C-000043',
      question: 'What would suit this customer?',
    });
    expect(streamedText(slack.slackApi.calls.slice(asked)).length).toBeGreaterThan(0);
  });

  it('an admin’s bias button posts the report in their DM; an advisor forging it is refused privately', async () => {
    const from = slack.slackApi.calls.length;
    await postInteraction(
      slack.eventsUrl,
      homeClick({ type: 'button', action_id: 'home_report_bias', value: 'bias' }, 'U0ADMIN'),
      slack.signing,
    );
    const report = await slack.slackApi.waitFor((call) => call.method === 'chat.postMessage', {
      after: from,
    });
    expect(report.body.channel).toBe('DU0ADMIN');
    expect((report.body.blocks as ViewBlock[])[0]?.type).toBe('header');

    const forged = slack.slackApi.calls.length;
    await postInteraction(
      slack.eventsUrl,
      homeClick({ type: 'button', action_id: 'home_report_bias', value: 'bias' }, 'U0NARROW'),
      slack.signing,
    );
    const refusal = await slack.slackApi.waitFor((call) => call.method === 'chat.postEphemeral', {
      after: forged,
    });
    expect(refusal.body).toMatchObject({
      channel: 'DU0NARROW',
      user: 'U0NARROW',
      text: 'Only administrators can run /bias.',
    });
    expect(slack.slackApi.calls.slice(forged).map((call) => call.method)).not.toContain('chat.postMessage');
  });
});
