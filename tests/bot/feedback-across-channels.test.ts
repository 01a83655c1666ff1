import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { types } from '@slack/bolt';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppConfig } from '../../bot/app-config.ts';
import type { AuditStore } from '../../bot/audit/index.ts';
import {
  auditLogReports,
  ConversationCore,
  FeedbackPreferences,
  RoleDirectory,
  TurnIdCodec,
} from '../../bot/core/index.ts';
import { createWebChatApp, signCustomerToken, type WebChatReply } from '../../web-chat/index.ts';
import { mountChannels } from '../../web-chat/mount-channels.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../support/advisor-fixture.ts';
import {
  type BotConnectorStandIn,
  type ConnectorRequest,
  startBotConnectorStandIn,
} from '../support/bot-connector.ts';
import { FAKE_BOT, type FakeSlackWebApi, startFakeSlackWebApi } from './slack/fake-slack-web-api.ts';
import { postEvent, postInteraction } from './slack/signed-slack-request.ts';
import { blockAction, blocksOf, buttons, mention, nextTs } from './slack/slack-payloads.ts';

// Slack's Web API and the Bot Connector (Teams, in the Emulator mode the real server offers on loopback) are local
// stand-ins: neither cloud is reachable here. The web app, the channels mounted on it, the advisor (Chroma, LSA,
// chain), the core, the feedback preferences and the SQLite audit log are the real ones.
const WEB_SECRET = 'feedback-test-secret-0123456789abcdef-xyz';
const SLACK_SECRET = 'slack-secret-for-feedback-tests';
const ADVISOR = 'U0ADVISOR';
const BOOK = ['C-000042', 'C-000012', 'C-000016'];
const roles = new RoleDirectory({
  users: [
    { channel: 'slack', userId: ADVISOR, role: 'advisor', book: BOOK },
    { channel: 'teams', userId: 'emulator-advisor', role: 'advisor', book: BOOK },
  ],
});

type Server = ReturnType<typeof serve>;
type Block = types.KnownBlock;

function listen(app: Hono): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ server, url: `http://127.0.0.1:${info.port}` }),
    );
  });
}

function close(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!server) return resolve();
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}

function sectionTexts(blocks: Block[]): string[] {
  return blocks.flatMap((block) => (block.type === 'section' ? [block.text?.text ?? ''] : []));
}

