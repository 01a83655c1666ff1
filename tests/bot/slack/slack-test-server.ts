import type { AddressInfo } from 'node:net';
import { type HttpBindings, serve } from '@hono/node-server';
import { LogLevel } from '@slack/bolt';
import { Hono } from 'hono';
import { auditLogReports, RoleDirectory } from '../../../bot/core/index.ts';
import { createSlackApp, createSlackRoutes } from '../../../bot/slack/index.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../../support/advisor-fixture.ts';
import { type FakeSlackWebApi, startFakeSlackWebApi } from './fake-slack-web-api.ts';
import type { SigningOptions } from './signed-slack-request.ts';

/** The signing secret the app under test is configured with. */
export const SIGNING_SECRET = 'slack-signing-secret-for-tests';

/** Who is who in the tests' Slack workspace. */
export const SLACK_TEST_ROLES = new RoleDirectory({
  users: [
    { channel: 'slack', userId: 'U0ADVISOR', role: 'advisor' },
    { channel: 'slack', userId: 'U0NARROW', role: 'advisor', book: ['C-000042', 'C-000043'] },
    { channel: 'slack', userId: 'U0ADMIN', role: 'admin' },
  ],
});

/** The Slack channel served for real: Bolt's HTTPReceiver behind @hono/node-server, in front of a real advisor. */
export interface SlackTestServer {
  fixture: AdvisorFixture;
  slackApi: FakeSlackWebApi;
  origin: string;
  /** `${origin}/slack/events`: events, commands and interactivity. */
  eventsUrl: string;
  signing: SigningOptions;
  close(): Promise<void>;
}

/**
 * Starts, on free ports, the real advisor (generated data → Chroma → LSA → chain → ConversationCore, SQLite
 * audit), the Slack app mounted at /slack in a Hono server (and, to test path matching, at /elsewhere), and
 * the local stand-in for Slack's Web API: slack.com cannot be reached from the tests.
 */
export async function startSlackTestServer(): Promise<SlackTestServer> {
  const fixture = await createAdvisorFixture(120);
  const slackApi = await startFakeSlackWebApi();
  const slack = createSlackApp({
    core: fixture.core(),
    roles: SLACK_TEST_ROLES,
    adminReports: auditLogReports(fixture.audit),
    signingSecret: SIGNING_SECRET,
    botToken: 'xoxb-test-token',
    slackApiUrl: slackApi.apiUrl,
    logLevel: LogLevel.ERROR,
  });
  const app = new Hono<{ Bindings: HttpBindings }>();
  app.route('/slack', createSlackRoutes(slack));
  app.route('/elsewhere', createSlackRoutes(slack));
  let server: ReturnType<typeof serve> | undefined;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(info.port),
    );
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    fixture,
    slackApi,
    origin,
    eventsUrl: `${origin}/slack/events`,
    signing: { secret: SIGNING_SECRET },
    close: async () => {
      await new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await slackApi.close();
      await fixture.dispose();
    },
  };
}
