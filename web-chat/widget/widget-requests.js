// @ts-check
// Talking to the advisor server: authorised requests, errors in the customer's terms, and the SSE reader.

/** @typedef {{ code?: string, message?: string, retryAfterSeconds?: number }} ErrorInfo */

/**
 * The widget's requests to `endpoint` with the customer's token, and what to tell the customer when one fails.
 * @param {{ endpoint: string, token: string, say: (key: string, params?: Record<string, string | number>) => string }} options
 */
export function createRequests({ endpoint, token, say }) {
  /** @param {string} method @param {string} path @param {unknown} [body] */
  const call = (method, path, body) =>
    fetch(endpoint + path, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  /** @param {string} path @param {unknown} body */
  const post = (path, body) => call('POST', path, body);

  /** @type {Record<string, string>} */
  const SAY = {
    401: say('sessionEnded'),
    403: say('onlyOwnAccounts'),
    404: say('noRecord'),
    413: say('tooLong'),
    500: say('unavailable'),
  };
  const OFFLINE = say('offline');
  const NOT_ALLOWED = say('notAllowed');

  /**
   * Why a request failed before any answer. A browser hides CORS refusals behind the same error as a lost
   * connection; a no-cors probe tells them apart: it succeeds whenever the server is reachable at all, so a
   * reachable server that refused us means this page's origin is not on the bank's list (WEB_ALLOWED_ORIGINS).
   */
  async function unreachableText() {
    const base = new URL(endpoint || location.origin, location.href);
    if (base.origin === location.origin) return OFFLINE;
    try {
      await fetch(`${base.origin}${base.pathname.replace(/\/+$/, '')}/healthz`, {
        mode: 'no-cors',
        cache: 'no-store',
      });
      return NOT_ALLOWED;
    } catch {
      return OFFLINE;
    }
  }

  /** Says what went wrong in the customer's terms. @param {number} status @param {ErrorInfo} info */
  function describe(status, info) {
    if (status === 422) return say('notSent', { message: info.message ?? say('checkIt') });
    if (status === 429) return say('tooMany', { seconds: info.retryAfterSeconds ?? 60 });
    if (info.code === 'AUDIT_UNAVAILABLE') return say('notRecorded');
    if (status === 503 && info.retryAfterSeconds)
      return say('retrySoon', { seconds: info.retryAfterSeconds });
    return SAY[status] ?? SAY[500];
  }

  /** @param {Response} response */
  async function failureText(response) {
    /** @type {ErrorInfo} */
    let info = {};
    try {
      info = (await response.json()).error ?? {};
    } catch {}
    const retryAfter = Number(response.headers.get('Retry-After'));
    return describe(response.status, retryAfter > 0 ? { ...info, retryAfterSeconds: retryAfter } : info);
  }

  return { call, post, failureText, unreachableText, serverErrorText: SAY[500] ?? '' };
}

/**
 * Reads a Server-Sent Events body, calling `onEvent` with each event's name and parsed JSON data.
 * @param {ReadableStream<Uint8Array>} body @param {(event: string, data: any) => void} onEvent
 */
export async function readEvents(body, onEvent) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    const blocks = buffer.split('\n\n');
    buffer = blocks.pop() ?? '';
    // One `data:` line per event (JSON has no raw newlines).
    for (const block of blocks) {
      const data = /^data: ?(.*)$/m.exec(block)?.[1];
      onEvent(/^event: ?(.*)$/m.exec(block)?.[1] ?? 'message', data ? JSON.parse(data) : null);
    }
  }
}
