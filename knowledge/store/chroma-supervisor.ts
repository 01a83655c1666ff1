import { type ChromaServer, isChromaReachable } from './chroma-server.ts';

/** Whether the store answers: `up`, `down` (not answering), or `restarting` (this app is starting it again). */
export type ChromaStatus = 'up' | 'down' | 'restarting';

/** Watches one Chroma endpoint so requests can fail fast and honestly while it is away, and come back by themselves. */
export interface ChromaSupervisor {
  readonly url: string;
  /** The last known state; cheap, no network. */
  status(): ChromaStatus;
  /** Heartbeats now and updates the state; what `/readyz` calls. */
  check(): Promise<boolean>;
  /** What to tell clients in `Retry-After` while the store is away, in whole seconds. */
  retryAfterSeconds(): number;
  /** Stops watching (and restarting); the server itself is released by its connection. */
  stop(): void;
}

/** Timing of the supervisor; defaults suit a local server, tests shorten them. */
export interface SupervisorTiming {
  /** How often the endpoint is heartbeated. */
  heartbeatMs?: number;
  /** First restart delay; doubled after each failed attempt up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

const DEFAULT_TIMING = { heartbeatMs: 2000, initialBackoffMs: 500, maxBackoffMs: 10_000 };

/**
 * Supervises a server this app started: when its process ends unexpectedly it is started again on the same
 * port and data directory (so clients reconnect to the same URL) with bounded exponential backoff, each step logged.
 */
export function superviseOwnedChroma(options: {
  server: ChromaServer;
  /** Starts a replacement on the same port and data directory. */
  restart: () => Promise<ChromaServer>;
  /** Called with each replacement (e.g. to update the server record and the connection's release). */
  onRestarted?: (server: ChromaServer) => void | Promise<void>;
  log: (line: string) => void;
  timing?: SupervisorTiming;
}): ChromaSupervisor {
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const watch = watchHeartbeat(options.server.url, timing.heartbeatMs, options.log);
  let stopped = false;
  let restarting = false;
  let backoffMs = timing.initialBackoffMs;

  const follow = (server: ChromaServer): void => {
    void server.exited.then(async (end) => {
      if (stopped) return;
      restarting = true;
      watch.markDown();
      const how = end.signal ? `signal ${end.signal}` : `code ${end.code}`;
      options.log(`Chroma (pid ${server.pid}) exited with ${how}; restarting it.`);
      const started = performance.now();
      for (let attempt = 1; !stopped; attempt++) {
        options.log(`Chroma restart attempt ${attempt} in ${(backoffMs / 1000).toFixed(1)} s.`);
        await delay(backoffMs);
        if (stopped) return;
        try {
          const replacement = await options.restart();
          if (stopped) {
            await replacement.stop();
            return;
          }
          await options.onRestarted?.(replacement);
          restarting = false;
          backoffMs = timing.initialBackoffMs;
          await watch.check();
          options.log(
            `Chroma is back (pid ${replacement.pid}) after ${((performance.now() - started) / 1000).toFixed(1)} s.`,
          );
          follow(replacement);
          return;
        } catch (error) {
          options.log(`Chroma restart attempt ${attempt} failed: ${(error as Error).message.split('\n')[0]}`);
          backoffMs = Math.min(backoffMs * 2, timing.maxBackoffMs);
        }
      }
    });
  };
  follow(options.server);

  return {
    url: options.server.url,
    status: () => (restarting ? 'restarting' : watch.status()),
    check: async () => !restarting && (await watch.check()),
    retryAfterSeconds: () => Math.max(1, Math.ceil(backoffMs / 1000)),
    stop: () => {
      stopped = true;
      watch.stop();
    },
  };
}

/**
 * Watches a server this app did not start (CHROMA_URL, or one another process owns): it is never restarted from
 * here; clients reconnect to it by themselves once it answers again, and the state says when that is.
 */
export function watchExternalChroma(options: {
  url: string;
  log: (line: string) => void;
  timing?: SupervisorTiming;
}): ChromaSupervisor {
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const watch = watchHeartbeat(options.url, timing.heartbeatMs, options.log);
  return {
    url: options.url,
    status: () => watch.status(),
    check: () => watch.check(),
    retryAfterSeconds: () => Math.max(1, Math.ceil(timing.heartbeatMs / 1000)),
    stop: () => watch.stop(),
  };
}

/** Heartbeats on an unref'd timer (it never keeps the process alive) and logs only the transitions. */
function watchHeartbeat(url: string, intervalMs: number, log: (line: string) => void) {
  let state: 'up' | 'down' = 'up';
  let downSince = 0;
  const settle = (reachable: boolean): boolean => {
    if (!reachable && state === 'up') {
      state = 'down';
      downSince = performance.now();
      log(`Chroma at ${url} does not answer; chat requests get 503 STORE_UNAVAILABLE until it does.`);
    } else if (reachable && state === 'down') {
      state = 'up';
      log(`Chroma at ${url} answers again after ${((performance.now() - downSince) / 1000).toFixed(1)} s.`);
    }
    return reachable;
  };
  const check = async (): Promise<boolean> => settle(await isChromaReachable(url, 1000));
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return {
    status: () => state,
    check,
    markDown: () => settle(false),
    stop: () => clearInterval(timer),
  };
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
