import type { HttpBindings } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** Key used when the address is unknown (e.g. `app.request()` without bindings): such requests share one bucket. */
export const UNKNOWN_ADDRESS = 'unknown';

/** `TRUST_PROXY`: how many reverse proxies in front of the server append to `X-Forwarded-For` (`true` = one). */
export type TrustProxy = boolean | number;

/** The number of trusted proxy hops a TrustProxy setting stands for. */
export function trustedHops(trustProxy: TrustProxy): number {
  if (typeof trustProxy === 'number') return trustProxy;
  return trustProxy ? 1 : 0;
}

/**
 * The address a request came from, for per-address rate limits.
 *
 * By default this is the TCP peer (Hono's getConnInfo), and `X-Forwarded-For` is ignored: any client can send
 * that header, so trusting it would let one client pose as many. Behind N trusted reverse proxies, the N-th entry
 * from the right is the address the outermost proxy saw (each proxy appends the peer it saw); entries further
 * left came from the client and are still ignored. With fewer entries than hops, the left-most one is used.
 */
export function clientAddress(context: Context, trustProxy: TrustProxy): string {
  const hops = trustedHops(trustProxy);
  if (hops > 0) {
    const entries = (context.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    const address = entries.at(-Math.min(hops, entries.length));
    if (entries.length > 0 && address) return address;
  }
  const bindings: Partial<HttpBindings> | undefined = context.env;
  if (!bindings?.incoming?.socket) return UNKNOWN_ADDRESS;
  return getConnInfo(context).remote.address ?? UNKNOWN_ADDRESS;
}
