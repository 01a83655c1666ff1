import { sign } from 'hono/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConversationCore, CoreError, MAX_MESSAGE_CHARACTERS, TurnIdCodec } from '../../bot/core/index.ts';
import {
  createWebChatApp,
  signCustomerToken,
  verifyCustomerToken,
  type WebChatDependencies,
  type WebChatReply,
} from '../../web-chat/index.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../support/advisor-fixture.ts';
import { ENGLISH_TYPE_LABELS, GERMAN_TYPE_LABELS } from '../support/product-type-labels.ts';

const SECRET = 'test-secret-for-web-chat-0123456789abcdef';
const START = Date.UTC(2025, 0, 15, 10, 0, 0);
/** A known turn-id key, so the test can map a reply's opaque id back to its audit record. */
const TURN_IDS = new TurnIdCodec('web-chat-app-test');
const seqOf = (reply: WebChatReply): number => TURN_IDS.decode(reply.turnId) ?? -1;

interface SseEvent {
  event: string;
  data: unknown;
}

function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(block)?.[1];
      return { event, data: data === undefined ? null : JSON.parse(data) };
    });
}

async function replyOf(response: Response): Promise<WebChatReply> {
  const reply = parseSse(await response.text()).find((event) => event.event === 'reply');
  if (!reply) throw new Error(`no reply event (status ${response.status})`);
  return reply.data as WebChatReply;
}

