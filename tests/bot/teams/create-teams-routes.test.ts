import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogReports, RoleDirectory } from '../../../bot/core/index.ts';
import {
  type AdaptiveCard,
  AdvisorTeamsBot,
  createTeamsAdapter,
  createTeamsRoutes,
  loadTeamsSettings,
} from '../../../bot/teams/index.ts';
import { fixedText } from '../../../chains/compose/fixed-texts.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../../support/advisor-fixture.ts';
import {
  type BotConnectorStandIn,
  type ConnectorRequest,
  startBotConnectorStandIn,
} from '../../support/bot-connector.ts';

/** The risk warning as an advisor reads it about C-000010 (third person), once per Teams message. */
const RISK_DISCLOSURE = fixedText('risk_disclosure', {
  language: 'en',
  audience: 'advisor',
  customerId: 'C-000010',
});

type Server = ReturnType<typeof serve>;

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

const roles = new RoleDirectory({
  users: [
    { channel: 'teams', userId: 'aad-advisor', role: 'advisor' },
    { channel: 'teams', userId: 'aad-admin', role: 'admin' },
  ],
});

function activity(serviceUrl: string): Record<string, unknown> {
  return {
    type: 'message',
    id: 'incoming-1',
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:advisor', name: 'Ada Advisor', aadObjectId: 'aad-advisor' },
    recipient: { id: '28:bot', name: 'Financial Advisor' },
    conversation: { id: 'a:http-conversation', conversationType: 'personal' },
    text: 'what should I offer C-000010?',
  };
}

