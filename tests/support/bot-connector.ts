import { Hono } from 'hono';
import { type RunningWebServer, startWebServer } from '../../web-chat/index.ts';

/** One call the bot made to the Bot Connector stand-in (a reply, a streaming update, an edit). */
export interface ConnectorRequest {
  method: 'POST' | 'PUT';
  /** e.g. `/v3/conversations/a%3Achat/activities/incoming-1` (the conversation id stays URL-encoded). */
  path: string;
  /** The conversation id, decoded. */
  conversationId: string;
  body: Record<string, unknown>;
  /** The id the stand-in answered with (`reply-1`, `reply-2`, … in arrival order). */
  activityId: string;
  /** `performance.now()` when the request arrived. */
  receivedAt: number;
}

/** A running stand-in: give activities `serviceUrl` and read what the bot sent in `received`. */
export interface BotConnectorStandIn {
  /** The activity's `serviceUrl` that makes botbuilder reply here (with the trailing slash Teams sends). */
  serviceUrl: string;
  /** Every call so far, in arrival order. */
  received: ConnectorRequest[];
  /** The first call (already received or still to come) that `matches`. */
  waitFor(matches: (request: ConnectorRequest) => boolean): Promise<ConnectorRequest>;
  close(): Promise<void>;
}

/**
 * A local stand-in for Microsoft's Bot Connector service, which cannot be reached from here: it answers every
 * POST (send, reply, streaming update) and PUT (update) under `/v3/conversations/` with a new activity id, as the
 * real service does, and records each call. Used by the Teams tests and `npm run bench:channels`.
 */
export async function startBotConnectorStandIn(): Promise<BotConnectorStandIn> {
  const received: ConnectorRequest[] = [];
  const waiters: {
    matches: (request: ConnectorRequest) => boolean;
    resolve: (request: ConnectorRequest) => void;
  }[] = [];
  const app = new Hono();
  app.on(['POST', 'PUT'], '/v3/conversations/:conversation/*', async (context) => {
    const receivedAt = performance.now();
    const request: ConnectorRequest = {
      method: context.req.method === 'PUT' ? 'PUT' : 'POST',
      path: context.req.path,
      conversationId: decodeURIComponent(context.req.param('conversation')),
      body: await context.req.json(),
      activityId: `reply-${received.length + 1}`,
      receivedAt,
    };
    received.push(request);
    for (const waiter of waiters.filter((candidate) => candidate.matches(request))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(request);
    }
    return context.json({ id: request.activityId });
  });
  const server: RunningWebServer = await startWebServer(app, 0, '127.0.0.1');
  return {
    serviceUrl: `${server.url}/`,
    received,
    waitFor: (matches) => {
      const already = received.find(matches);
      return already
        ? Promise.resolve(already)
        : new Promise((resolve) => waiters.push({ matches, resolve }));
    },
    close: () => server.close(),
  };
}
