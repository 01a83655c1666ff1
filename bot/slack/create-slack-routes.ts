import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { SlackApp } from './create-slack-app.ts';

/**
 * A Hono sub-app for `app.route('/slack', routes)`: `POST /slack/events` is handed, as raw Node request and
 * response, to Bolt's receiver, which checks Slack's signature on the exact bytes it reads itself.
 * @example
 * const server = new Hono<{ Bindings: HttpBindings }>();
 * server.route('/slack', createSlackRoutes(createSlackApp(dependencies)));
 */
export function createSlackRoutes(
  slack: Pick<SlackApp, 'requestListener'>,
): Hono<{ Bindings: HttpBindings }> {
  const routes = new Hono<{ Bindings: HttpBindings }>();
  routes.post('/events', async (context) => {
    const { incoming, outgoing } = context.env ?? {};
    if (!incoming || !outgoing) {
      throw new HTTPException(500, {
        message: 'The Slack routes need @hono/node-server (raw Node request).',
      });
    }
    // Bolt matches the request's own path, so it must be mounted where the receiver listens (/slack/events).
    const finished = new Promise<void>((resolve) => {
      outgoing.once('finish', resolve);
      outgoing.once('close', resolve);
    });
    slack.requestListener(incoming, outgoing);
    // Bolt answers (ack) asynchronously; returning only once it has keeps Hono middleware timings honest and
    // means nothing after this handler can write to the response first.
    await finished;
    return RESPONSE_ALREADY_SENT;
  });
  return routes;
}
