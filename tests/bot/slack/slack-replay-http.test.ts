import { LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLogReports } from '../../../bot/core/index.ts';
import { createSlackApp, createSlackRoutes } from '../../../bot/slack/index.ts';
import { createWebChatApp, type RunningWebServer, startWebServer } from '../../../web-chat/index.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../../support/advisor-fixture.ts';
import { type FakeSlackWebApi, startFakeSlackWebApi } from './fake-slack-web-api.ts';
import { slackSignature } from './signed-slack-request.ts';
import { SIGNING_SECRET, SLACK_TEST_ROLES } from './slack-test-server.ts';

// Slack's Web API is the local stand-in (slack.com is unreachable here); everything else is real.
describe('Slack mounted on the real web chat app over HTTP: timestamps, replays, clean logs', () => {
  let fixture: AdvisorFixture;
  let slackApi: FakeSlackWebApi;
  let server: RunningWebServer;
  const consoleError = vi.spyOn(console, 'error');
  const stderr = vi.spyOn(process.stderr, 'write');

  beforeAll(async () => {
    fixture = await createAdvisorFixture(60);
    slackApi = await startFakeSlackWebApi();
    const core = fixture.core();
    const slack = createSlackApp({
      core,
      roles: SLACK_TEST_ROLES,
      adminReports: auditLogReports(fixture.audit),
      signingSecret: SIGNING_SECRET,
      botToken: 'xoxb-test-token',
      slackApiUrl: slackApi.apiUrl,
      logLevel: LogLevel.ERROR,
    });
    const app = createWebChatApp({ core, audit: fixture.audit, tokenSecret: 'x'.repeat(40) });
    app.route('/slack', createSlackRoutes(slack));
    server = await startWebServer(app, 0);
  });
  afterAll(async () => {
    await server?.close();
    await slackApi?.close();
    await fixture?.dispose();
  });

  const challengeBody = (challenge: string) =>
    JSON.stringify({ token: 't', challenge, type: 'url_verification' });
  const send = (
    body: string,
    timestamp: number,
    signature = slackSignature(SIGNING_SECRET, timestamp, body),
  ) =>
    fetch(`${server.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature,
      },
      body,
    });
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  it('refuses correctly signed requests dated +10 min, +1 day and +1 year (401), and stale ones', async () => {
    for (const offset of [10 * 60, 86_400, 365 * 86_400, -6 * 60]) {
      const response = await send(challengeBody(`future-${offset}`), nowSeconds() + offset);
      expect(response.status, `offset ${offset} s`).toBe(401);
    }
  });

  it('accepts a signed request once; the same signed request again is a replay (401)', async () => {
    const body = challengeBody('replay-me');
    const timestamp = nowSeconds();
    const first = await send(body, timestamp);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ challenge: 'replay-me' });
    expect((await send(body, timestamp)).status).toBe(401);
    // A genuinely new request (new timestamp, so a new signature) still passes.
    expect((await send(body, timestamp + 1)).status).toBe(200);
  });

  it('logs no ERR_HTTP_HEADERS_SENT (or any) stack trace for normal requests through the web app', async () => {
    consoleError.mockClear();
    stderr.mockClear();
    for (let index = 0; index < 3; index++) {
      const response = await send(challengeBody(`quiet-${index}`), nowSeconds() + index);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-content-type-options')).toBeNull();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const written = [...consoleError.mock.calls, ...stderr.mock.calls]
      .map((call) => String(call[0]))
      .join('\n');
    expect(written).not.toMatch(/ERR_HTTP_HEADERS_SENT/);
    expect(consoleError).not.toHaveBeenCalled();
  });
});
