import { describe, expect, it } from 'vitest';
import { createSlackRoutes } from '../../../bot/slack/index.ts';

describe('createSlackRoutes without a Node server', () => {
  const listened: string[] = [];
  const routes = createSlackRoutes({ requestListener: (request) => listened.push(request.url ?? '') });

  it('needs the raw Node request, so app.request() gets a clear 500 and Bolt is not called', async () => {
    const response = await routes.request('/events', { method: 'POST', body: '{}' });
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('The Slack routes need @hono/node-server (raw Node request).');
    expect(listened).toEqual([]);
  });

  it('serves only POST /events', async () => {
    expect((await routes.request('/events')).status).toBe(404);
    expect((await routes.request('/commands', { method: 'POST' })).status).toBe(404);
    expect(listened).toEqual([]);
  });
});
