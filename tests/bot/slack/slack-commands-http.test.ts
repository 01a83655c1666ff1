import { readFile } from 'node:fs/promises';
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_REGISTERED, SLACK_COMMANDS } from '../../../bot/slack/index.ts';
import { FAKE_BOT } from './fake-slack-web-api.ts';
import { postCommand, postEvent, postInteraction } from './signed-slack-request.ts';
import { blockAction, blocksOf, buttons, mention, nextTs, slashCommand } from './slack-payloads.ts';
import { type SlackTestServer, startSlackTestServer } from './slack-test-server.ts';

describe('Slack admin commands and feedback buttons over real HTTP', () => {
  let slack: SlackTestServer;
  beforeAll(async () => {
    slack = await startSlackTestServer();
  });
  afterAll(async () => {
    await slack?.close();
  });

  it('answers every slash command in manifest.json (an unknown user is told to get registered)', async () => {
    const { fixture, slackApi, eventsUrl, signing } = slack;
    const manifest = JSON.parse(
      await readFile(new URL('../../../manifest.json', import.meta.url), 'utf8'),
    ) as {
      features: { slash_commands: { command: string }[] };
    };
    const declared = manifest.features.slash_commands.map((entry) => entry.command);
    expect(declared.toSorted()).toEqual([...SLACK_COMMANDS].toSorted());
    const before = (await fixture.audit.turns({})).length;
    for (const name of declared) {
      const response = await postCommand(
        eventsUrl,
        slashCommand(name, 'U0STRANGER', 'C-000042', slackApi.responseUrl('stranger')),
        signing,
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ response_type: 'ephemeral', text: NOT_REGISTERED });
    }
    expect((await fixture.audit.turns({})).length).toBe(before);
  });

  it.each(['/bias', '/bench'])('%s from an advisor is refused', async (name) => {
    const { slackApi, eventsUrl, signing } = slack;
    const responseId = `${name}-advisor`;
    const response = await postCommand(
      eventsUrl,
      slashCommand(name, 'U0ADVISOR', '', slackApi.responseUrl(responseId)),
      signing,
    );
    expect(await response.json()).toEqual({
      response_type: 'ephemeral',
      text: `Only administrators can run ${name}.`,
    });
    expect(slackApi.calls.some((made) => made.responseId === responseId)).toBe(false);
  });

  it('/bias from an admin shows the audit-log report and says what is not implemented', async () => {
    const { fixture, slackApi, eventsUrl, signing } = slack;
    // One real turn first, so the report has something to count.
    const ts = nextTs();
    await postEvent(
      eventsUrl,
      mention('U0ADVISOR', `<@${FAKE_BOT.userId}> What would you recommend for C-000042?`, ts),
      signing,
    );
    await slackApi.waitFor((made) => made.method === 'chat.postMessage' && made.body.thread_ts === ts);
    const turns = await fixture.audit.turns({});
    expect(turns.length).toBeGreaterThan(0);

    const response = await postCommand(
      eventsUrl,
      slashCommand('/bias', 'U0ADMIN', '', slackApi.responseUrl('bias-admin')),
      signing,
    );
    expect(response.status).toBe(200);
    const call = await slackApi.waitFor((made) => made.responseId === 'bias-admin');
    expect(call.body.response_type).toBe('ephemeral');
    const blocks = blocksOf(call);
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Bias report (from the audit log)' },
    });
    const advised = turns.filter((turn) => turn.recommendations.length > 0).length;
    expect(advised).toBeGreaterThan(0);
    const flagged = turns.filter((turn) => turn.bias.flagged).length;
    // The headline first, then the figures as native fields, not bullets of a terminal table.
    expect(blocks[1]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Bias guard flagged ${flagged} of ${turns.length} logged turns (${((100 * flagged) / turns.length).toFixed(1)}%).*`,
      },
    });
    expect(blocks).toContainEqual({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Turns logged*\n${turns.length}` },
        { type: 'mrkdwn', text: `*With recommendations*\n${advised}` },
        { type: 'mrkdwn', text: expect.stringMatching(/^\*Bias guard flags\*\n\d+/) },
      ],
    });
    const text = JSON.stringify(blocks);
    expect(text).toContain('*Not covered yet:*');
    expect(text).toContain('npm run bias');
    expect(text).not.toContain('• ');
    // No dashboard URL configured here, so the report says where the dashboard is.
    expect(blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: expect.stringContaining('admin dashboard at `/admin`') }],
    });
    expect(call.body.text).toBe(
      `Bias report (from the audit log): Bias guard flagged ${flagged} of ${turns.length} logged turns (${((100 * flagged) / turns.length).toFixed(1)}%). Full report: /admin on this server.`,
    );
  });

  it('/bench from an admin shows the operations report from the same log', async () => {
    const { slackApi, eventsUrl, signing } = slack;
    await postCommand(
      eventsUrl,
      slashCommand('/bench', 'U0ADMIN', '', slackApi.responseUrl('bench-admin')),
      signing,
    );
    const call = await slackApi.waitFor((made) => made.responseId === 'bench-admin');
    const blocks = blocksOf(call);
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Operations (from the audit log)' },
    });
    // The writers are a table: one section per writer with its turn count as a field.
    expect(blocks).toContainEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: 'Writer: *grounded/grounded-composer-v1*' },
      fields: [{ type: 'mrkdwn', text: expect.stringMatching(/^\*Turns\* {2}\d+$/) }],
    });
    expect(JSON.stringify(blocks)).toContain('not implemented yet in this command');
    expect(JSON.stringify(blocks)).toContain('npm run bench:quality');
  });

  it('records 👍 and "Interested" clicks in the audit log and thanks the user', async () => {
    const { fixture, slackApi, eventsUrl, signing } = slack;
    const ts = nextTs();
    await postEvent(
      eventsUrl,
      mention('U0ADVISOR', `<@${FAKE_BOT.userId}> What would you recommend for C-000043?`, ts),
      signing,
    );
    const answer = await slackApi.waitFor(
      (made) => made.method === 'chat.postMessage' && made.body.thread_ts === ts,
    );
    const turn = (await fixture.audit.turns({ customerId: 'C-000043' })).at(-1);
    if (!turn) throw new Error('the mention was not audited');

    const clickable = buttons(blocksOf(answer));
    const clicks = [
      { button: clickable.find((button) => button.action_id === 'feedback_up'), id: 'click-up' },
      { button: clickable.find((button) => button.action_id === 'feedback_accept'), id: 'click-interested' },
    ];
    const thanks: unknown[] = [];
    for (const { button, id } of clicks) {
      if (!button) throw new Error('button missing from the answer');
      const response = await postInteraction(
        eventsUrl,
        blockAction(button, String(answer.ts), slackApi.responseUrl(id)),
        signing,
      );
      expect(response.status).toBe(200);
      thanks.push((await slackApi.waitFor((made) => made.responseId === id)).body);
    }
    expect(thanks).toEqual([
      { response_type: 'ephemeral', replace_original: false, text: 'Thanks, your feedback is recorded.' },
      // Without the message's blocks in the click (an old message) there is nothing to redraw: a private thanks.
      { response_type: 'ephemeral', replace_original: false, text: 'Thanks, your feedback is recorded.' },
    ]);
    const feedback = await fixture.audit.feedback({ turnSeq: turn.seq });
    const advisor = { id: 'U0ADVISOR', role: 'advisor' };
    expect(
      feedback.map(({ rating, productId, accepted, channel, actor }) => ({
        rating,
        productId,
        accepted,
        channel,
        actor,
      })),
    ).toEqual([
      { rating: 'up', productId: null, accepted: null, channel: 'slack', actor: advisor },
      {
        rating: null,
        productId: turn.recommendations[0]?.productId,
        accepted: true,
        channel: 'slack',
        actor: advisor,
      },
    ]);
  });

  it('says so when a click names a turn the audit log does not have, and records nothing', async () => {
    const { fixture, slackApi, eventsUrl, signing } = slack;
    const before = (await fixture.audit.feedback({})).length;
    const button: types.Button = {
      type: 'button',
      action_id: 'feedback_down',
      text: { type: 'plain_text', text: '👎 Not helpful' },
      value: '999999',
    };
    await postInteraction(
      eventsUrl,
      blockAction(button, nextTs(), slackApi.responseUrl('unknown-turn')),
      signing,
    );
    const answer = await slackApi.waitFor((made) => made.responseId === 'unknown-turn');
    expect(answer.body.text).toBe('There is no turn 999999.');
    expect((await fixture.audit.feedback({})).length).toBe(before);
  });

  it('does not take feedback from someone who is not registered', async () => {
    const { fixture, slackApi, eventsUrl, signing } = slack;
    const before = (await fixture.audit.feedback({})).length;
    const button: types.Button = {
      type: 'button',
      action_id: 'feedback_up',
      text: { type: 'plain_text', text: '👍 Helpful' },
      value: '1',
    };
    const payload = blockAction(button, nextTs(), slackApi.responseUrl('stranger-click'), 'U0STRANGER');
    await postInteraction(eventsUrl, payload, signing);
    const answer = await slackApi.waitFor((made) => made.responseId === 'stranger-click');
    expect(answer.body.text).toBe(NOT_REGISTERED);
    expect((await fixture.audit.feedback({})).length).toBe(before);
  });
});
