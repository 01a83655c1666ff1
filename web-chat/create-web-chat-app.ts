import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { BlankEnv } from 'hono/types';
import type { AuditStore } from '../bot/audit/index.ts';
import type { ConversationCore } from '../bot/core/index.ts';
import { CUSTOMER_ID } from '../knowledge/schemas.ts';
import { streamChatReply } from './chat-reply-stream.ts';
import { clientAddress, type TrustProxy } from './client-address.ts';
import {
  bearerToken,
  CUSTOMER_TOKEN_AUDIENCE,
  MIN_TOKEN_SECRET_LENGTH,
  signCustomerToken,
  verifyCustomerToken,
} from './customer-token.ts';
import { DEMO_PAGE_LANGUAGE, DEMO_TOKEN_LIFETIME_SECONDS, renderDemoPage } from './demo-page.ts';
import { FixedWindowRateLimiter } from './fixed-window-rate-limiter.ts';
import { HANDOFF_ROUTE, mountHandoffRoute, type WebHandoffs, withHandoffOpening } from './handoff-routes.ts';
import { hostOriginCors } from './host-origin-cors.ts';
import { checkReadiness, type ReadinessSources } from './readiness.ts';
import { recordFeedback } from './record-feedback.ts';
import { errorBody, toWebChatError, WebChatError } from './web-chat-error.ts';
import { resolveWebChatLimits, type WebChatLimits } from './web-chat-limits.ts';
import { ChatRequest, FeedbackRequest, HistoryQuery, readJsonBody, readQuery } from './web-chat-requests.ts';
import { loadMarkdownAsset, loadWidgetAsset, type WidgetAsset } from './widget-asset.ts';

const API_ROUTES = ['/api/chat', '/api/feedback'] as const;
const SCRIPT_ROUTES = ['/widget.js', '/widget-markdown.js'] as const;
const HISTORY_ROUTE = '/api/history';
/** The marker @hono/node-server's RESPONSE_ALREADY_SENT carries. */
const ALREADY_SENT_HEADER = 'x-hono-already-sent';

/**
 * The app's Hono environment. It has none of its own (the app is a plain `Hono`); the name lets code that mounts
 * more routes on it (Slack, Teams) say what it expects without depending on that.
 */
export type WebChatEnv = BlankEnv;

/** Everything the web chat needs, injected so tests run the real app without a port. */
export interface WebChatDependencies {
  /** `customerHistory`/`clearCustomerHistory` serve `/api/history`; a core without them has no such route. */
  core: Pick<ConversationCore, 'handle' | 'recordFeedback'> &
    Partial<Pick<ConversationCore, 'customerHistory' | 'clearCustomerHistory'>>;
  audit: AuditStore;
  /** HS256 secret shared with the host bank, which signs customer tokens on its own server. */
  tokenSecret: string;
  /** The `aud` customer tokens must carry exactly (`WEB_TOKEN_AUDIENCE`, default `finadvisor-chat`). */
  tokenAudience?: string;
  /** The `iss` customer tokens must carry, when the bank names one (`WEB_TOKEN_ISSUER`). */
  tokenIssuer?: string | undefined;
  /** Milliseconds since the epoch; drives token expiry and rate-limit windows. */
  now?: () => number;
  limits?: Partial<WebChatLimits>;
  /** Serves a demo host page at `/` that mints its own tokens; never enable in production. */
  demo?: { enabled: boolean };
  /** Behind reverse proxies (`TRUST_PROXY`): take the client address from `X-Forwarded-For` (see clientAddress). */
  trustProxy?: TrustProxy;
  /** Host-page origins (`WEB_ALLOWED_ORIGINS`) allowed to call the API cross-origin; empty (default) = same origin only. */
  allowedOrigins?: readonly string[];
  /** Where unexpected errors go; the client only ever sees a generic 500. */
  reportError?: (error: unknown) => void;
  /** What `/readyz` checks (Chroma, audit writability, the writer); unset = `/readyz` reports ready. */
  readiness?: ReadinessSources;
  /** The advisor handoff desk: opens handoffs on flagged turns and serves `GET /api/handoff`; unset = no handoffs. */
  handoffs?: WebHandoffs;
}

