import type { Hono } from 'hono';
import type { AppConfig } from '../bot/app-config.ts';
import type { Advisor } from '../bot/create-advisor.ts';
import { createSlackApp, createSlackRoutes } from '../bot/slack/index.ts';
import { AdvisorTeamsBot, createTeamsAdapter, createTeamsRoutes } from '../bot/teams/index.ts';
import type { WebChatEnv } from './create-web-chat-app.ts';

/** Which channel endpoints are live on the server, and why the others are not. */
export interface ChannelStatus {
  slack: string;
  teams: string;
}

/**
 * Mounts Slack (`POST /slack/events`) and Teams (`POST /api/messages`) on the web chat's server, so every
 * channel is served on one port over the same conversation core. A channel without credentials answers
 * 503 with what to set, rather than accepting unverifiable requests.
 */
export function mountChannels(app: Hono<WebChatEnv>, advisor: Advisor, config: AppConfig): ChannelStatus {
  const status: ChannelStatus = { slack: '', teams: '' };
  if (config.slack) {
    const slack = createSlackApp({
      core: advisor.core,
      roles: advisor.roles,
      adminReports: advisor.adminReports,
      signingSecret: config.slack.signingSecret,
      botToken: config.slack.botToken,
    });
    app.route('/slack', createSlackRoutes(slack));
    status.slack = 'POST /slack/events (events, /advise, /bias, /bench, buttons)';
  } else {
    app.post('/slack/events', (context) =>
      context.json(
        {
          error: {
            code: 'UNAVAILABLE',
            message: 'Slack is not configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN.',
          },
        },
        503,
      ),
    );
    status.slack = 'disabled (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN); POST /slack/events answers 503';
  }
  if (config.teams) {
    const adapter = createTeamsAdapter(config.teams);
    const bot = new AdvisorTeamsBot({
      core: advisor.core,
      roles: advisor.roles,
      adminReports: advisor.adminReports,
    });
    app.route('/api', createTeamsRoutes(adapter, bot));
    status.teams = 'POST /api/messages (Bot Framework, JWT-verified)';
  } else {
    app.post('/api/messages', (context) =>
      context.json(
        {
          error: {
            code: 'UNAVAILABLE',
            message: 'Teams is not configured: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD.',
          },
        },
        503,
      ),
    );
    status.teams =
      'disabled (set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD); POST /api/messages answers 503';
  }
  return status;
}
