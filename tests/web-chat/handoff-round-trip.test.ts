import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type HttpBindings, serve } from '@hono/node-server';
import { LogLevel } from '@slack/bolt';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HandoffDesk, type HandoffStore, openSqliteHandoffStore } from '../../bot/core/handoff/index.ts';
import { auditLogReports, RoleDirectory } from '../../bot/core/index.ts';
import { createSlackApp, createSlackRoutes } from '../../bot/slack/index.ts';
import { createWrittenTextChecker } from '../../chains/steps/index.ts';
import { signCustomerToken } from '../../web-chat/customer-token.ts';
import { createWebChatApp } from '../../web-chat/index.ts';
import {
  type FakeSlackWebApi,
  fakeDirectMessageChannel,
  type RecordedSlackCall,
  startFakeSlackWebApi,
} from '../bot/slack/fake-slack-web-api.ts';
import { postInteraction } from '../bot/slack/signed-slack-request.ts';
import { blockAction, blocksOf, buttons } from '../bot/slack/slack-payloads.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../support/advisor-fixture.ts';

// Real parts: the advisor (generated data → Chroma → chain → core), the SQLite audit log and handoff store, the web
// app through app.request(), and Bolt behind @hono/node-server. Only slack.com is a local stand-in (unreachable here).

const SECRET = 'handoff-round-trip-secret-0123456789abcdef';
const SIGNING = { secret: 'slack-signing-secret-for-handoff' };
const CUSTOMER = 'C-000042';
const OWN_ADVISOR = 'U0OWNADV';
const OTHER_ADVISOR = 'U0OTHERADV';
const ROLES = new RoleDirectory({
  users: [
    { channel: 'slack', userId: OWN_ADVISOR, role: 'advisor', book: [CUSTOMER, 'C-000043'] },
    { channel: 'slack', userId: OTHER_ADVISOR, role: 'advisor', book: ['C-000044'] },
    // May ask about anyone, but is nobody's own advisor: never gets a handoff.
    { channel: 'slack', userId: 'U0ANYONE', role: 'advisor' },
  ],
});
const ASK_FOR_A_PERSON = 'I would like to speak to a human adviser, please.';

interface SseEvent {
  event: string;
  data: unknown;
}

function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message',
      data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null'),
    }));
}

