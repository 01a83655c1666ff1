import { type Context, Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { type AnalyticsSource, mayRunAdminCommands, type RoleDirectory } from '../../bot/core/index.ts';
import { FOUR_FIFTHS_BAND } from '../../chains/eval/fairness/index.ts';
import { understandingSummaryLine } from '../../chains/eval/understanding/index.ts';
import { clientAddress, type TrustProxy } from '../client-address.ts';
import { bearerToken, MIN_TOKEN_SECRET_LENGTH } from '../customer-token.ts';
import { FixedWindowRateLimiter } from '../fixed-window-rate-limiter.ts';
import { errorBody, toWebChatError, WebChatError } from '../web-chat-error.ts';
import { loadScriptAsset, type WidgetAsset } from '../widget-asset.ts';
import { ADMIN_PAGE_SECURITY_POLICY, renderAdminPage } from './admin-page.ts';
import type {
  BenchRunsResponse,
  LoggedFairnessResponse,
  OperationsResponse,
  PopulationFairnessResponse,
} from './admin-responses.ts';
import { verifyAdminToken } from './admin-token.ts';
import { chartScriptFile, DASHBOARD_MODULES, dashboardModuleFile } from './dashboard-assets.ts';

/** Saved bench runs the dashboard asks for when it names no limit. */
export const DEFAULT_BENCH_RUNS = 20;
/** The most saved runs one request may ask for. */
export const MAX_BENCH_RUNS = 100;

const BenchLimit = z
  .string()
  .regex(/^[0-9]+$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(MAX_BENCH_RUNS));

/** Admin API requests one client address may make per minute, failed sign-ins included (token guessing). */
export const ADMIN_REQUESTS_PER_MINUTE = 60;

/** What the admin routes need, injected so tests run them without a port. */
export interface AdminRoutesDependencies {
  analytics: AnalyticsSource;
  /** Who is an admin: entries with channel `web` and role `admin`. */
  roles: Pick<RoleDirectory, 'find'>;
  /** The web token secret; admin tokens are HS256 JWTs signed with it (see signAdminToken). */
  tokenSecret: string;
  /** The `iss` admin tokens must carry, when the bank names one (`WEB_TOKEN_ISSUER`). */
  tokenIssuer?: string | undefined;
  /** Milliseconds since the epoch; drives token expiry and the rate-limit window. */
  now?: () => number;
  /** Behind reverse proxies (`TRUST_PROXY`): which `X-Forwarded-For` entry is the client (see clientAddress). */
  trustProxy?: TrustProxy;
  /** Admin API requests per address per minute (default ADMIN_REQUESTS_PER_MINUTE). */
  requestsPerMinute?: number;
  /** Demo mode only: this web user id is an admin without a roles entry (the link `npm start` prints). */
  demoAdminId?: string;
  /** Where failed computations and unexpected errors go. */
  reportError?: (error: unknown) => void;
}

/**
 * The admin dashboard, mounted at `/admin`: the page (public, holds no data), its scripts (Chart.js served from
 * the installed package, so it works offline), and the JSON APIs behind an admin token — the same analytics
 * `/bias` and `/bench` show in Slack and Teams.
 * @example app.route('/admin', createAdminRoutes({ analytics, roles, tokenSecret }));
 */
export function createAdminRoutes(dependencies: AdminRoutesDependencies): Hono {
  const { analytics, roles, tokenSecret, demoAdminId } = dependencies;
  if (tokenSecret.length < MIN_TOKEN_SECRET_LENGTH) {
    throw new RangeError(`the web token secret must be at least ${MIN_TOKEN_SECRET_LENGTH} characters`);
  }
  const now = dependencies.now ?? Date.now;
  const addressLimiter = new FixedWindowRateLimiter({
    limit: dependencies.requestsPerMinute ?? ADMIN_REQUESTS_PER_MINUTE,
    windowMs: 60_000,
    now,
  });
  const reportError = dependencies.reportError ?? ((error: unknown) => console.error('admin:', error));
  const chartScript = chartScriptFile().then((file) => loadScriptAsset(file));
  chartScript.catch(() => {});

  const isAdmin = (userId: string): boolean => {
    if (demoAdminId !== undefined && userId === demoAdminId) return true;
    const actor = roles.find('web', userId);
    return actor !== undefined && mayRunAdminCommands(actor);
  };

  // A failed computation (no dataset, a malformed saved run) is said in words on its panel, never charted.
  const computed = async <T>(what: string, compute: () => Promise<T>): Promise<T> => {
    try {
      return await compute();
    } catch (error) {
      reportError(error);
      const reason = withoutServerPaths(error instanceof Error ? error.message : String(error));
      throw new WebChatError('UNAVAILABLE', `${what} could not be computed: ${reason}`, { cause: error });
    }
  };

  const admin = new Hono();
  admin.onError((error, context) => {
    const failure = toWebChatError(error);
    if (failure.code === 'INTERNAL') reportError(error);
    if (failure.code === 'UNAUTHENTICATED') {
      context.header('WWW-Authenticate', 'Bearer realm="admin", error="invalid_token"');
    }
    if (failure.details.retryAfterSeconds !== undefined) {
      context.header('Retry-After', String(failure.details.retryAfterSeconds));
    }
    return context.json(errorBody(failure), failure.status);
  });
  admin.use(async (context, next) => {
    await next();
    context.header('X-Content-Type-Options', 'nosniff');
  });

  admin.get('/', (context) => {
    context.header('Content-Security-Policy', ADMIN_PAGE_SECURITY_POLICY);
    context.header('Referrer-Policy', 'no-referrer');
    return context.html(renderAdminPage(context.req.path));
  });
  for (const name of DASHBOARD_MODULES) {
    const script = loadScriptAsset(dashboardModuleFile(name));
    admin.get(`/${name}`, (context) => serveScript(context, script));
  }
  admin.get('/chart.umd.js', (context) => serveScript(context, chartScript));

  admin.use(
    '/api/*',
    createMiddleware(async (context, next) => {
      // Counted before the token is checked, so forged or expired tokens use up the address's allowance too.
      const decision = addressLimiter.take(clientAddress(context, dependencies.trustProxy ?? false));
      if (!decision.allowed) {
        throw new WebChatError(
          'RATE_LIMITED',
          `Too many admin requests from your network address; try again in ${decision.retryAfterSeconds} s.`,
          { retryAfterSeconds: decision.retryAfterSeconds },
        );
      }
      const userId = await verifyAdminToken(
        bearerToken(context.req.header('authorization')),
        tokenSecret,
        now(),
        dependencies.tokenIssuer,
      );
      if (!isAdmin(userId)) {
        throw new WebChatError(
          'NOT_AUTHORISED',
          `Web user "${userId}" is not an admin: only web users with the admin role in the roles file may see analytics.`,
        );
      }
      context.header('Cache-Control', 'no-store');
      await next();
    }),
  );

  admin.get('/api/fairness', async (context) => {
    const report = await computed('The population fairness report', () => analytics.populationFairness());
    return context.json({ band: { ...FOUR_FIFTHS_BAND }, report } satisfies PopulationFairnessResponse);
  });
  admin.get('/api/fairness/logged', async (context) => {
    const logged = await computed('The fairness report of logged replies', () =>
      analytics.loggedTurnsFairness(),
    );
    return context.json({
      band: { ...FOUR_FIFTHS_BAND },
      report: logged.report,
      skipped: logged.skipped,
    } satisfies LoggedFairnessResponse);
  });
  admin.get('/api/bench', async (context) => {
    const limit = benchLimit(context.req.query('limit'));
    const runs = await computed('The saved benchmark runs', () => analytics.benchRuns(limit));
    return context.json({ runs } satisfies BenchRunsResponse);
  });
  admin.get('/api/understanding', async (context) => {
    const latest = await computed('The latest understanding evaluation', async () =>
      analytics.latestUnderstandingRun ? await analytics.latestUnderstandingRun() : undefined,
    );
    return context.json({
      latest: latest ?? null,
      summary: latest ? understandingSummaryLine(latest) : null,
    });
  });
  admin.get('/api/operations', async (context) => {
    const operations = await computed('The operations summary', () => analytics.operations());
    return context.json({ operations } satisfies OperationsResponse);
  });

  return admin;
}

/**
 * An error message fit for a status line: each absolute path cut to its last two parts ("…/no-such-data/customers.csv"),
 * so the admin learns which file without the server's layout, and no Markdown backticks.
 */
export function withoutServerPaths(message: string): string {
  return message
    .replace(/(?:\/[\w.@-]+)+\/?/g, (path) => {
      const parts = path.split('/').filter(Boolean);
      return parts.length <= 2 ? path : `…/${parts.slice(-2).join('/')}`;
    })
    .replaceAll('`', '');
}

function benchLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_BENCH_RUNS;
  const parsed = BenchLimit.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new WebChatError('INVALID_INPUT', `limit: expected a whole number from 1 to ${MAX_BENCH_RUNS}.`, {
    field: 'limit',
    cause: parsed.error,
  });
}

async function serveScript(context: Context, pending: Promise<WidgetAsset>): Promise<Response> {
  const asset = await pending;
  const headers = { ETag: asset.etag, 'Cache-Control': 'public, max-age=300, must-revalidate' };
  if (context.req.header('if-none-match') === asset.etag) return context.body(null, 304, headers);
  return context.body(asset.body, 200, {
    ...headers,
    'Content-Type': 'application/javascript; charset=utf-8',
  });
}
