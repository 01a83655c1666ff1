import type { IncomingMessage } from 'node:http';

/** The largest Slack request body read; Slack's payloads are far smaller (Bolt's own default is 10 MB). */
export const MAX_SLACK_BODY_BYTES = 1024 * 1024;

/** A read body, and whether it is Slack's unsigned `ssl_check` probe; or the status to refuse it with. */
export type SlackBody = { ok: true; rawBody: Buffer; sslCheck: boolean } | { ok: false; status: 413 };

/** Reads a Slack request's raw body (bounded) so it can be verified before Bolt parses it. */
export async function readSlackBody(request: IncomingMessage): Promise<SlackBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > MAX_SLACK_BODY_BYTES) return { ok: false, status: 413 };
    chunks.push(bytes);
  }
  const rawBody = Buffer.concat(chunks);
  const form = request.headers['content-type'] === 'application/x-www-form-urlencoded';
  // Slack's ssl_check is unsigned by design; Bolt answers it and strips anything smuggled alongside.
  const sslCheck = form && new URLSearchParams(rawBody.toString('utf8')).get('ssl_check') === '1';
  return { ok: true, rawBody, sslCheck };
}