describe('createWebChatApp through app.request() (real advisor: Chroma, LSA, chain, SQLite audit)', () => {
  let fixture: AdvisorFixture;
  let core: ConversationCore;
  let app: ReturnType<typeof createWebChatApp>;
  let nowMs = START;
  const now = () => nowMs;

  beforeAll(async () => {
    fixture = await createAdvisorFixture(120);
    core = new ConversationCore({ chain: fixture.chain(), audit: fixture.audit, turnIds: TURN_IDS });
    app = makeApp();
  });
  afterAll(async () => {
    await fixture?.dispose();
  });

  const makeApp = (overrides: Partial<WebChatDependencies> = {}) =>
    createWebChatApp({ core, audit: fixture.audit, tokenSecret: SECRET, now, ...overrides });
  const tokenFor = (customerId: string, lifetimeSeconds = 600, secret = SECRET) =>
    signCustomerToken({ customerId, secret, nowMs, lifetimeSeconds });
  const post = (path: string, token: string | null, body: unknown, env?: object) =>
    makeRequest(path, token, typeof body === 'string' ? body : JSON.stringify(body), env);
  function makeRequest(path: string, token: string | null, body: string, env?: object, target = app) {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    return target.request(path, { method: 'POST', headers, body }, env);
  }
  const auditHead = async () => (await fixture.audit.head())?.seq ?? 0;

  it('streams a reply as SSE: tokens that add up to the text, then the reply, then done; the turn is audited', async () => {
    const response = await post('/api/chat', await tokenFor('C-000007'), {
      message: 'What would you recommend for me?',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = parseSse(await response.text());
    const tokens = events.filter((event) => event.event === 'token');
    expect(tokens.length).toBeGreaterThan(5);
    expect(events.map((event) => event.event).slice(-2)).toEqual(['reply', 'done']);
    const reply = events.find((event) => event.event === 'reply')?.data as WebChatReply;
    expect(tokens.map((event) => (event.data as { text: string }).text).join('')).toBe(reply.text);
    expect(reply).toMatchObject({
      customerId: 'C-000007',
      intent: 'recommendation',
      validator: { ok: true },
      bias: { flagged: false },
      provider: { name: 'grounded' },
    });
    expect(reply.products.length).toBeGreaterThan(0);
    expect(reply.products[0]?.reasons.length).toBeGreaterThan(0);
    const [turn] = (await fixture.audit.turns({ customerId: 'C-000007' })).filter(
      (candidate) => candidate.seq === seqOf(reply),
    );
    expect(turn).toMatchObject({
      channel: 'web',
      actor: { id: 'C-000007', role: 'customer' },
      threadId: `web:C-000007:${reply.threadId}`,
      question: 'What would you recommend for me?',
      reply: reply.text,
    });
  });

  it('names product types in the reply language: a German question gets German labels on its cards', async () => {
    const token = await tokenFor('C-000007');
    const german = await replyOf(
      await post('/api/chat', token, { message: 'Was würden Sie mir empfehlen?' }),
    );
    const english = await replyOf(
      await post('/api/chat', token, { message: 'What would you recommend for me?' }),
    );
    expect(german.intent).toBe('recommendation');
    expect(german.products.length).toBeGreaterThan(0);
    expect(german.products.map((product) => product.typeLabel)).toEqual(
      german.products.map((product) => GERMAN_TYPE_LABELS[product.type]),
    );
    expect(english.products.map((product) => product.typeLabel)).toEqual(
      english.products.map((product) => ENGLISH_TYPE_LABELS[product.type]),
    );
  });

  it('keeps a thread: a follow-up with the returned threadId continues it', async () => {
    const token = await tokenFor('C-000011');
    const first = await post('/api/chat', token, { message: 'hello' });
    const { threadId } = await replyOf(first);
    const second = await post('/api/chat', token, { message: 'Which products suit me?', threadId });
    const reply = await replyOf(second);
    expect(reply.threadId).toBe(threadId);
    expect(reply.customerId).toBe('C-000011');
  });

  it.each([
    ['no token', async () => null, /Sign-in required/],
    [
      'an expired token',
      async () =>
        signCustomerToken({
          customerId: 'C-000007',
          secret: SECRET,
          nowMs: nowMs - 601_000,
          lifetimeSeconds: 600,
        }),
      /expired/,
    ],
    [
      'a token signed with another secret',
      async () => tokenFor('C-000007', 600, `${SECRET}-other`),
      /invalid/,
    ],
    [
      'an alg "none" token',
      async () => unsignedToken({ sub: 'C-000007', iat: nowSeconds(), exp: nowSeconds() + 60 }),
      /invalid/,
    ],
    [
      'an HS512 token',
      async () => sign({ sub: 'C-000007', iat: nowSeconds(), exp: nowSeconds() + 60 }, SECRET, 'HS512'),
      /invalid/,
    ],
    ['a token living longer than an hour', async () => tokenFor('C-000007', 3601), /longer than 60 minutes/],
    ['a token whose subject is not a customer id', async () => tokenFor('admin'), /claims: sub/],
    [
      'an admin token whose subject looks like a customer id',
      async () =>
        sign(
          { sub: 'C-000007', aud: 'finadvisor-admin', iat: nowSeconds(), exp: nowSeconds() + 60 },
          SECRET,
          'HS256',
        ),
      /"aud" claim must be exactly "finadvisor-chat"/,
    ],
  ])('401 with %s, before the core runs', async (_label, makeToken, message) => {
    const before = await auditHead();
    const token = await makeToken();
    const response = await post('/api/chat', token, { message: 'What would you recommend?' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('UNAUTHENTICATED');
    expect(body.error.message).toMatch(message);
    expect(await auditHead()).toBe(before);
  });

  it('403 when a customer asks about another customer (the core refuses and audits the attempt)', async () => {
    const response = await post('/api/chat', await tokenFor('C-000007'), {
      message: 'What would you recommend for C-000008?',
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: {
        code: 'NOT_AUTHORISED',
        message: 'You are not allowed to ask about customer C-000008. You can ask about your own accounts.',
      },
    });
    const refused = await fixture.audit.turns({ customerId: 'C-000008' });
    expect(refused.at(-1)).toMatchObject({ channel: 'web', actor: { id: 'C-000007' } });
  });

  it('404 for a customer the bank does not have', async () => {
    const response = await post('/api/chat', await tokenFor('C-999999'), {
      message: 'What would you recommend?',
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('413 for a body over the limit, before the core runs', async () => {
    const before = await auditHead();
    const response = await post('/api/chat', await tokenFor('C-000007'), { message: 'x'.repeat(9000) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await auditHead()).toBe(before);
  });

  it.each([
    ['bad JSON', '{"message": ', '(body)'],
    ['a missing message', {}, 'message'],
    ['a blank message', { message: '   ' }, 'message'],
    ['a message over the limit', { message: 'y'.repeat(MAX_MESSAGE_CHARACTERS + 1) }, 'message'],
    ['a malformed threadId', { message: 'hi', threadId: '../other' }, 'threadId'],
    ['an unknown field', { message: 'hi', customerId: 'C-000008' }, 'customerId'],
  ])('422 for %s, naming the field, before the core runs', async (_label, body, field) => {
    const before = await auditHead();
    const response = await post('/api/chat', await tokenFor('C-000007'), body);
    expect(response.status).toBe(422);
    const payload = (await response.json()) as { error: { code: string; field: string; message: string } };
    expect(payload.error).toMatchObject({ code: 'INVALID_INPUT', field });
    expect(await auditHead()).toBe(before);
  });

  it('429 with Retry-After once a customer exceeds their limit; the window reopens on the injected clock', async () => {
    nowMs = START;
    const limited = makeApp({ limits: { customerRequestsPerWindow: 2, windowMs: 60_000 } });
    const token = await tokenFor('C-000020');
    const ask = () =>
      makeRequest('/api/chat', token, JSON.stringify({ message: 'hello' }), undefined, limited);
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(200);
    const refused = await ask();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(((await refused.json()) as { error: { retryAfterSeconds: number } }).error.retryAfterSeconds).toBe(
      60,
    );
    nowMs = START + 45_000;
    expect((await ask()).headers.get('retry-after')).toBe('15');
    const other = await signCustomerToken({
      customerId: 'C-000021',
      secret: SECRET,
      nowMs,
      lifetimeSeconds: 600,
    });
    expect((await makeRequest('/api/chat', other, '{"message":"hello"}', undefined, limited)).status).toBe(
      200,
    );
    nowMs = START + 60_000;
    expect((await ask()).status).toBe(200);
    nowMs = START;
  });

  it('limits per client address across customers, ignoring X-Forwarded-For unless a trusted proxy is configured', async () => {
    const limits = { addressRequestsPerWindow: 3, customerRequestsPerWindow: 100 };
    const direct = makeApp({ limits });
    const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
    // Empty bodies are refused with 422 after the limits, so these requests never reach the core.
    const statusFor = async (target: typeof direct, customer: string, env: object, forwardedFor: string) => {
      const token = await tokenFor(customer);
      const headers = {
        Authorization: `Bearer ${token}`,
        'X-Forwarded-For': forwardedFor,
        'Content-Type': 'application/json',
      };
      return (await target.request('/api/chat', { method: 'POST', headers, body: '{}' }, env)).status;
    };
    const statuses = [];
    for (const [index, customer] of ['C-000030', 'C-000031', 'C-000032', 'C-000033'].entries()) {
      statuses.push(await statusFor(direct, customer, from('203.0.113.7'), `10.0.0.${index}`));
    }
    expect(statuses).toEqual([422, 422, 422, 429]);
    expect(await statusFor(direct, 'C-000034', from('198.51.100.2'), '10.0.0.9')).toBe(422);

    const proxied = makeApp({ limits, trustProxy: true });
    const proxy = from('10.1.1.1');
    const viaProxy = [];
    for (const customer of ['C-000040', 'C-000041', 'C-000042', 'C-000043']) {
      viaProxy.push(await statusFor(proxied, customer, proxy, `spoofed-${customer}, 192.0.2.50`));
    }
    expect(viaProxy).toEqual([422, 422, 422, 429]);
    expect(await statusFor(proxied, 'C-000044', proxy, '192.0.2.51')).toBe(422);
  });

  it('records feedback on the customer’s own turn (201), refuses another’s (403) and unknown turns (404)', async () => {
    const token = await tokenFor('C-000007');
    const chat = await post('/api/chat', token, { message: 'What would you recommend for me?' });
    const reply = await replyOf(chat);
    const product = reply.products[0]?.productId;

    const rated = await post('/api/feedback', token, { turnId: reply.turnId, rating: 'up' });
    expect(rated.status).toBe(201);
    expect(await rated.json()).toEqual({ recorded: true, repeated: false, choice: 'up' });
    const interest = { turnId: reply.turnId, rating: null, productId: product, accepted: true };
    const interested = await post('/api/feedback', token, interest);
    expect([interested.status, await interested.json()]).toEqual([
      201,
      { recorded: true, repeated: false, choice: 'interested' },
    ]);
    // A button acts once: the same choice again is answered 200 with the choice, and nothing is written.
    const again = await post('/api/feedback', token, interest);
    expect([again.status, await again.json()]).toEqual([
      200,
      { recorded: false, repeated: true, choice: 'interested' },
    ]);
    const both = await post('/api/feedback', token, { ...interest, rating: 'up' });
    expect(both.status).toBe(422);
    expect(JSON.stringify(await both.json())).toMatch(
      /either a rating of the reply .* or interest in one product/,
    );
    const stored = await fixture.audit.feedback({ turnSeq: seqOf(reply) });
    const feedbackSeq = stored[0]?.seq ?? -1;
    expect(
      stored.map(({ seq, rating, productId, accepted, channel, actor }) => ({
        seq,
        rating,
        productId,
        accepted,
        channel,
        actor,
      })),
    ).toEqual([
      {
        seq: feedbackSeq,
        rating: 'up',
        productId: null,
        accepted: null,
        channel: 'web',
        actor: { id: 'C-000007', role: 'customer' },
      },
      {
        seq: feedbackSeq + 1,
        rating: null,
        productId: product,
        accepted: true,
        channel: 'web',
        actor: { id: 'C-000007', role: 'customer' },
      },
    ]);

    const notRecommended = await post('/api/feedback', token, { ...interest, productId: 'P-NOT-OFFERED' });
    expect(notRecommended.status).toBe(422);
    const someoneElse = await post('/api/feedback', await tokenFor('C-000008'), {
      turnId: reply.turnId,
      rating: 'down',
    });
    expect(someoneElse.status).toBe(403);
    const unknownId = TURN_IDS.encode((await auditHead()) + 100);
    const unknown = await post('/api/feedback', token, { turnId: unknownId, rating: 'up' });
    expect(unknown.status).toBe(404);
    const madeUp = await post('/api/feedback', token, { turnId: 'AAAAAAAAAAAAAAAAAAAAAA', rating: 'up' });
    expect(madeUp.status).toBe(404);
    expect((await post('/api/feedback', token, { turnId: 'one two', rating: 'up' })).status).toBe(422);
    expect((await post('/api/feedback', null, { turnId: reply.turnId, rating: 'up' })).status).toBe(401);
    expect(await fixture.audit.feedback({ turnSeq: seqOf(reply) })).toHaveLength(2);
  });

  it('answers health checks and serves the widget script with cache headers', async () => {
    expect(await (await app.request('/healthz')).json()).toEqual({ ok: true });
    const widget = await app.request('/widget.js');
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(widget.headers.get('cache-control')).toMatch(/max-age=\d+/);
    // The widget file wrapped with its UI texts in English, German and Spanish.
    const body = await widget.text();
    expect(body).toMatch(/^\(\(\) => \{\nconst WIDGET_UI_TEXTS = \{"en":\{/);
    expect(body).toContain('"de":{');
    expect(body).toContain('// @ts-check');
    const etag = widget.headers.get('etag') ?? '';
    expect((await app.request('/widget.js', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    // markdown-it's own browser build, wrapped so it claims no page global but the widget's.
    const markdown = await app.request('/widget-markdown.js');
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(await markdown.text()).toMatch(/window\.fadvMarkdownIt = module\.exports;/);
  });

  it('serves a demo host page with one widget script tag and a 15-minute token that verifies', async () => {
    const demo = makeApp({ demo: { enabled: true } });
    const page = await (await demo.request('/?customer=C-000042')).text();
    expect(page).toContain('Northwind Bank');
    const scripts = page.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^<script src="\/widget\.js" data-token="[^"]+" data-endpoint="" async>$/);
    const token = /data-token="([^"]+)"/.exec(page)?.[1] ?? '';
    expect(await verifyCustomerToken(token, SECRET, nowMs)).toBe('C-000042');
    await expect(verifyCustomerToken(token, SECRET, nowMs + 15 * 60_000)).rejects.toThrow(/expired/);
    const defaultPage = await (await demo.request('/')).text();
    const defaultToken = /data-token="([^"]+)"/.exec(defaultPage)?.[1] ?? '';
    expect(await verifyCustomerToken(defaultToken, SECRET, nowMs)).toBe('C-000001');
    expect((await demo.request('/?customer=C-1%22%3E')).status).toBe(422);
    expect((await app.request('/')).status).toBe(404);
  });

  it('turns an unexpected error into a bare 500, and a failure after the first token into an error event', async () => {
    const reportError = vi.fn();
    const broken = makeApp({
      core: {
        handle: () => Promise.reject(new Error('SQLITE_CORRUPT at /var/lib/advisor/audit.sqlite')),
        recordFeedback: () => Promise.reject(new Error('not used by this test')),
      },
      reportError,
    });
    const token = await tokenFor('C-000007');
    const response = await makeRequest('/api/chat', token, '{"message":"hi"}', undefined, broken);
    expect(response.status).toBe(500);
    const body = JSON.stringify(await response.json());
    expect(body).toContain('INTERNAL');
    expect(body).not.toMatch(/SQLITE|\/var\//);
    expect(reportError).toHaveBeenCalledOnce();

    const midway = makeApp({
      core: {
        recordFeedback: () => Promise.reject(new Error('not used by this test')),
        handle: async (_message, options) => {
          options?.onToken?.('Hello ');
          throw new CoreError('UNAVAILABLE', 'model host 10.0.0.5 refused the connection');
        },
      },
    });
    const streamed = await makeRequest('/api/chat', token, '{"message":"hi"}', undefined, midway);
    expect(streamed.status).toBe(200);
    const events = parseSse(await streamed.text());
    expect(events.map((event) => event.event)).toEqual(['token', 'error']);
    expect(events[1]?.data).toEqual({
      code: 'UNAVAILABLE',
      message: 'The assistant is unavailable right now; please try again later.',
    });
  });

  it('aborts the core call when the client disconnects', async () => {
    let seen: AbortSignal | undefined;
    let entered = () => {};
    const called = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const reportError = vi.fn();
    const gated = makeApp({
      reportError,
      core: {
        recordFeedback: () => Promise.reject(new Error('not used by this test')),
        handle: async (message, options) => {
          seen = options?.signal;
          entered();
          await gate;
          return await core.handle(message, options);
        },
      },
    });
    const client = new AbortController();
    const headers = {
      Authorization: `Bearer ${await tokenFor('C-000007')}`,
      'Content-Type': 'application/json',
    };
    const pending = gated.request('/api/chat', {
      method: 'POST',
      headers,
      body: '{"message":"What would you recommend?"}',
      signal: client.signal,
    });
    await called;
    expect(seen?.aborted).toBe(false);
    client.abort();
    expect(seen?.aborted).toBe(true);
    release();
    await Promise.resolve(pending).catch(() => undefined);
    expect(reportError).not.toHaveBeenCalled();
  });

  it('leaves routes other channels mount under /api (Teams’ /api/messages) to them: no customer token needed', async () => {
    const shared = makeApp({ limits: { addressRequestsPerWindow: 1 } });
    shared.post('/api/messages', (context) => context.json({ handledBy: 'teams' }));
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await shared.request('/api/messages', { method: 'POST', body: '{}' });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ handledBy: 'teams' });
    }
    expect((await shared.request('/api/chat', { method: 'POST', body: '{}' })).status).toBe(401);
  });

  it('answers CORS preflights only for configured host origins', async () => {
    const preflight = {
      method: 'OPTIONS',
      headers: { Origin: 'https://bank.example', 'Access-Control-Request-Method': 'POST' },
    };
    const open = makeApp({ allowedOrigins: ['https://bank.example'] });
    const allowed = await open.request('/api/chat', preflight);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://bank.example');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect((await app.request('/api/chat', preflight)).headers.get('access-control-allow-origin')).toBeNull();
  });

  function nowSeconds(): number {
    return Math.floor(nowMs / 1000);
  }
});

function unsignedToken(payload: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}
