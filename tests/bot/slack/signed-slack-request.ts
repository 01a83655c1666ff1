import { createHmac } from 'node:crypto';

/** How a test request to the Slack endpoint is signed; the defaults are what Slack itself does. */
export interface SigningOptions {
  secret: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Leave out X-Slack-Signature and X-Slack-Request-Timestamp altogether. */
  unsigned?: boolean;
}

/** Slack's v0 signature: HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing secret, hex. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Posts an Events API envelope (JSON), signed as Slack signs it. */
export function postEvent(url: string, envelope: unknown, signing: SigningOptions): Promise<Response> {
  return postSigned(url, JSON.stringify(envelope), 'application/json', signing);
}

/** Posts a slash command (form fields), signed as Slack signs it. */
export function postCommand(
  url: string,
  fields: Record<string, string>,
  signing: SigningOptions,
): Promise<Response> {
  return postSigned(
    url,
    new URLSearchParams(fields).toString(),
    'application/x-www-form-urlencoded',
    signing,
  );
}

/** Posts an interactivity payload (`payload=` JSON form field), signed as Slack signs it. */
export function postInteraction(url: string, payload: unknown, signing: SigningOptions): Promise<Response> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return postSigned(url, body, 'application/x-www-form-urlencoded', signing);
}

function postSigned(
  url: string,
  body: string,
  contentType: string,
  signing: SigningOptions,
): Promise<Response> {
  const timestamp = signing.timestamp ?? Math.floor(Date.now() / 1000);
  // Slack sends the bare media type; Bolt compares it exactly, so no "; charset" here.
  const headers: Record<string, string> = { 'content-type': contentType };
  if (!signing.unsigned) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = slackSignature(signing.secret, timestamp, body);
  }
  return fetch(url, { method: 'POST', headers, body });
}
