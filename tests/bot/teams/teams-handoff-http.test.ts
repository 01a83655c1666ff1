import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HandoffDesk, type HandoffStore, openSqliteHandoffStore } from '../../../bot/core/handoff/index.ts';
import { auditLogReports, type InboundMessage, RoleDirectory } from '../../../bot/core/index.ts';
import { TeamsHandoffBridge } from '../../../bot/teams/handoff/index.ts';
import { AdvisorTeamsBot, createTeamsRoutes } from '../../../bot/teams/index.ts';
import { createWrittenTextChecker } from '../../../chains/steps/index.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../../support/advisor-fixture.ts';
import {
  type BotConnectorStandIn,
  type ConnectorRequest,
  startBotConnectorStandIn,
} from '../../support/bot-connector.ts';

// Real advisor (Chroma, chain, SQLite audit), real CloudAdapter and HTTP; the Bot Connector service the bot posts to
// is a local stand-in (Microsoft's cannot be reached from here), as in create-teams-routes.test.ts.

type Server = ReturnType<typeof serve>;
const CUSTOMER = 'C-000042';
const roles = new RoleDirectory({
  users: [
    { channel: 'teams', userId: 'aad-own', role: 'advisor', book: [CUSTOMER] },
    { channel: 'teams', userId: 'aad-other', role: 'advisor', book: ['C-000043'] },
  ],
});

function listen(app: Hono): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ server, url: `http://127.0.0.1:${info.port}` }),
    );
  });
}

function close(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

describe('Teams handoff: a proactive card to the own advisor, answered through the checks', () => {
  let fixture: AdvisorFixture;
  let directory: string;
  let store: HandoffStore;
  let desk: HandoffDesk;
  let server: Server | undefined;
  let connector: BotConnectorStandIn | undefined;
  let received: ConnectorRequest[] = [];
  let url = '';
  let nextId = 0;

  const post = async (aadObjectId: string, content: { text?: string; value?: unknown }) => {
    nextId += 1;
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `incoming-${nextId}`,
        timestamp: new Date().toISOString(),
        channelId: 'msteams',
        serviceUrl: connector?.serviceUrl,
        from: { id: `29:${aadObjectId}`, name: aadObjectId, aadObjectId },
        recipient: { id: '28:bot', name: 'Financial Advisor' },
        conversation: { id: `a:chat-${aadObjectId}`, conversationType: 'personal' },
        ...content,
      }),
    });
    expect(response.status).toBe(200);
  };
  const messagesSince = (index: number) =>
    received.slice(index).filter((request) => request.body.type === 'message');

  beforeAll(async () => {
    fixture = await createAdvisorFixture(120);
    directory = await mkdtemp(path.join(tmpdir(), 'teams-handoff-'));
    store = openSqliteHandoffStore(path.join(directory, 'handoffs.sqlite'));
    desk = new HandoffDesk({
      store,
      audit: fixture.audit,
      roles,
      checkText: createWrittenTextChecker(fixture.retriever),
    });
    const bridge = new TeamsHandoffBridge(desk, '');
    desk.addNotifier(bridge);
    const bot = new AdvisorTeamsBot({
      core: fixture.core(),
      roles,
      adminReports: auditLogReports(fixture.audit),
      streaming: { enabled: false },
      handoffs: bridge,
    });
    connector = await startBotConnectorStandIn();
    received = connector.received;
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    ({ server, url } = await listen(new Hono().route('/api', createTeamsRoutes(adapter, bot))));
  });
  afterAll(async () => {
    await close(server);
    await connector?.close();
    await store?.dispose();
    await fixture?.dispose();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('sends the card to the customer’s own advisor only; a promissory edit is refused, a clean one is delivered', async () => {
    await post('aad-own', { text: 'hello' });
    await post('aad-other', { text: 'hello' });
    const message: InboundMessage = {
      actor: { channel: 'web', userId: CUSTOMER, role: 'customer', customerId: CUSTOMER },
      threadId: `web:${CUSTOMER}:teams-thread`,
      text: 'I would like to speak to a human adviser, please.',
    };
    const reply = await fixture.core().handle(message);
    const before = received.length;
    const handoff = await desk.openForReply(message, reply);
    await desk.notificationsSettled();
    if (!handoff) throw new Error('no handoff opened');
    const cards = messagesSince(before);
    expect(cards).toHaveLength(1);
    expect(cards[0]?.path).toMatch(/^\/v3\/conversations\/a%3Achat-aad-own\/activities/);
    const [attachment] = (cards[0]?.body.attachments ?? []) as {
      content: { body: { type: string; value?: string }[]; actions: { title: string; data: unknown }[] };
    }[];
    expect(attachment?.content.body.find((element) => element.type === 'Input.Text')?.value).toBe(reply.text);
    expect(attachment?.content.actions.map((action) => action.title)).toEqual([
      'Approve',
      'Send my edit',
      'Send as my own answer',
    ]);

    const refusedAt = received.length;
    await post('aad-own', {
      value: {
        handoffAction: 'edit',
        handoffId: handoff.id,
        handoffText: 'Good news: our fund is guaranteed to double your money.',
      },
    });
    expect(String(messagesSince(refusedAt)[0]?.body.text)).toMatch(/^Not sent: .*never promise or guarantee/);
    expect(await desk.latestFor(CUSTOMER)).toMatchObject({ status: 'pending' });

    // The other advisor's click on a card they never got is refused by the desk.
    const otherAt = received.length;
    await post('aad-other', { value: { handoffAction: 'approve', handoffId: handoff.id } });
    expect(messagesSince(otherAt)[0]?.body.text).toBe(
      `Only ${CUSTOMER}'s own advisors may answer this handoff.`,
    );
    expect(await desk.latestFor(CUSTOMER)).toMatchObject({ status: 'pending' });

    const clean = 'Thank you for waiting. I can go through your question with you by phone or in a branch.';
    const sentAt = received.length;
    await post('aad-own', { value: { handoffAction: 'edit', handoffId: handoff.id, handoffText: clean } });
    expect(messagesSince(sentAt)[0]?.body.text).toBe(
      'Your edit passed the checks and was sent to the customer.',
    );
    expect(await desk.latestFor(CUSTOMER)).toMatchObject({ status: 'edited', message: clean });
    const [delivered] = await fixture.audit.turns({ actorId: 'aad-own', latest: 1 });
    expect(delivered).toMatchObject({ channel: 'teams', reply: clean, author: 'advisor_edited' });
  });
});
