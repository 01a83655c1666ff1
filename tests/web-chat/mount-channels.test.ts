import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppConfig } from '../../bot/app-config.ts';
import {
  auditLogReports,
  type ChannelAdapter,
  type ChannelContext,
  RoleDirectory,
} from '../../bot/core/index.ts';
import type { SlackChannel } from '../../bot/slack/index.ts';
import { teamsEmulatorRefusal } from '../../bot/teams/index.ts';
import { type ChannelStatus, mountChannels } from '../../web-chat/mount-channels.ts';
import { FAKE_BOT, type FakeSlackWebApi, startFakeSlackWebApi } from '../bot/slack/fake-slack-web-api.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../support/advisor-fixture.ts';
import { type BotConnectorStandIn, startBotConnectorStandIn } from '../support/bot-connector.ts';

type Server = ReturnType<typeof serve>;

function listen(app: Hono): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ server, url: `http://127.0.0.1:${info.port}` }),
    );
  });
}

/** The banner entry of one channel, by its name in the roles file. */
function statusOf(statuses: ChannelStatus[], name: string): ChannelStatus {
  const status = statuses.find((channel) => channel.name === name);
  if (!status) throw new Error(`no ${name} channel was mounted`);
  return status;
}

function close(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

const SLACK = { SLACK_SIGNING_SECRET: 'secret-for-tests', SLACK_BOT_TOKEN: 'xoxb-test' };
const roles = new RoleDirectory({
  users: [{ channel: 'teams', userId: 'emulator-advisor', role: 'advisor', book: ['C-000042'] }],
});

// Slack's Web API and the Bot Connector are local stand-ins (neither cloud is reachable); the advisor is real.
describe('mountChannels: the settings reach the channels, and start-up says what really works', () => {
  let fixture: AdvisorFixture;
  let slackApi: FakeSlackWebApi;
  let advisor: Parameters<typeof mountChannels>[1];
  beforeAll(async () => {
    fixture = await createAdvisorFixture(120);
    slackApi = await startFakeSlackWebApi();
    advisor = { core: fixture.core(), roles, adminReports: auditLogReports(fixture.audit) };
  });
  afterAll(async () => {
    await slackApi?.close();
    await fixture?.dispose();
  });

  it('SLACK_API_URL reaches the Slack app: the banner says who the bot is only after auth.test answered', async () => {
    const config = loadAppConfig({ ...SLACK, SLACK_API_URL: slackApi.apiUrl });
    const slack = config.channels.find((channel) => channel.name === 'slack') as SlackChannel | undefined;
    expect(slack?.settings?.apiUrl).toBe(slackApi.apiUrl);
    const status = statusOf(mountChannels(new Hono(), advisor, config), 'slack');
    const from = slackApi.calls.length;
    expect(await status.check?.()).toBe(
      `connected as @advisor_bot (${FAKE_BOT.userId}) in team ${FAKE_BOT.teamId} (Test); POST /slack/events`,
    );
    const call = slackApi.calls.slice(from).find((made) => made.method === 'auth.test');
    expect(call?.authorization).toBe('Bearer xoxb-test');
  });

  it('a failing auth.test is said plainly, with the URL it tried', async () => {
    const wrong = `${slackApi.apiUrl}wrong/`;
    const status = mountChannels(new Hono(), advisor, loadAppConfig({ ...SLACK, SLACK_API_URL: wrong }));
    const line = await statusOf(status, 'slack').check?.();
    expect(line).toMatch(new RegExp(`^NOT connected — auth.test at ${wrong} failed: .*unknown_method`));
  });

  it('a SLACK_API_URL that is not a URL fails at start-up naming the variable', () => {
    expect(() => loadAppConfig({ ...SLACK, SLACK_API_URL: 'slack.com/api' })).toThrow(/SLACK_API_URL: /);
    expect(() => loadAppConfig({ PUBLIC_URL: 'advisor.bank.example' })).toThrow(/PUBLIC_URL: expected a URL/);
    expect(loadAppConfig({ PUBLIC_URL: 'https://advisor.bank.example/' }).server.publicUrl).toBe(
      'https://advisor.bank.example',
    );
  });

  it('emulator mode is refused off loopback, behind a proxy and in production', () => {
    expect(teamsEmulatorRefusal({ host: '127.0.0.1', trustProxy: 0, demo: true })).toBeNull();
    expect(teamsEmulatorRefusal({ host: '0.0.0.0', trustProxy: 0, demo: true })).toMatch(
      /HOST is 0\.0\.0\.0/,
    );
    expect(teamsEmulatorRefusal({ host: '127.0.0.1', trustProxy: 1, demo: true })).toMatch(/TRUST_PROXY/);
    expect(teamsEmulatorRefusal({ host: 'localhost', trustProxy: 0, demo: false })).toMatch(/production/);
    const status = mountChannels(new Hono(), advisor, loadAppConfig({ HOST: '0.0.0.0' }));
    expect(statusOf(status, 'teams').status).toMatch(
      /^disabled .*local emulator mode is refused: HOST is 0\.0\.0\.0/,
    );
  });

  it('mounts every listed channel in order, and an unconfigured Slack answers 503 naming what to set', async () => {
    const app = new Hono();
    const statuses = mountChannels(app, advisor, loadAppConfig({ HOST: '127.0.0.1' }));
    expect(statuses.map((channel) => [channel.name, channel.label, channel.check])).toEqual([
      ['slack', 'Slack', null],
      ['teams', 'Teams', null],
    ]);
    expect(statusOf(statuses, 'slack').status).toBe(
      'disabled (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN); POST /slack/events answers 503',
    );
    const response = await app.request('/slack/events', { method: 'POST', body: '{}' });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: {
        code: 'UNAVAILABLE',
        message: 'Slack is not configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN.',
      },
    });
  });

  it('a channel in the config is mounted with the shared core and server, with no other wiring', async () => {
    const app = new Hono();
    let given: ChannelContext | undefined;
    const pager: ChannelAdapter = {
      name: 'cli',
      label: 'Pager',
      mount: (host, context) => {
        given = context;
        host.post('/pager/messages', (request) => request.text('ok'));
        return { status: 'POST /pager/messages', check: async () => 'pager reachable' };
      },
    };
    const config = loadAppConfig({ HOST: '127.0.0.1', PUBLIC_URL: 'https://advisor.bank.example' });
    const statuses = mountChannels(app, advisor, { ...config, channels: [pager] });
    expect(statuses).toHaveLength(1);
    expect(statuses[0]?.status).toBe('POST /pager/messages');
    expect(await statuses[0]?.check?.()).toBe('pager reachable');
    expect(given?.core).toBe(advisor.core);
    expect(given?.server).toEqual({
      host: '127.0.0.1',
      publicUrl: 'https://advisor.bank.example',
      trustProxy: 0,
      demo: true,
    });
    expect((await app.request('/pager/messages', { method: 'POST' })).status).toBe(200);
  });

  describe('Teams without MICROSOFT_APP_ID on 127.0.0.1: the Bot Framework Emulator mode', () => {
    let connector: BotConnectorStandIn | undefined;
    let server: Server | undefined;
    let url = '';
    let status = '';
    beforeAll(async () => {
      connector = await startBotConnectorStandIn();
      const app = new Hono();
      status = statusOf(mountChannels(app, advisor, loadAppConfig({ HOST: '127.0.0.1' })), 'teams').status;
      ({ server, url } = await listen(app));
    });
    afterAll(async () => {
      await close(server);
      await connector?.close();
    });

    it('says so at start-up, and answers an unauthenticated Emulator user found by their Emulator user id', async () => {
      expect(status).toMatch(/^LOCAL EMULATOR MODE \(MICROSOFT_APP_ID unset\).*UNAUTHENTICATED/);
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: 'emulator-1',
          timestamp: new Date().toISOString(),
          channelId: 'emulator',
          serviceUrl: connector?.serviceUrl,
          from: { id: 'emulator-advisor', name: 'Ada' },
          recipient: { id: 'bot', name: 'Financial Advisor' },
          conversation: { id: 'emulator-conversation' },
          text: 'advise C-000042',
        }),
      });
      expect(response.status).toBe(200);
      expect(connector?.received.map((request) => request.body.type)).toEqual(['typing', 'message']);
      const logged = (await fixture.audit.turns({ customerId: 'C-000042' })).at(-1);
      expect(logged).toMatchObject({ channel: 'teams', actor: { id: 'emulator-advisor', role: 'advisor' } });
    });
  });
});