describe('feedback through the real server: per product, by role, each button acting once (Slack, Teams, web)', () => {
  let fixture: AdvisorFixture;
  let audit: AuditStore;
  let preferences: FeedbackPreferences;
  let slackApi: FakeSlackWebApi;
  let server: Server | undefined;
  let connector: BotConnectorStandIn | undefined;
  let connectorReceived: ConnectorRequest[] = [];
  let url = '';
  /** The product the advisor marked (then "Not for me") for C-000042 in the first test. */
  let staffMarked = '';

  beforeAll(async () => {
    fixture = await createAdvisorFixture(120);
    preferences = await FeedbackPreferences.fromAuditLog(fixture.audit, {
      profileOf: async (customerId) =>
        (await fixture.retriever.customer(customerId))?.record.customer ?? null,
    });
    audit = preferences.observe(fixture.audit);
    const core = new ConversationCore({
      chain: fixture.chain({ feedback: (customer) => preferences.forCustomer(customer) }),
      audit,
      opinions: preferences,
      turnIds: new TurnIdCodec('feedback-across-channels'),
    });
    slackApi = await startFakeSlackWebApi();
    connector = await startBotConnectorStandIn();
    connectorReceived = connector.received;
    const app = createWebChatApp({ core, audit, tokenSecret: WEB_SECRET });
    const config = loadAppConfig({
      HOST: '127.0.0.1',
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: slackApi.apiUrl,
    });
    mountChannels(app, { core, roles, adminReports: auditLogReports(audit) }, config);
    ({ server, url } = await listen(app));
  });
  afterAll(async () => {
    await close(server);
    await connector?.close();
    await slackApi?.close();
    await fixture?.dispose();
  });

  const signing = { secret: SLACK_SECRET };
  const feedbackCount = async () => (await fixture.audit.feedback({})).length;

  /** An advisor's Slack mention about a customer; resolves with the posted answer. */
  async function askInSlack(question: string) {
    const ts = nextTs();
    const from = slackApi.calls.length;
    await postEvent(
      `${url}/slack/events`,
      mention(ADVISOR, `<@${FAKE_BOT.userId}> ${question}`, ts),
      signing,
    );
    return await slackApi.waitFor(
      (call) => call.method === 'chat.postMessage' && call.body.thread_ts === ts,
      { after: from },
    );
  }

  /** Clicks a button of a Slack message (Slack sends the message's blocks back) and returns the calls it caused. */
  async function click(
    message: { ts?: string; blocks: Block[] },
    actionId: string,
    productId: string | null,
  ) {
    const button = buttons(message.blocks).find(
      (candidate) =>
        candidate.action_id === actionId &&
        (productId === null || JSON.parse(candidate.value ?? '{}').productId === productId),
    );
    if (!button) throw new Error(`no ${actionId} button for ${productId}`);
    const responseId = `click-${nextTs()}`;
    const response = await postInteraction(
      `${url}/slack/events`,
      blockAction(button, message.ts ?? nextTs(), slackApi.responseUrl(responseId), ADVISOR, message.blocks),
      signing,
    );
    expect(response.status).toBe(200);
    await slackApi.waitFor((call) => call.responseId === responseId);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return slackApi.calls.filter((call) => call.responseId === responseId).map((call) => call.body);
  }

  const webToken = (customerId: string) =>
    signCustomerToken({ customerId, secret: WEB_SECRET, nowMs: Date.now(), lifetimeSeconds: 600 });
  async function webPost(path: string, customerId: string, body: unknown): Promise<Response> {
    return await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await webToken(customerId)}` },
      body: JSON.stringify(body),
    });
  }
  async function askOnWeb(customerId: string): Promise<WebChatReply> {
    const response = await webPost('/api/chat', customerId, { message: 'What would you recommend for me?' });
    const event = (await response.text()).split('\n\n').find((block) => block.startsWith('event: reply'));
    const data = event ? /^data: (.*)$/m.exec(event)?.[1] : undefined;
    if (!data) throw new Error(`no reply event (status ${response.status})`);
    return JSON.parse(data) as WebChatReply;
  }
  const notesOn = (reply: WebChatReply, productId: string) =>
    reply.products.find((product) => product.productId === productId)?.feedbackNotes;

  it('Slack: "Interested" redraws the message with "✓ Interested" in place of that product\'s buttons; a repeat writes nothing; a change of mind is recorded', async () => {
    const answer = await askInSlack('What would you recommend for C-000042?');
    const message = { ts: answer.ts, blocks: blocksOf(answer) };
    const turn = (await fixture.audit.turns({ customerId: 'C-000042' })).at(-1);
    const [chosen, other] = turn?.recommendations.map((item) => item.productId) ?? [];
    if (!turn || !chosen || !other) throw new Error('expected two recommendations for C-000042');
    staffMarked = chosen;
    const before = await feedbackCount();

    const [redraw, ...rest] = await click(message, 'feedback_accept', chosen);
    expect(rest).toEqual([]);
    expect(redraw).toMatchObject({ replace_original: true });
    const redrawn = (redraw?.blocks ?? []) as Block[];
    const row = redrawn.find((block) => block.block_id === `product:${chosen}`);
    expect(row).toEqual({
      type: 'context',
      block_id: `product:${chosen}`,
      elements: [{ type: 'mrkdwn', text: `*✓ Interested* — <@${ADVISOR}>` }],
    });
    // The clicked product's buttons are gone; the other product's and the 👍/👎 remain.
    expect(buttons(redrawn).filter((button) => button.value?.includes(`"${chosen}"`))).toEqual([]);
    expect(buttons(redrawn).map((button) => button.action_id)).toContain('feedback_up');
    expect(buttons(redrawn).some((button) => button.value?.includes(`"${other}"`))).toBe(true);
    expect(await feedbackCount()).toBe(before + 1);

    // The same button again (a stale client still shows it): no audit row, no ranking move, said privately.
    const repeat = await click(message, 'feedback_accept', chosen);
    expect(repeat).toContainEqual({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'You had already chosen “Interested”; nothing changed.',
    });
    expect(await feedbackCount()).toBe(before + 1);

    // Changing one's mind is a new vote.
    const [changed] = await click(message, 'feedback_decline', chosen);
    expect(JSON.stringify(changed?.blocks)).toContain('*✓ Not for me* — <@U0ADVISOR>');
    expect(await feedbackCount()).toBe(before + 2);
    const stored = (await fixture.audit.feedback({ turnSeq: turn.seq })).map(
      ({ actor, productId, accepted, rating }) => ({ actor, productId, accepted, rating }),
    );
    expect(stored).toEqual([
      { actor: { id: ADVISOR, role: 'advisor' }, productId: chosen, accepted: true, rating: null },
      { actor: { id: ADVISOR, role: 'advisor' }, productId: chosen, accepted: false, rating: null },
    ]);
    // An advisor's votes are notes, not customer feedback: the recommender learned nothing for C-000042.
    expect(preferences.ownAdjustments('C-000042').size).toBe(0);

    // 👍 rates the reply: its row becomes "✓ Helpful", and no product is credited.
    const [rated] = await click(message, 'feedback_up', null);
    const ratingRow = ((rated?.blocks ?? []) as Block[]).find((block) => block.block_id === 'rating');
    expect(ratingRow).toMatchObject({ type: 'context', elements: [{ text: `*✓ Helpful* — <@${ADVISOR}>` }] });
    expect(preferences.ownAdjustments('C-000042').size).toBe(0);
  });

  it("web: the API answers { recorded, repeated, choice }; only the customer's own vote moves their ranking; cards say whose feedback it was, worded for the reader", async () => {
    const first = await askOnWeb('C-000042');
    const productId = staffMarked;
    // The answer summarises; the cards carry the details: no card reason is repeated verbatim in the text.
    for (const product of first.products) {
      expect(first.text).toContain(product.name);
      for (const reason of product.reasons)
        expect(first.text.toLowerCase()).not.toContain(reason.toLowerCase());
    }
    expect(first.products.map((product) => product.productId)).toContain(productId);
    // The customer never reads the advisor's notes on their products.
    for (const product of first.products) {
      expect(product.feedbackNotes.join(' ')).not.toMatch(/advisor|You marked/);
    }

    const vote = { turnId: first.turnId, rating: null, productId, accepted: true };
    const recorded = await webPost('/api/feedback', 'C-000042', vote);
    expect([recorded.status, await recorded.json()]).toEqual([
      201,
      { recorded: true, repeated: false, choice: 'interested' },
    ]);
    const before = await feedbackCount();
    for (let repeat = 0; repeat < 3; repeat++) {
      const again = await webPost('/api/feedback', 'C-000042', vote);
      expect([again.status, await again.json()]).toEqual([
        200,
        { recorded: false, repeated: true, choice: 'interested' },
      ]);
    }
    expect(await feedbackCount()).toBe(before);
    expect(preferences.ownAdjustments('C-000042').get(productId)).toBe(0.5);

    const later = await askOnWeb('C-000042');
    expect(notesOn(later, productId)).toEqual(['You marked this as interested']);

    // The advisor reads the customer's choice by id, and their own note, on the same product.
    const slackAnswer = await askInSlack('What would you recommend for C-000042?');
    expect(sectionTexts(blocksOf(slackAnswer)).join('\n')).toContain(
      '_C-000042 marked this as interested · You marked this as not for C-000042._',
    );
  });

  it('segment counts: "1 customer with a profile like yours was interested" to a peer, "… in this segment …" to staff', async () => {
    // C-000012 and C-000016 share a segment in the fixture (long horizon, medium risk, lower income).
    const peerBefore = await askOnWeb('C-000016');
    const voter = await askOnWeb('C-000012');
    const shared = voter.products.find((product) =>
      peerBefore.products.some((peer) => peer.productId === product.productId),
    )?.productId;
    if (!shared) throw new Error('C-000012 and C-000016 were recommended nothing in common');
    const vote = { turnId: voter.turnId, rating: null, productId: shared, accepted: true };
    expect((await webPost('/api/feedback', 'C-000012', vote)).status).toBe(201);

    const peer = await askOnWeb('C-000016');
    // C-000042 (same segment) may have said so already in the test above: one more than before, either way.
    const earlier = /^(\d+) customers? with a profile like yours/.exec(
      notesOn(peerBefore, shared)?.[0] ?? '',
    );
    const count = Number(earlier?.[1] ?? 0) + 1;
    const customers = count === 1 ? '1 customer' : `${count} customers`;
    const verb = count === 1 ? 'was' : 'were';
    expect(notesOn(peer, shared)).toEqual([`${customers} with a profile like yours ${verb} interested`]);
    const slackAnswer = await askInSlack('What would you recommend for C-000016?');
    expect(sectionTexts(blocksOf(slackAnswer)).join('\n')).toContain(
      `_${customers} in this segment ${verb} interested._`,
    );
  });

  it('Teams (Emulator mode on the real server): a submit redraws the card via updateActivity; a repeat writes nothing', async () => {
    const conversation = 'teams-feedback-conversation';
    const activity = (fields: Record<string, unknown>) => ({
      type: 'message',
      id: `incoming-${nextTs()}`,
      timestamp: new Date().toISOString(),
      channelId: 'emulator',
      serviceUrl: connector?.serviceUrl,
      from: { id: 'emulator-advisor', name: 'Ada' },
      recipient: { id: 'bot', name: 'Financial Advisor' },
      conversation: { id: conversation },
      ...fields,
    });
    const send = async (fields: Record<string, unknown>) => {
      const from = connectorReceived.length;
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity(fields)),
      });
      expect(response.status).toBe(200);
      return connectorReceived.slice(from);
    };

    const asked = await send({ text: 'advise C-000042' });
    const cardIndex = asked.findIndex((call) => call.body.type === 'message');
    const cardActivityId = `reply-${connectorReceived.length - asked.length + cardIndex + 1}`;
    const card = JSON.stringify(asked[cardIndex]?.body);
    const turnId = /"turnId":"([A-Za-z0-9_-]+)"/.exec(card)?.[1];
    const turn = (await fixture.audit.turns({ customerId: 'C-000042' })).at(-1);
    const productId = turn?.recommendations.at(-1)?.productId;
    if (!turnId || !productId) throw new Error('the Teams answer carried no product');
    const before = await feedbackCount();

    const submit = { kind: 'feedback', turnId, productId, accepted: true };
    const voted = await send({ value: submit, replyToId: cardActivityId });
    // Only the card is redrawn: no "thanks" message.
    expect(voted.filter((call) => call.body.type === 'message' && call.method === 'POST')).toEqual([]);
    const update = voted.find((call) => call.method === 'PUT');
    expect(update?.path).toBe(`/v3/conversations/${conversation}/activities/${cardActivityId}`);
    const redrawn = JSON.stringify(update?.body);
    expect(redrawn).toContain('"text":"✓ Interested"');
    expect(redrawn).not.toContain(`"productId":"${productId}"`);
    expect(await feedbackCount()).toBe(before + 1);

    const repeated = await send({ value: submit, replyToId: cardActivityId });
    const messages = repeated.filter((call) => call.method === 'POST' && call.body.type === 'message');
    expect(messages.map((call) => call.body.text)).toEqual([
      'You had already chosen “Interested”; nothing changed.',
    ]);
    expect(await feedbackCount()).toBe(before + 1);
    const stored = (await fixture.audit.feedback({ customerId: 'C-000042' })).at(-1);
    expect(stored).toMatchObject({
      actor: { id: 'emulator-advisor', role: 'advisor' },
      channel: 'teams',
      productId,
      accepted: true,
    });
  });
});