describe('advisor handoff round trip: widget → Slack stand-in → widget', () => {
  let fixture: AdvisorFixture;
  let slackApi: FakeSlackWebApi;
  let store: HandoffStore;
  let desk: HandoffDesk;
  let web: ReturnType<typeof createWebChatApp>;
  let server: ReturnType<typeof serve> | undefined;
  let eventsUrl: string;
  let directory: string;
  let clockMs = Date.parse('2026-12-05T09:00:00.000Z');

  beforeAll(async () => {
    fixture = await createAdvisorFixture(120);
    slackApi = await startFakeSlackWebApi();
    directory = await mkdtemp(path.join(tmpdir(), 'handoff-'));
    store = openSqliteHandoffStore(path.join(directory, 'handoffs.sqlite'));
    desk = new HandoffDesk({
      store,
      audit: fixture.audit,
      roles: ROLES,
      checkText: createWrittenTextChecker(fixture.retriever),
      timeoutSeconds: 300,
      now: () => new Date(clockMs),
    });
    const slack = createSlackApp({
      core: fixture.core(),
      roles: ROLES,
      adminReports: auditLogReports(fixture.audit),
      signingSecret: SIGNING.secret,
      botToken: 'xoxb-test-token',
      slackApiUrl: slackApi.apiUrl,
      logLevel: LogLevel.ERROR,
      handoffs: desk,
    });
    const host = new Hono<{ Bindings: HttpBindings }>();
    host.route('/slack', createSlackRoutes(slack));
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: host.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
        resolve(info.port),
      );
    });
    eventsUrl = `http://127.0.0.1:${port}/slack/events`;
    web = createWebChatApp({
      core: fixture.core(),
      audit: fixture.audit,
      tokenSecret: SECRET,
      handoffs: desk,
    });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await slackApi?.close();
    await store?.dispose();
    await fixture?.dispose();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  const token = () =>
    signCustomerToken({ customerId: CUSTOMER, secret: SECRET, nowMs: Date.now(), lifetimeSeconds: 600 });
  const askForAPerson = async () => {
    const response = await web.request('/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await token()}` },
      body: JSON.stringify({ message: ASK_FOR_A_PERSON }),
    });
    expect(response.status).toBe(200);
    const reply = parseSse(await response.text()).find((event) => event.event === 'reply')?.data as {
      text: string;
      needsHuman: boolean;
    };
    expect(reply.needsHuman).toBe(true);
    return reply;
  };
  const widgetView = async () => {
    const response = await web.request('/api/handoff', {
      headers: { Authorization: `Bearer ${await token()}` },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { handoff: Record<string, unknown> | null }).handoff;
  };
  /** The next handoff DM posted after call index `after`, once the desk's notifications settled. */
  const nextDirectMessage = async (after: number): Promise<RecordedSlackCall> => {
    await desk.notificationsSettled();
    return await slackApi.waitFor((call) => call.method === 'chat.postMessage', { after, timeoutMs: 10_000 });
  };
  /** Clicks a button as `user`; resolves with the app's answer on the response URL (`responseId`). */
  const press = async (dm: RecordedSlackCall, actionId: string, user: string, responseId: string) => {
    const button = buttons(blocksOf(dm)).find((candidate) => candidate.action_id === actionId);
    if (!button || !dm.ts) throw new Error(`no ${actionId} button on the DM`);
    const response = await postInteraction(
      eventsUrl,
      {
        ...blockAction(button, dm.ts, slackApi.responseUrl(responseId), user, blocksOf(dm)),
        // The click comes from the advisor's DM, where the app posted the handoff.
        channel: { id: dm.body.channel, name: 'directmessage' },
        container: { type: 'message', message_ts: dm.ts, channel_id: dm.body.channel, is_ephemeral: false },
      },
      SIGNING,
    );
    expect(response.status).toBe(200);
  };
  const click = async (dm: RecordedSlackCall, actionId: string, user: string, responseId: string) => {
    await press(dm, actionId, user, responseId);
    return await slackApi.waitFor(
      (call) => call.method === 'response_url' && call.responseId === responseId,
      {
        timeoutMs: 10_000,
      },
    );
  };
  const submitModal = async (modal: RecordedSlackCall, user: string, text: string) => {
    const view = modal.body.view as { callback_id: string; private_metadata: string };
    const response = await postInteraction(
      eventsUrl,
      {
        type: 'view_submission',
        team: { id: 'T0TEST01', domain: 'test' },
        user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0TEST01' },
        api_app_id: 'A0ADVISOR',
        token: 'legacy-verification-token',
        trigger_id: 'trigger-submit',
        view: {
          id: 'V0MODAL',
          team_id: 'T0TEST01',
          type: 'modal',
          callback_id: view.callback_id,
          private_metadata: view.private_metadata,
          state: { values: { handoff_text: { text: { type: 'plain_text_input', value: text } } } },
          hash: 'h',
        },
      },
      SIGNING,
    );
    expect(response.status).toBe(200);
    const body = await response.text();
    return body === ''
      ? null
      : (JSON.parse(body) as { response_action: string; errors: Record<string, string> });
  };

  it('opens a handoff the widget sees as pending and DMs the draft with Approve / Edit / Take over to the own advisor only', async () => {
    const before = slackApi.calls.length;
    const reply = await askForAPerson();
    expect(await widgetView()).toMatchObject({
      status: 'pending',
      text: 'An adviser is looking at this.',
      label: null,
    });
    // Only the token's customer sees their handoff; without a token there is nothing to see.
    const neighbour = await signCustomerToken({
      customerId: 'C-000043',
      secret: SECRET,
      nowMs: Date.now(),
      lifetimeSeconds: 600,
    });
    const theirs = await web.request('/api/handoff', { headers: { Authorization: `Bearer ${neighbour}` } });
    expect(await theirs.json()).toEqual({ handoff: null });
    expect((await web.request('/api/handoff')).status).toBe(401);
    const dm = await nextDirectMessage(before);
    expect(dm.body.channel).toBe(fakeDirectMessageChannel(OWN_ADVISOR));
    const opened = slackApi.calls.slice(before).filter((call) => call.method === 'conversations.open');
    expect(opened.map((call) => call.body.users)).toEqual([OWN_ADVISOR]);
    expect(slackApi.calls.slice(before).filter((call) => call.method === 'chat.postMessage')).toHaveLength(1);
    expect(buttons(blocksOf(dm)).map((button) => button.action_id)).toEqual([
      'handoff_approve',
      'handoff_edit',
      'handoff_take_over',
    ]);
    const shown = JSON.stringify(blocksOf(dm));
    expect(shown).toContain(ASK_FOR_A_PERSON);
    expect(shown).toContain(reply.text.split('.')[0]);

    // Another customer's advisor cannot answer it.
    const refusal = await click(dm, 'handoff_approve', OTHER_ADVISOR, 'other-approve');
    expect(refusal.body).toMatchObject({ response_type: 'ephemeral' });
    expect(await widgetView()).toMatchObject({ status: 'pending' });

    const approved = await click(dm, 'handoff_approve', OWN_ADVISOR, 'own-approve');
    expect(approved.body).toMatchObject({ replace_original: true });
    expect(JSON.stringify(approved.body.blocks)).toContain('approved the draft');
    expect(buttons(approved.body.blocks as never)).toEqual([]);
    expect(await widgetView()).toMatchObject({
      status: 'approved',
      text: reply.text,
      author: 'assistant',
      label: 'Checked and sent by your adviser',
    });
    const [delivered] = await fixture.audit.turns({ actorId: OWN_ADVISOR, latest: 1 });
    expect(delivered).toMatchObject({
      channel: 'slack',
      actor: { id: OWN_ADVISOR, role: 'advisor' },
      customerId: CUSTOMER,
      question: ASK_FOR_A_PERSON,
      reply: reply.text,
      author: 'assistant',
      provider: { name: 'advisor', model: 'approved' },
    });
  });

  it('refuses a promissory edit with the reasons (nothing reaches the customer) and delivers a clean edit as advisor_edited', async () => {
    const before = slackApi.calls.length;
    const reply = await askForAPerson();
    const dm = await nextDirectMessage(before);
    const afterDm = slackApi.calls.length;
    await press(dm, 'handoff_edit', OWN_ADVISOR, 'own-edit');
    const modal = await slackApi.waitFor((call) => call.method === 'views.open', { after: afterDm });
    expect(JSON.stringify(modal.body.view)).toContain(JSON.stringify(reply.text).slice(1, 40));

    const promissory = await submitModal(
      modal,
      OWN_ADVISOR,
      'Thank you for waiting. Our fund is guaranteed to double your money with no risk at all.',
    );
    expect(promissory?.response_action).toBe('errors');
    expect(promissory?.errors.handoff_text).toMatch(/never promise or guarantee/);
    expect(await widgetView()).toMatchObject({ status: 'pending', text: 'An adviser is looking at this.' });

    const clean =
      'Thank you for waiting. I have read your question and can go through it with you by phone or in a branch.';
    expect(await submitModal(modal, OWN_ADVISOR, clean)).toBeNull();
    expect(await widgetView()).toMatchObject({
      status: 'edited',
      text: clean,
      author: 'advisor_edited',
      label: 'From your adviser',
    });
    const [delivered] = await fixture.audit.turns({ actorId: OWN_ADVISOR, latest: 1 });
    expect(delivered).toMatchObject({
      reply: clean,
      author: 'advisor_edited',
      validator: { ok: true, issues: [] },
      bias: { flagged: false },
    });
    const update = await slackApi.waitFor((call) => call.method === 'chat.update', { after: afterDm });
    expect(update.body).toMatchObject({ channel: dm.body.channel, ts: dm.ts });
    expect(JSON.stringify(update.body.blocks)).toContain('edited the draft');
  });

  it('expires an unanswered handoff after the timeout: the customer is told honestly and offered the phone line', async () => {
    const before = slackApi.calls.length;
    await askForAPerson();
    const dm = await nextDirectMessage(before);
    clockMs += 299_000;
    expect(await desk.expireDue()).toEqual([]);
    clockMs += 2_000;
    const expired = await desk.expireDue();
    expect(expired.map((handoff) => handoff.status)).toEqual(['expired']);
    const view = await widgetView();
    expect(view).toMatchObject({ status: 'expired', author: 'assistant', label: null });
    expect(String(view?.text)).toContain('no adviser has been able to answer');
    expect(String(view?.text)).toContain('0800 123 4567');
    const late = await click(dm, 'handoff_approve', OWN_ADVISOR, 'late-approve');
    expect(late.body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('Too late'),
    });
    expect(await fixture.audit.verify()).toMatchObject({ ok: true });
  });
});
