import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to "Slack": a Web API method, or a post to a response_url. */
export interface RecordedSlackCall {
  /** `chat.postMessage`, `chat.postEphemeral`, `auth.test`…, or `response_url`. */
  method: string;
  /** For `response_url` calls: the id at the end of the URL. */
  responseId?: string;
  authorization: string | undefined;
  /** The ts the fake gave a posted message (`chat.postMessage`, `chat.postEphemeral`, `chat.startStream`). */
  ts?: string;
  /**
   * Form fields (Web API) or JSON body (response_url); `blocks`, `prompts`, `chunks`, `view` and `metadata` are
   * parsed from their JSON strings.
   */
  body: Record<string, unknown>;
}

/** Which calls `waitFor` considers, and for how long it waits. */
export interface WaitOptions {
  /** Only calls made at or after this index of `calls`. */
  after?: number;
  timeoutMs?: number;
}

/** The bot's identity as the fake `auth.test` reports it. */
export const FAKE_BOT = { userId: 'UBOT0001', botId: 'BBOT0001', teamId: 'T0TEST01' } as const;

/** A local stand-in for slack.com's Web API and response URLs (the real Slack cannot be reached from tests). */
export interface FakeSlackWebApi {
  /** Pass as the app's `slackApiUrl`. */
  apiUrl: string;
  /** A response_url Slack would put in a command or action payload. */
  responseUrl(id: string): string;
  readonly calls: readonly RecordedSlackCall[];
  /** Resolves with the first call that matches, made already (from index `after` on) or still to come. */
  waitFor(match: (call: RecordedSlackCall) => boolean, options?: WaitOptions): Promise<RecordedSlackCall>;
  close(): Promise<void>;
}

/** The DM channel the fake `conversations.open` returns for a user. */
export function fakeDirectMessageChannel(user: string): string {
  return `D${user}`;
}

const JSON_FIELDS = ['blocks', 'prompts', 'chunks', 'view', 'metadata'] as const;
// Methods that post a new message get a new ts; the others act on the message named by their `ts`.
const POSTING_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.startStream']);

/**
 * Starts the stand-in on a free port. It answers the Web API methods the app uses (chat.*, reactions.*,
 * assistant.threads.*, the chat streaming methods, views.publish, views.open, conversations.open) as Slack does, and
 * `{ ok: false, error: 'unknown_method' }` to anything else.
 */
export async function startFakeSlackWebApi(): Promise<FakeSlackWebApi> {
  const calls: RecordedSlackCall[] = [];
  const waiters = new Set<{
    match: (call: RecordedSlackCall) => boolean;
    resolve: (call: RecordedSlackCall) => void;
  }>();
  let nextTs = 1_800_000_000;

  const record = (call: RecordedSlackCall) => {
    calls.push(call);
    for (const waiter of waiters) {
      if (waiter.match(call)) {
        waiters.delete(waiter);
        waiter.resolve(call);
      }
    }
  };

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const raw = await readBody(request);
    const authorization = request.headers.authorization;
    if (url.pathname.startsWith('/response/')) {
      const responseId = decodeURIComponent(url.pathname.slice('/response/'.length));
      record({
        method: 'response_url',
        responseId,
        authorization,
        body: JSON.parse(raw) as Record<string, unknown>,
      });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const body: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
    for (const field of JSON_FIELDS) {
      const value = body[field];
      if (typeof value === 'string') body[field] = JSON.parse(value);
    }
    nextTs += 1;
    const ts = POSTING_METHODS.has(method) ? `${nextTs}.000100` : String(body.ts ?? '');
    record({ method, authorization, body, ...(method.startsWith('chat.') ? { ts } : {}) });
    const answers: Record<string, unknown> = {
      'auth.test': {
        ok: true,
        url: 'https://test.slack.example/',
        team: 'Test',
        user: 'advisor_bot',
        team_id: FAKE_BOT.teamId,
        user_id: FAKE_BOT.userId,
        bot_id: FAKE_BOT.botId,
      },
      'chat.postMessage': { ok: true, channel: body.channel, ts, message: { ts, text: body.text } },
      'chat.postEphemeral': { ok: true, message_ts: ts },
      'chat.update': { ok: true, channel: body.channel, ts, text: body.text },
      'chat.delete': { ok: true, channel: body.channel, ts },
      'chat.startStream': { ok: true, channel: body.channel, ts },
      'chat.appendStream': { ok: true, channel: body.channel, ts },
      'chat.stopStream': { ok: true, channel: body.channel, ts, message: { ts } },
      'reactions.add': { ok: true },
      'reactions.remove': { ok: true },
      'assistant.threads.setStatus': { ok: true },
      'assistant.threads.setSuggestedPrompts': { ok: true },
      'assistant.threads.setTitle': { ok: true },
      'views.publish': { ok: true, view: { id: `V${nextTs}`, ...(body.view as object) } },
      'views.open': { ok: true, view: { id: `V${nextTs}`, ...(body.view as object) } },
      'conversations.open': {
        ok: true,
        channel: { id: fakeDirectMessageChannel(String(body.users ?? '')) },
      },
    };
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(answers[method] ?? { ok: false, error: 'unknown_method' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${origin}/api/`,
    responseUrl: (id) => `${origin}/response/${encodeURIComponent(id)}`,
    calls,
    waitFor: (match, { after = 0, timeoutMs = 30_000 } = {}) => {
      const done = calls.slice(after).find(match);
      if (done) return Promise.resolve(done);
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (call: RecordedSlackCall) => {
            clearTimeout(timer);
            resolve(call);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen = calls.map((call) => call.method).join(', ') || 'none';
          reject(new Error(`No matching Slack API call within ${timeoutMs} ms (calls so far: ${seen})`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
