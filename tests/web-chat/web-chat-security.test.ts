import { request as httpRequest } from 'node:http';
import { sign } from 'hono/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppConfig } from '../../bot/app-config.ts';
import {
  ConversationCore,
  createAnalyticsSource,
  FeedbackPreferences,
  RoleDirectory,
  TurnIdCodec,
} from '../../bot/core/index.ts';
import { runModeLine } from '../../bot/run-mode.ts';
import {
  createAdminRoutes,
  createWebChatApp,
  signCustomerToken,
  startWebServer,
  type WebChatDependencies,
  type WebChatReply,
} from '../../web-chat/index.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../support/advisor-fixture.ts';

const SECRET = 'security-test-secret-0123456789abcdef-xyz';
const BANK = 'https://bank.example';

function corsHeaders(response: Response): [string, string][] {
  const found: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (name.startsWith('access-control')) found.push([name, value]);
  });
  return found;
}

function replyOf(text: string): WebChatReply {
  const block = text.split('\n\n').find((part) => part.startsWith('event: reply'));
  const data = block ? /^data: (.*)$/m.exec(block)?.[1] : undefined;
  if (!data) throw new Error(`no reply event in ${text.slice(0, 200)}`);
  return JSON.parse(data) as WebChatReply;
}

describe('web chat hardening through app.request() and real HTTP (real advisor, SQLite audit)', () => {
  let fixture: AdvisorFixture;
  let preferences: FeedbackPreferences;
  let core: ConversationCore;
  const turnIds = new TurnIdCodec('security-test');

  beforeAll(async () => {
    fixture = await createAdvisorFixture(120);
    preferences = new FeedbackPreferences();
    const audit = preferences.observe(fixture.audit);
    const chain = fixture.chain({ feedback: (customer) => preferences.forCustomer(customer) });
    core = new ConversationCore({ chain, audit, turnIds });
  });
  afterAll(async () => {
    await fixture?.dispose();
  });

  const makeApp = (overrides: Partial<WebChatDependencies> = {}) =>
    createWebChatApp({ core, audit: fixture.audit, tokenSecret: SECRET, ...overrides });
  const tokenFor = (customerId: string) =>
    signCustomerToken({ customerId, secret: SECRET, nowMs: Date.now(), lifetimeSeconds: 600 });
  const post = (app: ReturnType<typeof makeApp>, path: string, token: string, body: unknown, headers = {}) =>
    app.request(path, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const rawToken = (claims: Record<string, unknown>) => {
    const iat = Math.floor(Date.now() / 1000);
    return sign({ sub: 'C-000007', iat, exp: iat + 600, ...claims }, SECRET, 'HS256');
  };

  it('production is the default once WEB_TOKEN_SECRET is set; the first line says which mode and why', () => {
    const production = loadAppConfig({ WEB_TOKEN_SECRET: SECRET });
    expect(production.web).toEqual({
      demo: false,
      tokenAudience: 'finadvisor-chat',
      tokenIssuer: undefined,
      allowedOrigins: [],
      trustProxy: 0,
    });
    expect(runModeLine(production)).toMatch(/^Mode: PRODUCTION \(WEB_TOKEN_SECRET is set\)/);
    expect(runModeLine(loadAppConfig({}))).toMatch(/^Mode: DEMO \(WEB_TOKEN_SECRET is unset/);
    expect(runModeLine(loadAppConfig({ WEB_TOKEN_SECRET: SECRET, DEMO: 'true' }))).toMatch(
      /^Mode: DEMO \(DEMO=true\)/,
    );
    expect(() => loadAppConfig({ WEB_ALLOWED_ORIGINS: 'https://bank.example/path' })).toThrow(
      /WEB_ALLOWED_ORIGINS/,
    );
    expect(() => loadAppConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
    expect(() => loadAppConfig({ DEMO: 'false' })).toThrow(/DEMO=false needs WEB_TOKEN_SECRET/);
    expect(
      loadAppConfig({ TRUST_PROXY: 'true', WEB_ALLOWED_ORIGINS: `${BANK}, http://localhost:8080` }).web,
    ).toMatchObject({
      trustProxy: 1,
      allowedOrigins: [BANK, 'http://localhost:8080'],
    });
  });

  it('without demo mode, / mints no token (404)', async () => {
    expect((await makeApp().request('/?customer=C-000002')).status).toBe(404);
  });

  it('checks aud exactly (string, or an array of only it) and iss when configured, naming the claim', async () => {
    const app = makeApp({ tokenIssuer: 'https://login.bank.example' });
    const ask = async (token: string) => post(app, '/api/chat', token, { message: 'hello' });
    for (const aud of [['x', 'finadvisor-chat'], ['x', 'finadvisor-admin'], 'finadvisor-admin', undefined]) {
      const response = await ask(await rawToken({ aud, iss: 'https://login.bank.example' }));
      expect(response.status, JSON.stringify(aud)).toBe(401);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
        'The sign-in token\'s "aud" claim must be exactly "finadvisor-chat".',
      );
    }
    const wrongIssuer = await ask(await rawToken({ aud: 'finadvisor-chat', iss: 'https://evil.example' }));
    expect(wrongIssuer.status).toBe(401);
    expect(await wrongIssuer.json()).toMatchObject({
      error: { message: 'The sign-in token\'s "iss" claim must be "https://login.bank.example".' },
    });
    const good = await ask(await rawToken({ aud: ['finadvisor-chat'], iss: 'https://login.bank.example' }));
    expect(good.status).toBe(200);
    await good.text();
  });

  it('415 for any Content-Type but JSON; 422 naming message for zero-width or control characters only', async () => {
    const app = makeApp();
    const token = await tokenFor('C-000007');
    const plain = await post(app, '/api/chat', token, '{"message":"hi"}', { 'Content-Type': 'text/plain' });
    expect(plain.status).toBe(415);
    expect(await plain.json()).toEqual({
      error: {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Content-Type must be application/json, got "text/plain".',
        field: '(content-type)',
      },
    });
    const invisible = await post(app, '/api/chat', token, {
      message: '\u200B\u200C\u200D\uFEFF \u0007\u2060',
    });
    expect(invisible.status).toBe(422);
    expect(await invisible.json()).toMatchObject({ error: { code: 'INVALID_INPUT', field: 'message' } });
  });

  it('SSE replies are Cache-Control: no-store and carry an opaque turn id, not the audit sequence number', async () => {
    const response = await post(makeApp(), '/api/chat', await tokenFor('C-000007'), {
      message: 'What would you recommend for me?',
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
    const reply = replyOf(await response.text());
    expect(reply).not.toHaveProperty('auditSeq');
    expect(reply.turnId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const head = await fixture.audit.head();
    expect(turnIds.decode(reply.turnId)).toBe(head?.seq);
  });

  it('5 identical votes move the ranking exactly as much as one and write one audit record', async () => {
    const app = makeApp();
    const token = await tokenFor('C-000011');
    const first = replyOf(
      await (await post(app, '/api/chat', token, { message: 'What would you recommend for me?' })).text(),
    );
    const product = first.products.at(-1)?.productId ?? '';
    const vote = { turnId: first.turnId, rating: null, productId: product, accepted: true };
    expect((await post(app, '/api/feedback', token, vote)).status).toBe(201);
    const afterOne = new Map(preferences.ownAdjustments('C-000011'));
    const rankedAfterOne = replyOf(
      await (await post(app, '/api/chat', token, { message: 'What would you recommend for me?' })).text(),
    );
    for (let repeat = 0; repeat < 4; repeat++)
      expect((await post(app, '/api/feedback', token, vote)).status).toBe(200);
    expect(new Map(preferences.ownAdjustments('C-000011'))).toEqual(afterOne);
    expect(afterOne.get(product)).toBe(0.5);
    const rankedAfterFive = replyOf(
      await (await post(app, '/api/chat', token, { message: 'What would you recommend for me?' })).text(),
    );
    expect(rankedAfterFive.products.map((item) => item.productId)).toEqual(
      rankedAfterOne.products.map((item) => item.productId),
    );
    const seq = turnIds.decode(first.turnId) ?? -1;
    expect(await fixture.audit.feedback({ turnSeq: seq })).toHaveLength(1);
  });

  it('CORS only for listed origins: preflight 204 with the allowed headers; others get 403 and no CORS headers', async () => {
    const app = makeApp({ allowedOrigins: [BANK] });
    const preflight = (origin: string, path = '/api/chat') =>
      app.request(path, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization,content-type',
        },
      });
    const allowed = await preflight(BANK);
    expect(allowed.status).toBe(204);
    expect(
      Object.fromEntries(corsHeaders(allowed).filter(([name]) => name.startsWith('access-control'))),
    ).toEqual({
      'access-control-allow-origin': BANK,
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'Authorization, Content-Type',
      'access-control-max-age': '600',
    });
    expect((await preflight(BANK, '/api/feedback')).status).toBe(204);
    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(403);
    expect(corsHeaders(refused)).toEqual([]);
    const widget = await app.request('/widget.js', { headers: { Origin: BANK } });
    expect(widget.headers.get('access-control-allow-origin')).toBe(BANK);
    const widgetElsewhere = await app.request('/widget.js', { headers: { Origin: 'https://evil.example' } });
    expect(widgetElsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('TRUST_PROXY=2 takes the second X-Forwarded-For entry from the right; spoofed entries further left do not count', async () => {
    const app = makeApp({ trustProxy: 2, limits: { addressRequestsPerWindow: 2 } });
    const env = { incoming: { socket: { remoteAddress: '10.0.0.1' } } };
    const statusFrom = async (forwardedFor: string) =>
      (
        await app.request(
          '/api/chat',
          {
            method: 'POST',
            headers: {
              Authorization: `Bearer ${await tokenFor('C-000020')}`,
              'Content-Type': 'application/json',
              'X-Forwarded-For': forwardedFor,
            },
            body: '{}',
          },
          env,
        )
      ).status;
    expect(await statusFrom('1.1.1.1, 203.0.113.9, 10.0.0.2')).toBe(422);
    expect(await statusFrom('2.2.2.2, 203.0.113.9, 10.0.0.2')).toBe(422);
    expect(await statusFrom('3.3.3.3, 203.0.113.9, 10.0.0.2')).toBe(429);
    expect(await statusFrom('3.3.3.3, 198.51.100.4, 10.0.0.2')).toBe(422);
  });

  it('rate-limits /admin/api/* per address, failed sign-ins included: the 61st forged request is a 429', async () => {
    const admin = createAdminRoutes({
      analytics: createAnalyticsSource({ audit: fixture.audit, dataDir: fixture.dataDir }),
      roles: new RoleDirectory({ users: [] }),
      tokenSecret: SECRET,
    });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 61; attempt++) {
      const response = await admin.request('/api/operations', {
        headers: { Authorization: 'Bearer forged.token.value' },
      });
      statuses.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 60).every((status) => status === 401)).toBe(true);
    expect(statuses[60]).toBe(429);
  });

  it('a 413 over real HTTP says Connection: close, and the server answers the next connection normally', async () => {
    const server = await startWebServer(makeApp({ limits: { maxBodyBytes: 1024 } }), 0);
    try {
      const token = await tokenFor('C-000007');
      const result = await new Promise<{ status: number; connection: string | undefined }>(
        (resolve, reject) => {
          const body = JSON.stringify({ message: 'x'.repeat(4000) });
          const request = httpRequest(
            `${server.url}/api/chat`,
            {
              method: 'POST',
              headers: {
                Authorization: `Bearer ${token}`,
                'Content-Type': 'application/json',
                'Content-Length': Buffer.byteLength(body),
              },
            },
            (response) => {
              response.resume();
              resolve({ status: response.statusCode ?? 0, connection: response.headers.connection });
            },
          );
          request.on('error', reject);
          request.end(body);
        },
      );
      expect(result).toEqual({ status: 413, connection: 'close' });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
