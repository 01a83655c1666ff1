import { createMiddleware } from 'hono/factory';
import type { MiddlewareHandler } from 'hono/types';
import { WebChatError } from './web-chat-error.ts';

/** Request headers a host page's widget sends cross-origin. */
const ALLOWED_REQUEST_HEADERS = 'Authorization, Content-Type';
/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for the bank's own pages on other origins (`WEB_ALLOWED_ORIGINS`). Only a listed origin gets CORS headers;
 * a preflight from any other origin is a 403 naming it and carries none, so the browser refuses the call. Unlike
 * Hono's `cors()`, nothing (allowed methods, exposed headers) is sent to origins that are not listed.
 */
export function hostOriginCors(
  allowedOrigins: readonly string[],
  methods: readonly string[],
): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return createMiddleware(async (context, next) => {
    const origin = context.req.header('origin');
    const listed = origin !== undefined && allowed.has(origin);
    if (context.req.method === 'OPTIONS') {
      if (!listed) {
        throw new WebChatError(
          'NOT_AUTHORISED',
          `Origin ${origin ?? '(none)'} is not allowed to use the assistant; the bank lists its sites in WEB_ALLOWED_ORIGINS.`,
        );
      }
      return context.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': methods.join(', '),
        'Access-Control-Allow-Headers': ALLOWED_REQUEST_HEADERS,
        'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
        Vary: 'Origin',
      });
    }
    await next();
    context.res.headers.append('Vary', 'Origin');
    if (!listed) return;
    context.res.headers.set('Access-Control-Allow-Origin', origin);
    context.res.headers.set('Access-Control-Expose-Headers', 'Retry-After');
  });
}