/** Builds the web chat HTTP app: chat (SSE), feedback, health, the widget script and the optional demo page. */
export function createWebChatApp(dependencies: WebChatDependencies): Hono {
  const { core, tokenSecret } = dependencies;
  if (tokenSecret.length < MIN_TOKEN_SECRET_LENGTH) {
    throw new RangeError(`the web chat token secret must be at least ${MIN_TOKEN_SECRET_LENGTH} characters`);
  }
  const now = dependencies.now ?? Date.now;
  const limits = resolveWebChatLimits(dependencies.limits);
  const reportError = dependencies.reportError ?? ((error: unknown) => console.error('web chat:', error));
  const trustProxy = dependencies.trustProxy ?? false;
  const tokenAudience = {
    audience: dependencies.tokenAudience ?? CUSTOMER_TOKEN_AUDIENCE,
    issuer: dependencies.tokenIssuer,
  };
  const rateWindow = { windowMs: limits.windowMs, now };
  const addressLimiter = new FixedWindowRateLimiter({
    limit: limits.addressRequestsPerWindow,
    ...rateWindow,
  });
  const customerLimiter = new FixedWindowRateLimiter({
    limit: limits.customerRequestsPerWindow,
    ...rateWindow,
  });
  const widget = loadWidgetAsset();
  const markdown = loadMarkdownAsset();

  // Who each request was authenticated as; keyed by context so the app stays a plain `Hono` (no Env generics).
  const authenticated = new WeakMap<Context, string>();
  const customerOf = (context: Context): string => {
    const customerId = authenticated.get(context);
    if (customerId === undefined) throw new Error(`${context.req.path} is served without authentication`);
    return customerId;
  };

  const app = new Hono();

  app.onError((error, context) => {
    const failure = toWebChatError(error);
    if (failure.code === 'INTERNAL') reportError(error);
    if (failure.details.retryAfterSeconds !== undefined) {
      context.header('Retry-After', String(failure.details.retryAfterSeconds));
    }
    if (failure.code === 'UNAUTHENTICATED') {
      context.header('WWW-Authenticate', 'Bearer realm="web-chat", error="invalid_token"');
    }
    // The unread rest of an oversized body makes the connection unusable: say so rather than let the next request fail.
    if (failure.code === 'PAYLOAD_TOO_LARGE') context.header('Connection', 'close');
    return context.json(errorBody(failure), failure.status);
  });
  app.notFound((context) =>
    context.json(
      errorBody(new WebChatError('NOT_FOUND', `No route ${context.req.method} ${context.req.path}.`)),
      404,
    ),
  );
  app.use(async (context, next) => {
    await next();
    // Routes that answer on the raw Node response (Slack's receiver) have already sent their headers: touching
    // the response here would make @hono/node-server write them again (ERR_HTTP_HEADERS_SENT in the log).
    if (context.res.headers.has(ALREADY_SENT_HEADER)) return;
    context.header('X-Content-Type-Options', 'nosniff');
  });
  // Mounted first so a preflight is answered before anything else looks at the request.
  const allowHosts = hostOriginCors(dependencies.allowedOrigins ?? [], ['GET', 'POST']);
  for (const route of [...API_ROUTES, ...SCRIPT_ROUTES]) app.use(route, allowHosts);
  app.use(HISTORY_ROUTE, hostOriginCors(dependencies.allowedOrigins ?? [], ['GET', 'DELETE']));
  app.use(HANDOFF_ROUTE, hostOriginCors(dependencies.allowedOrigins ?? [], ['GET']));

  // Liveness: the process answers HTTP. Cheap on purpose; what the process depends on is `/readyz`'s job.
  app.get('/healthz', (context) => context.json({ ok: true }));
  // Readiness for a load balancer: 503 naming what is down, so traffic goes elsewhere until it is back.
  app.get('/readyz', async (context) => {
    const report = await checkReadiness(dependencies.readiness ?? {});
    context.header('Cache-Control', 'no-store');
    return context.json(report, report.ready ? 200 : 503);
  });

  const serveScript = (asset: Promise<WidgetAsset>) => async (context: Context) => {
    const { body, etag } = await asset;
    const headers = { ETag: etag, 'Cache-Control': 'public, max-age=300, must-revalidate' };
    if (context.req.header('if-none-match') === etag) return context.body(null, 304, headers);
    return context.body(body, 200, { ...headers, 'Content-Type': 'application/javascript; charset=utf-8' });
  };
  app.get('/widget.js', serveScript(widget));
  // The widget's Markdown renderer, loaded by the widget itself (see loadMarkdownAsset).
  app.get('/widget-markdown.js', serveScript(markdown));

  // Middleware is attached per route, not to `/api/*`: other channels mounted on this app (Teams at
  // `/api/messages`) must not meet customer-token auth or the per-address limit.
  // Per-address before the token, so requests with bad tokens count too (token guessing is throttled).
  const guard = (route: string) =>
    createMiddleware(async (context, next) => {
      throwIfLimited(addressLimiter, clientAddress(context, trustProxy), 'from your network address');
      const token = bearerToken(context.req.header('authorization'));
      const customerId = await verifyCustomerToken(token, tokenSecret, now(), tokenAudience);
      throwIfLimited(customerLimiter, `${route}:${customerId}`, 'for your account');
      authenticated.set(context, customerId);
      await next();
    });
  const limitBody = bodyLimit({
    maxSize: limits.maxBodyBytes,
    onError: () => {
      throw new WebChatError(
        'PAYLOAD_TOO_LARGE',
        `The request body is larger than ${limits.maxBodyBytes} bytes.`,
      );
    },
  });

  const chatCore = dependencies.handoffs
    ? withHandoffOpening(core, dependencies.handoffs, reportError)
    : core;
  app.post('/api/chat', guard('chat'), limitBody, async (context) => {
    const request = await readJsonBody(context, ChatRequest);
    const customerId = customerOf(context);
    const threadId = request.threadId ?? randomUUID();
    return await streamChatReply(context, {
      core: chatCore,
      // Namespaced by customer so a guessed thread id never reaches another customer's conversation memory.
      inbound: {
        actor: { channel: 'web', userId: customerId, role: 'customer', customerId },
        threadId: `web:${customerId}:${threadId}`,
        text: request.message,
      },
      threadId,
      reportError,
    });
  });

  app.post('/api/feedback', guard('feedback'), limitBody, async (context) => {
    const request = await readJsonBody(context, FeedbackRequest);
    const answer = await recordFeedback(core, customerOf(context), request);
    return context.json(answer, answer.recorded ? 201 : 200);
  });

  const { customerHistory, clearCustomerHistory } = core;
  if (customerHistory && clearCustomerHistory) {
    const customerActor = (context: Context) => {
      const customerId = customerOf(context);
      return { channel: 'web', userId: customerId, role: 'customer', customerId } as const;
    };
    // The token's customer's own web conversation, newest last; the customer can never name another customer.
    app.get(HISTORY_ROUTE, guard('history'), async (context) => {
      const query = readQuery(context, HistoryQuery);
      const turns = await customerHistory.call(core, customerActor(context), query.limit, query.lang);
      context.header('Cache-Control', 'no-store');
      return context.json({ turns });
    });
    // "Delete my conversation": the customer's view starts afresh; the audit log keeps every record.
    app.delete(HISTORY_ROUTE, guard('history'), async (context) => {
      const { clearedAt } = await clearCustomerHistory.call(core, customerActor(context));
      context.header('Cache-Control', 'no-store');
      return context.json({ cleared: true, clearedAt });
    });
  }

  if (dependencies.handoffs) mountHandoffRoute(app, guard('handoff'), customerOf, dependencies.handoffs);

  if (dependencies.demo?.enabled) {
    app.get('/', async (context) => {
      const customerId = context.req.query('customer') ?? 'C-000001';
      if (!CUSTOMER_ID.test(customerId)) {
        throw new WebChatError('INVALID_INPUT', 'customer: expected a customer id like C-000123.', {
          field: 'customer',
        });
      }
      const lang = context.req.query('lang') ?? 'en';
      if (!DEMO_PAGE_LANGUAGE.test(lang)) {
        throw new WebChatError('INVALID_INPUT', 'lang: expected a language tag like de or es-MX.', {
          field: 'lang',
        });
      }
      // Demo only: a real bank signs this token on its own server, after its own login, with the shared secret.
      const token = await signCustomerToken({
        customerId,
        secret: tokenSecret,
        nowMs: now(),
        lifetimeSeconds: DEMO_TOKEN_LIFETIME_SECONDS,
        ...tokenAudience,
      });
      context.header('Cache-Control', 'no-store');
      context.header(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
      );
      return context.html(renderDemoPage({ token, customerId, lang }));
    });
  }

  return app;
}

function throwIfLimited(limiter: FixedWindowRateLimiter, key: string, scope: string): void {
  const decision = limiter.take(key);
  if (decision.allowed) return;
  throw new WebChatError(
    'RATE_LIMITED',
    `Too many requests ${scope}; try again in ${decision.retryAfterSeconds} s.`,
    { retryAfterSeconds: decision.retryAfterSeconds },
  );
}
