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
import { RISK_DISCLOSURE } from '../../../chains/grounded/grounded-chat-model.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../../support/advisor-fixture.ts';

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

const roles = new RoleDirectory({ users: [{ channel: 'teams', userId: 'aad-advisor', role: 'advisor' }] });

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
    const connectorReceived: { path: string; body: Record<string, unknown> }[] = [];
    let connector: Server | undefined;
    let server: Server | undefined;
    let connectorUrl = '';
    let url = '';

    beforeAll(async () => {
      const fakeConnector = new Hono();
      fakeConnector.post('/v3/conversations/*', async (c) => {
        connectorReceived.push({ path: c.req.path, body: await c.req.json() });
        return c.json({ id: `reply-${connectorReceived.length}` });
      });
      ({ server: connector, url: connectorUrl } = await listen(fakeConnector));
      const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
      ({ server, url } = await listen(new Hono().route('/api', createTeamsRoutes(adapter, bot))));
    });
    afterAll(async () => {
      await close(server);
      await close(connector);
    });

    it('the bot answers through the connector: typing, then the Adaptive Card', async () => {
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity(`${connectorUrl}/`)),
      });
      expect(response.status).toBe(200);
      expect(connectorReceived.map((request) => request.path)).toEqual([
        '/v3/conversations/a%3Ahttp-conversation/activities/incoming-1',
        '/v3/conversations/a%3Ahttp-conversation/activities/incoming-1',
      ]);
      expect(connectorReceived[0]?.body).toMatchObject({ type: 'typing' });
      const [attachment] = (connectorReceived[1]?.body.attachments ?? []) as { content: AdaptiveCard }[];
      const logged = (await fixture.audit.turns({ customerId: 'C-000010' })).at(-1);
      expect(logged).toMatchObject({ channel: 'teams', threadId: 'a:http-conversation' });
      expect(attachment?.content.body[0]).toMatchObject({
        type: 'TextBlock',
        text: logged?.reply.replace(`\n\n${RISK_DISCLOSURE}`, ''),
      });
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
