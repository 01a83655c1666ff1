import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's own rule: a request more than five minutes from our clock, either way, is refused. */
export const SLACK_TIMESTAMP_WINDOW_SECONDS = 5 * 60;
/** Signatures remembered at most; with the five-minute window that is ~33 requests a second before eviction. */
export const MAX_REMEMBERED_SIGNATURES = 10_000;

/** Why a Slack request was refused before Bolt saw it; logged as one line, never with a stack trace. */
export type SlackRequestRefusal = 'missing_headers' | 'stale' | 'future' | 'bad_signature' | 'replayed';

/** The headers and raw body of a request to check. */
export interface SignedSlackRequest {
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
}

/**
 * Slack's v0 request signature, checked more strictly than Bolt does: timestamps too far in the future are
 * refused as well as stale ones, and each signature is accepted once (a bounded in-memory replay cache covering
 * the window), so a captured request cannot be sent again. Bolt still re-checks the signature after this.
 */
export class SlackReplayGuard {
  private readonly seen = new Map<string, number>();

  constructor(private readonly options: { signingSecret: string; now?: () => number; capacity?: number }) {}

  /** Null when the request may pass (and its signature is now spent), else why it is refused. */
  check(request: SignedSlackRequest): SlackRequestRefusal | null {
    const { timestamp, signature } = request;
    if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return 'missing_headers';
    const nowSeconds = Math.floor((this.options.now ?? Date.now)() / 1000);
    const age = nowSeconds - Number(timestamp);
    if (age > SLACK_TIMESTAMP_WINDOW_SECONDS) return 'stale';
    if (age < -SLACK_TIMESTAMP_WINDOW_SECONDS) return 'future';
    const expected = `v0=${createHmac('sha256', this.options.signingSecret)
      .update(`v0:${timestamp}:`)
      .update(request.rawBody)
      .digest('hex')}`;
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected))) {
      return 'bad_signature';
    }
    this.forgetExpired(nowSeconds);
    if (this.seen.has(signature)) return 'replayed';
    // Remembered until the timestamp leaves the window; after that the staleness rule refuses it anyway.
    this.seen.set(signature, Number(timestamp) + SLACK_TIMESTAMP_WINDOW_SECONDS);
    const capacity = this.options.capacity ?? MAX_REMEMBERED_SIGNATURES;
    while (this.seen.size > capacity) {
      const oldest = this.seen.keys().next().value;
      if (oldest === undefined) break;
      this.seen.delete(oldest);
    }
    return null;
  }

  private forgetExpired(nowSeconds: number): void {
    for (const [signature, expiresAt] of this.seen) {
      // Insertion order is roughly timestamp order, so the scan stops at the first live entry.
      if (expiresAt >= nowSeconds) break;
      this.seen.delete(signature);
    }
  }
}
