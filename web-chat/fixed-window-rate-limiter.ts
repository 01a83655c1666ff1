/** The outcome of one request against a limit. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Window {
  startedAt: number;
  count: number;
}

/**
 * Counts requests per key in fixed windows on an injected clock. Fixed windows can let through up to twice the
 * limit across a window boundary; that is acceptable for abuse protection and keeps one small record per key.
 * In-memory, so per process: behind several instances each enforces its own share.
 */
export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep: number;

  constructor(private readonly options: { limit: number; windowMs: number; now: () => number }) {
    this.lastSweep = options.now();
  }

  /** Counts one request for `key` and says whether it is within the limit. */
  take(key: string): RateDecision {
    if (this.options.limit === Number.POSITIVE_INFINITY) return { allowed: true };
    const now = this.options.now();
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.options.windowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.options.limit) {
      const waitMs = window.startedAt + this.options.windowMs - now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    window.count++;
    return { allowed: true };
  }

  /** How many keys are being tracked (expired windows are dropped once per window). */
  get size(): number {
    return this.windows.size;
  }

  // Dropping expired windows once per window length keeps memory proportional to recent clients.
  private sweep(now: number): void {
    if (now - this.lastSweep < this.options.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= this.options.windowMs) this.windows.delete(key);
    }
  }
}
