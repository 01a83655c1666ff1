import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Hono } from 'hono';
import { sign } from 'hono/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyticsSource, RoleDirectory } from '../../bot/core/index.ts';
import {
  type BenchRunsResponse,
  createAdminRoutes,
  type OperationsResponse,
  signAdminToken,
  signCustomerToken,
  type WebChatErrorBody,
} from '../../web-chat/index.ts';
import { type AdminAnalyticsFixture, createAdminAnalyticsFixture } from './admin-analytics-fixture.ts';

const SECRET = 'admin-routes-test-secret-0123456789abcdef';
const NOW = Date.parse('2026-11-25T09:00:00Z');
const HOUR = 60 * 60;

const roles = new RoleDirectory({
  users: [
    { channel: 'web', userId: 'ops-alice', role: 'admin' },
    { channel: 'web', userId: 'web-carol', role: 'customer', customerId: 'C-000001' },
    { channel: 'web', userId: 'web-dave', role: 'advisor' },
    { channel: 'slack', userId: 'U-SLACKADMIN', role: 'admin' },
  ],
});

/** JSON as it crossed the wire, for comparing with what the analytics source returned in memory. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('admin routes: the dashboard page, its scripts and the analytics APIs behind an admin token', () => {
  let fixture: AdminAnalyticsFixture;
  let app: Hono;
  const reported: unknown[] = [];

  const adminToken = (userId = 'ops-alice', lifetimeSeconds = HOUR, nowMs = NOW) =>
    signAdminToken({ userId, secret: SECRET, nowMs, lifetimeSeconds });
  const get = async (url: string, token?: string) =>
    app.request(url, token === undefined ? {} : { headers: { Authorization: `Bearer ${token}` } });
  const errorOf = async (response: Response) => ((await response.json()) as WebChatErrorBody).error;

  beforeAll(async () => {
    fixture = await createAdminAnalyticsFixture();
    app = new Hono();
    app.route(
      '/admin',
      createAdminRoutes({
        analytics: fixture.analytics,
        roles,
        tokenSecret: SECRET,
        now: () => NOW,
        demoAdminId: 'demo-admin',
        reportError: (error) => reported.push(error),
      }),
    );
  });
  afterAll(async () => {
    await fixture?.dispose();
  });

  describe('authentication (401)', () => {
    it('refuses a request without a token, saying how to send one', async () => {
      const response = await get('/admin/api/operations');
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="admin", error="invalid_token"');
      expect(await errorOf(response)).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'Sign-in required: send Authorization: Bearer <token>.',
      });
    });

    it('refuses a token signed with another secret', async () => {
      const forged = await signAdminToken({
        userId: 'ops-alice',
        secret: 'someone-elses-secret-0123456789abcdefgh',
        nowMs: NOW,
        lifetimeSeconds: HOUR,
      });
      const response = await get('/admin/api/operations', forged);
      expect(response.status).toBe(401);
      expect((await errorOf(response)).message).toBe('The admin token is invalid.');
    });

    it('refuses an expired token, and one that would live longer than an hour', async () => {
      const expired = await adminToken('ops-alice', 600, NOW - 601_000);
      expect((await errorOf(await get('/admin/api/operations', expired))).message).toBe(
        'The admin token has expired.',
      );
      const longLived = await adminToken('ops-alice', HOUR + 1);
      const response = await get('/admin/api/operations', longLived);
      expect(response.status).toBe(401);
      expect((await errorOf(response)).message).toMatch(/lives longer than 60 minutes/);
    });

    it('refuses a customer token (no admin audience) even though it is signed with the same secret', async () => {
      const customer = await signCustomerToken({
        customerId: 'C-000001',
        secret: SECRET,
        nowMs: NOW,
        lifetimeSeconds: 600,
      });
      const response = await get('/admin/api/operations', customer);
      expect(response.status).toBe(401);
      expect((await errorOf(response)).message).toBe(
        'The admin token\'s "aud" claim must be exactly "finadvisor-admin".',
      );
    });

    it('refuses a token signed with another algorithm', async () => {
      const iat = Math.floor(NOW / 1000);
      const hs512 = await sign(
        { sub: 'ops-alice', aud: 'finadvisor-admin', iat, exp: iat + 600 },
        SECRET,
        'HS512',
      );
      expect((await get('/admin/api/operations', hs512)).status).toBe(401);
    });
  });

  describe('authorisation (403)', () => {
    it.each([
      ['a web customer', 'web-carol'],
      ['a web advisor', 'web-dave'],
      ['an unknown web user', 'nobody'],
      ['a Slack admin (admins are per channel)', 'U-SLACKADMIN'],
    ])('refuses %s', async (_who, userId) => {
      const response = await get('/admin/api/fairness', await adminToken(userId));
      expect(response.status).toBe(403);
      expect(await errorOf(response)).toEqual({
        code: 'NOT_AUTHORISED',
        message: `Web user "${userId}" is not an admin: only web users with the admin role in the roles file may see analytics.`,
      });
    });

    it('accepts the demo admin only when the routes were given that id', async () => {
      expect((await get('/admin/api/operations', await adminToken('demo-admin'))).status).toBe(200);
      const withoutDemo = new Hono();
      withoutDemo.route(
        '/admin',
        createAdminRoutes({ analytics: fixture.analytics, roles, tokenSecret: SECRET, now: () => NOW }),
      );
      const response = await withoutDemo.request('/admin/api/operations', {
        headers: { Authorization: `Bearer ${await adminToken('demo-admin')}` },
      });
      expect(response.status).toBe(403);
    });
  });

  describe('the analytics an admin sees', () => {
    it('operations: the audit log summary, with the exact counts and percentiles of the logged turns', async () => {
      const response = await get('/admin/api/operations', await adminToken());
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = (await response.json()) as OperationsResponse;
      expect(body.operations).toEqual(asJson(await fixture.analytics.operations()));
      // Latencies 80, 120, 200, 340, 910, 1500 ms: nearest rank p50 = 3rd, p95 = 6th.
      expect(body.operations.latencyMs).toEqual({ p50: 200, p95: 1500 });
      expect(body.operations.validator).toMatchObject({ passed: 4, repaired: 1, fellBack: 1 });
      expect(body.operations.feedback).toEqual({
        total: 4,
        thumbsUp: 1,
        thumbsDown: 1,
        accepted: 1,
        declined: 1,
        rate: 4 / 6,
      });
    });

    it('fairness: the population report with the four-fifths band', async () => {
      const response = await get('/admin/api/fairness', await adminToken());
      expect(response.status).toBe(200);
      const body = await response.json();
      const report = await fixture.analytics.populationFairness();
      expect(body).toEqual({ band: { lower: 0.8, upper: 1.25 }, report: asJson(report) });
      expect(report.title).toContain('recommender over 300 customers');
    });

    it('fairness/logged: the report over the five logged turns that recommended something', async () => {
      const response = await get('/admin/api/fairness/logged', await adminToken());
      expect(response.status).toBe(200);
      const body = await response.json();
      const logged = await fixture.analytics.loggedTurnsFairness();
      expect(body).toEqual({ band: { lower: 0.8, upper: 1.25 }, ...(asJson(logged) as object) });
      expect(logged.report?.rows).toBe(5);
      expect(logged.skipped).toEqual({ noRecommendation: 1, unknownCustomer: 0, unknownProducts: 0 });
    });

    it('bench: the saved runs, newest first, as many as the limit asks', async () => {
      const all = (await (await get('/admin/api/bench', await adminToken())).json()) as BenchRunsResponse;
      expect(all.runs).toEqual(asJson(await fixture.analytics.benchRuns(20)));
      expect(all.runs.map((run) => run.timestamp)).toEqual([
        '2026-11-02T10:00:00.000Z',
        '2026-11-01T10:00:00.000Z',
      ]);
      expect(all.runs[0]?.ranking.methods.find((method) => method.method === 'ours')?.ndcgAt5).toBe(0.44);
      const one = (await (
        await get('/admin/api/bench?limit=1', await adminToken())
      ).json()) as BenchRunsResponse;
      expect(one.runs.map((run) => run.timestamp)).toEqual(['2026-11-02T10:00:00.000Z']);
    });

    it.each(['0', '101', 'abc', '2.5', '-1', ''])(
      'bench: refuses limit=%j with 422 naming the parameter',
      async (limit) => {
        const response = await get(`/admin/api/bench?limit=${limit}`, await adminToken());
        expect(response.status).toBe(422);
        expect(await errorOf(response)).toEqual({
          code: 'INVALID_INPUT',
          message: 'limit: expected a whole number from 1 to 100.',
          field: 'limit',
        });
      },
    );

    it('says in words when a computation fails (no dataset), and reports the cause', async () => {
      const broken = new Hono();
      const errors: unknown[] = [];
      broken.route(
        '/admin',
        createAdminRoutes({
          analytics: createAnalyticsSource({
            audit: fixture.audit,
            dataDir: path.join(fixture.directory, 'no-such-data'),
            benchDir: fixture.benchDir,
          }),
          roles,
          tokenSecret: SECRET,
          now: () => NOW,
          reportError: (error) => errors.push(error),
        }),
      );
      const response = await broken.request('/admin/api/fairness', {
        headers: { Authorization: `Bearer ${await adminToken()}` },
      });
      expect(response.status).toBe(503);
      const error = await errorOf(response);
      expect(error.code).toBe('UNAVAILABLE');
      expect(error.message).toMatch(/^The population fairness report could not be computed: .+no-such-data/);
      expect(errors).toHaveLength(1);
    });
  });

  describe('the page and its scripts', () => {
    it('serves the page without a token; it holds no data and allows scripts only from this server', async () => {
      const response = await get('/admin');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await response.text();
      expect(html).toContain('<script src="/admin/chart.umd.js" defer></script>');
      expect(html).toContain('<script type="module" src="/admin/dashboard.js"></script>');
      expect(html).not.toMatch(/disparate impact \d|"runs"|"operations"/i);
    });

    it('serves Chart.js from the installed package (no CDN) and the dashboard script, with ETags', async () => {
      const chart = await get('/admin/chart.umd.js');
      expect(chart.status).toBe(200);
      expect(chart.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
      const installed = await readFile(path.join('node_modules', 'chart.js', 'dist', 'chart.umd.js'), 'utf8');
      expect(await chart.text()).toBe(installed);
      const dashboard = await get('/admin/dashboard.js');
      expect(await dashboard.text()).toContain('Chart');
      const etag = dashboard.headers.get('etag') ?? '';
      const again = await app.request('/admin/dashboard.js', { headers: { 'If-None-Match': etag } });
      expect(again.status).toBe(304);
    });
  });
});