describe('createTeamsRoutes over real HTTP (@hono/node-server, port 0)', () => {
  let fixture: AdvisorFixture;
  let bot: AdvisorTeamsBot;

  beforeAll(async () => {
    fixture = await createAdvisorFixture(120);
    bot = new AdvisorTeamsBot({
      core: fixture.core(),
      roles,
      adminReports: auditLogReports(fixture.audit),
      streaming: { enabled: true, minIntervalMs: 0 },
    });
  });
  afterAll(async () => {
    await fixture?.dispose();
  });

  describe('with an app id and password: the Bot Connector JWT is required', () => {
    let server: Server | undefined;
    let url = '';
    beforeAll(async () => {
      const adapter = createTeamsAdapter({
        appType: 'SingleTenant',
        appId: '00000000-0000-4000-8000-00000000b0b0',
        appPassword: 'fake-password-for-tests',
        tenantId: '00000000-0000-4000-8000-00000000cafe',
      });
      ({ server, url } = await listen(new Hono().route('/api', createTeamsRoutes(adapter, bot))));
    });
    afterAll(() => close(server));

    // Only tokens that fail locally are tried: a well-formed JWT makes botbuilder fetch Microsoft's signing keys
    // from login.botframework.com, which cannot be reached from here.
    it.each([
      ['no Authorization header', {}],
      ['a garbage bearer token', { authorization: 'Bearer not.a.jwt' }],
    ])('POST /api/messages with %s → 401 and the core is never called', async (_label, headers) => {
      const turnsBefore = (await fixture.audit.turns({})).length;
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity('https://smba.trafficmanager.net/emea/')),
      });
      expect(response.status).toBe(401);
      expect((await fixture.audit.turns({})).length).toBe(turnsBefore);
    });

    it('a body that is not JSON is a 400 before anything else happens', async () => {
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"type": "message"',
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toBe('The request body must be a JSON Bot Framework activity.');
    });

    it('only POST is routed', async () => {
      expect((await fetch(`${url}/api/messages`)).status).toBe(404);
    });
  });

  describe('with authentication off (as with the Bot Framework Emulator): a full turn over HTTP', () => {
    // A stand-in for the Bot Connector service the bot replies to, at the activity's serviceUrl.
    let connector: BotConnectorStandIn | undefined;
    let connectorReceived: ConnectorRequest[] = [];
    let server: Server | undefined;
    let url = '';

    beforeAll(async () => {
      connector = await startBotConnectorStandIn();
      connectorReceived = connector.received;
      const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
      ({ server, url } = await listen(new Hono().route('/api', createTeamsRoutes(adapter, bot))));
    });
    afterAll(async () => {
      await close(server);
      await connector?.close();
    });

    it('a 1:1 answer streams through the connector: typing, a progress update, then the final message with the card', async () => {
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity(connector?.serviceUrl ?? '')),
      });
      expect(response.status).toBe(200);
      const replyPath = '/v3/conversations/a%3Ahttp-conversation/activities/incoming-1';
      expect(connectorReceived.every((request) => request.path === replyPath)).toBe(true);
      const bodies = connectorReceived.map((request) => request.body);
      const info = (body: Record<string, unknown> | undefined) =>
        (body?.entities as Record<string, unknown>[] | undefined)?.[0] ?? {};
      // Plain typing, then progress lines, then the growing validated text, then exactly one final message.
      expect(bodies[0]).toMatchObject({ type: 'typing' });
      expect(bodies[0]?.entities).toBeUndefined();
      expect(bodies[1]).toMatchObject({
        type: 'typing',
        text: 'Reading your question…',
        entities: [{ type: 'streaminfo', streamType: 'informative', streamSequence: 1 }],
      });
      const kinds = bodies.slice(1).map((body) => info(body).streamType);
      expect(kinds.at(-1)).toBe('final');
      expect(kinds.filter((kind) => kind === 'final')).toHaveLength(1);
      const firstText = kinds.indexOf('streaming');
      expect(kinds.slice(0, firstText === -1 ? -1 : firstText).every((kind) => kind === 'informative')).toBe(
        true,
      );
      // Sequence numbers rise by one; every update after the first names the stream (the connector's id for it).
      const updates = bodies.slice(1, -1);
      expect(updates.map((body) => info(body).streamSequence)).toEqual(updates.map((_, index) => index + 1));
      for (const body of updates.slice(1)) expect(info(body).streamId).toBe('reply-2');
      const texts = updates
        .filter((body) => info(body).streamType === 'streaming')
        .map((body) => String(body.text));
      texts.forEach((text, index) => {
        if (index > 0) expect(text.startsWith(texts[index - 1] ?? '')).toBe(true);
      });
      const final = bodies.at(-1) ?? {};
      expect(final).toMatchObject({
        type: 'message',
        channelData: { streamType: 'final', streamId: 'reply-2', feedbackLoopEnabled: true },
      });
      // The entities reach the connector whole (botbuilder 4.23 alone would strip all but their type).
      expect(final.entities).toEqual([
        { type: 'streaminfo', streamType: 'final', streamId: 'reply-2' },
        expect.objectContaining({
          type: 'https://schema.org/Message',
          additionalType: ['AIGeneratedContent'],
        }),
      ]);
      const logged = (await fixture.audit.turns({ customerId: 'C-000010' })).at(-1);
      expect(logged).toMatchObject({ channel: 'teams', threadId: 'a:http-conversation' });
      expect(String(final.text).startsWith(logged?.reply.replace(`\n\n${RISK_DISCLOSURE}`, '') ?? '-')).toBe(
        true,
      );
      const [attachment] = (final.attachments ?? []) as { content: AdaptiveCard }[];
      expect(attachment?.content.type).toBe('AdaptiveCard');
    });
  });

  describe('a long admin report: acknowledged at once, then posted proactively through the connector', () => {
    let connector: BotConnectorStandIn | undefined;
    let connectorReceived: ConnectorRequest[] = [];
    let server: Server | undefined;
    let url = '';
    let releaseReport: () => void = () => {};
    let reportBot: AdvisorTeamsBot;

    beforeAll(async () => {
      connector = await startBotConnectorStandIn();
      connectorReceived = connector.received;
      const reports = auditLogReports(fixture.audit);
      // The real audit-log report, held back until the test releases it: a run longer than the acknowledgement.
      const held = new Promise<void>((resolve) => {
        releaseReport = resolve;
      });
      reportBot = new AdvisorTeamsBot({
        core: fixture.core(),
        roles,
        adminReports: {
          bias: reports.bias,
          bench: async () => {
            await held;
            return await reports.bench();
          },
        },
        reports: { acknowledgeAfterMs: 20, botAppId: '' },
      });
      const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
      ({ server, url } = await listen(new Hono().route('/api', createTeamsRoutes(adapter, reportBot))));
    });
    afterAll(async () => {
      await close(server);
      await connector?.close();
    });

    it('the turn ends with "I\'ll post it here"; when the run finishes the report arrives as a new message', async () => {
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ...activity(connector?.serviceUrl ?? ''),
          from: { id: '29:admin', name: 'Ada Admin', aadObjectId: 'aad-admin' },
          text: 'bench',
        }),
      });
      expect(response.status).toBe(200);
      expect(connectorReceived.map((request) => request.body.type)).toEqual(['typing', 'message']);
      expect(connectorReceived[1]?.body.text).toBe(
        "Running the `bench` report; I'll post it here when it's ready.",
      );

      releaseReport();
      await reportBot.whenReportsPosted();
      expect(connectorReceived).toHaveLength(3);
      // Proactive (botbuilder's continueConversation): in the same conversation, not a reply to the admin's message.
      expect(connectorReceived[2]?.path).toMatch(/^\/v3\/conversations\/a%3Ahttp-conversation\/activities/);
      expect(connectorReceived[2]?.path).not.toContain('incoming-1');
      expect(connectorReceived[2]?.body.replyToId).not.toBe('incoming-1');
      const [attachment] = (connectorReceived[2]?.body.attachments ?? []) as {
        content: { body: unknown[] };
      }[];
      expect(JSON.stringify(attachment?.content.body)).toContain('Operations (from the audit log)');
    });
  });

  describe('settings', () => {
    it('loadTeamsSettings reads MICROSOFT_APP_* and is null when the channel is off', () => {
      expect(loadTeamsSettings({})).toBeNull();
      expect(
        loadTeamsSettings({
          MICROSOFT_APP_ID: 'app',
          MICROSOFT_APP_PASSWORD: 'secret',
          MICROSOFT_APP_TENANT_ID: 'tenant',
        }),
      ).toEqual({ appType: 'SingleTenant', appId: 'app', appPassword: 'secret', tenantId: 'tenant' });
      expect(
        loadTeamsSettings({
          MICROSOFT_APP_ID: 'app',
          MICROSOFT_APP_PASSWORD: 'secret',
          MICROSOFT_APP_TYPE: 'MultiTenant',
        }),
      ).toEqual({ appType: 'MultiTenant', appId: 'app', appPassword: 'secret' });
    });

    it('a single-tenant bot without a tenant id, or a bad app type, fails fast naming the field', () => {
      expect(() => loadTeamsSettings({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'secret' })).toThrow(
        /Invalid Teams settings \(MICROSOFT_APP_\*\): tenantId: /,
      );
      expect(() =>
        loadTeamsSettings({
          MICROSOFT_APP_ID: 'app',
          MICROSOFT_APP_PASSWORD: 'x',
          MICROSOFT_APP_TYPE: 'Both',
        }),
      ).toThrow(/MICROSOFT_APP_TYPE/);
      expect(() => createTeamsAdapter({ appType: 'MultiTenant', appId: 'app', appPassword: ' ' })).toThrow(
        /appPassword/,
      );
    });
  });
});
