/** Where the server listens and how it is exposed: what decides whether unauthenticated local Teams is safe. */
export interface EmulatorExposure {
  /** The address the server binds (HOST). */
  host: string;
  /** Reverse proxy hops trusted (TRUST_PROXY); a proxy makes a loopback server reachable from outside. */
  trustProxy: number;
  /** Demo mode (no WEB_TOKEN_SECRET, or DEMO=true); a production run never serves unverified Teams requests. */
  demo: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Why the Bot Framework Emulator mode (no MICROSOFT_APP_ID: requests accepted without the Bot Connector's JWT)
 * must not run here, or null when it may: only on a loopback address, with no proxy in front, in a demo run.
 */
export function teamsEmulatorRefusal(exposure: EmulatorExposure): string | null {
  if (!LOOPBACK.has(exposure.host) && !exposure.host.startsWith('127.')) {
    return `HOST is ${exposure.host}, not a loopback address; unauthenticated Teams requests are only accepted on 127.0.0.1`;
  }
  if (exposure.trustProxy > 0) {
    return 'TRUST_PROXY is set, so a proxy may forward outside requests to this loopback server';
  }
  if (!exposure.demo) return 'this is a production run (WEB_TOKEN_SECRET is set)';
  return null;
}
