import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FixedWindowRateLimiter, type RateDecision } from '../../web-chat/index.ts';

/** Replays requests at the given times (ms) for the given keys; returns each decision. */
function replay(
  limit: number,
  windowMs: number,
  requests: readonly { at: number; key: string }[],
): RateDecision[] {
  let now = 0;
  const limiter = new FixedWindowRateLimiter({ limit, windowMs, now: () => now });
  return requests.map((request) => {
    now = request.at;
    return limiter.take(request.key);
  });
}

const settings = fc.record({
  limit: fc.integer({ min: 1, max: 6 }),
  windowMs: fc.integer({ min: 1_000, max: 120_000 }),
  gaps: fc.array(fc.integer({ min: 0, max: 40_000 }), { minLength: 1, maxLength: 80 }),
});
const timesFrom = (gaps: number[]) =>
  gaps.map((_, index) => gaps.slice(0, index + 1).reduce((a, b) => a + b, 0));

describe('FixedWindowRateLimiter', () => {
  it('lets `limit` requests through at once, then refuses with the whole window as Retry-After', () => {
    const decisions = replay(
      3,
      60_000,
      Array.from({ length: 4 }, () => ({ at: 5, key: 'a' })),
    );
    expect(decisions).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: true },
      { allowed: false, retryAfterSeconds: 60 },
    ]);
  });

  it('Retry-After is honest: the first request after waiting that long is allowed', () => {
    fc.assert(
      fc.property(settings, ({ limit, windowMs, gaps }) => {
        const times = timesFrom(gaps);
        const decisions = replay(
          limit,
          windowMs,
          times.map((at) => ({ at, key: 'k' })),
        );
        decisions.forEach((decision, index) => {
          if (decision.allowed) return;
          expect(decision.retryAfterSeconds).toBeGreaterThanOrEqual(1);
          expect(decision.retryAfterSeconds).toBeLessThanOrEqual(Math.ceil(windowMs / 1000));
          // A client that waits exactly Retry-After (and sends nothing meanwhile) is let through.
          const resume = (times[index] ?? 0) + decision.retryAfterSeconds * 1000;
          const waited = replay(
            limit,
            windowMs,
            [...times.slice(0, index + 1), resume].map((at) => ({ at, key: 'k' })),
          );
          expect(waited.at(-1)).toEqual({ allowed: true });
        });
      }),
    );
  });

  it('never lets more than twice the limit through in any span of one window (the fixed-window bound)', () => {
    fc.assert(
      fc.property(settings, ({ limit, windowMs, gaps }) => {
        const times = timesFrom(gaps.map((gap) => gap % 3_000));
        const decisions = replay(
          limit,
          windowMs,
          times.map((at) => ({ at, key: 'k' })),
        );
        const allowedTimes = times.filter((_, index) => decisions[index]?.allowed);
        for (const start of allowedTimes) {
          const inSpan = allowedTimes.filter((at) => at >= start && at < start + windowMs).length;
          expect(inSpan).toBeLessThanOrEqual(2 * limit);
        }
      }),
    );
  });

  it('keeps keys independent: other customers’ traffic never changes one customer’s decisions', () => {
    fc.assert(
      fc.property(settings, fc.array(fc.boolean(), { maxLength: 80 }), ({ limit, windowMs, gaps }, noise) => {
        const times = timesFrom(gaps);
        const alone = replay(
          limit,
          windowMs,
          times.map((at) => ({ at, key: 'mine' })),
        );
        const mixed = times.flatMap((at, index) =>
          noise[index]
            ? [
                { at, key: 'other' },
                { at, key: 'mine' },
              ]
            : [{ at, key: 'mine' }],
        );
        const decisions = replay(limit, windowMs, mixed).filter((_, index) => mixed[index]?.key === 'mine');
        expect(decisions).toEqual(alone);
      }),
    );
  });

  it('is switched off by an infinite limit', () => {
    expect(
      replay(
        Number.POSITIVE_INFINITY,
        1_000,
        Array.from({ length: 500 }, () => ({ at: 0, key: 'k' })),
      ),
    ).toSatisfy((decisions: RateDecision[]) => decisions.every((decision) => decision.allowed));
  });
});
