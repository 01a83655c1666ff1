import type { HttpBindings } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** Key used when the address is unknown (e.g. `app.request()` without bindings): such requests share one bucket. */
export const UNKNOWN_ADDRESS = 'unknown';

/**
 * The address a request came from, for per-address rate limits.
 *
 * By default this is the TCP peer (Hono's getConnInfo), and `X-Forwarded-For` is ignored: any client can send
 * that header, so trusting it would let one client pose as many. Behind a reverse proxy set `trustProxy`; then the
 * right-most `X-Forwarded-For` entry is used, the one the (single, trusted) proxy appended — entries to its left
 * came from the client and are still ignored.
 */
export function clientAddress(context: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = context.req.header('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  const bindings: Partial<HttpBindings> | undefined = context.env;
  if (!bindings?.incoming?.socket) return UNKNOWN_ADDRESS;
  return getConnInfo(context).remote.address ?? UNKNOWN_ADDRESS;
}
