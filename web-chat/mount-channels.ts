import type { Hono } from 'hono';
import type { AppConfig } from '../bot/app-config.ts';
import type { Advisor } from '../bot/create-advisor.ts';
import {
  checkSlackConnection,
  createSlackApp,
  createSlackRoutes,
  describeSlackConnection,
} from '../bot/slack/index.ts';
import { TeamsHandoffBridge } from '../bot/teams/handoff/index.ts';
import {
  AdvisorTeamsBot,
  createEmulatorAdapter,
  createTeamsAdapter,
  createTeamsRoutes,
  teamsEmulatorRefusal,
} from '../bot/teams/index.ts';
import type { WebChatEnv } from './create-web-chat-app.ts';

/** Which channel endpoints are live on the server, and why the others are not. */
export interface ChannelStatus {
  slack: string;
  teams: string;
  /** Asks Slack's `auth.test` who the bot is and returns the banner line; null when Slack is off. */
  checkSlack: (() => Promise<string>) | null;
}

const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/**
 * Mounts Slack (`POST /slack/events`) and Teams (`POST /api/messages`) on the web chat's server, so every
 * channel is served on one port over the same conversation core. A channel without credentials answers
 * 503 with what to set, rather than accepting unverifiable requests.
 */
export function mountChannels(
  app: Hono<WebChatEnv>,
  advisor: Pick<Advisor, 'core' | 'roles' | 'adminReports'> & Partial<Pick<Advisor, 'handoffs'>>,
  config: AppConfig,
): ChannelStatus {
  const status: ChannelStatus = { slack: '', teams: '', checkSlack: null };
  if (config.slack) {
    const slack = createSlackApp({
      core: advisor.core,
      roles: advisor.roles,
      adminReports: advisor.adminReports,
      signingSecret: config.slack.signingSecret,
      botToken: config.slack.botToken,
      ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
      ...(config.server.publicUrl ? { dashboardUrl: `${config.server.publicUrl}/admin` } : {}),
      ...(advisor.handoffs ? { handoffs: advisor.handoffs } : {}),
    });
    app.route('/slack', createSlackRoutes(slack));
    status.slack =
      'POST /slack/events (events, /advise, /bias, /bench, buttons); not yet checked with auth.test';
    const apiUrl = config.slack.apiUrl ?? DEFAULT_SLACK_API_URL;
    const { botToken } = config.slack;
    status.checkSlack = async () =>
      describeSlackConnection(await checkSlackConnection(slack.app.client, botToken, apiUrl));
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
  // Teams advisors get handoffs as proactive cards in their 1:1 chat with the bot (see TeamsHandoffBridge).
  const teamsHandoffs = (botAppId: string) => {
    if (!advisor.handoffs) return {};
    const bridge = new TeamsHandoffBridge(advisor.handoffs, botAppId);
    advisor.handoffs.addNotifier(bridge);
    return { handoffs: bridge };
  };
  const teamsBot = (emulator: boolean) =>
    new AdvisorTeamsBot({
      ...teamsHandoffs(config.teams?.appId ?? ''),
      core: advisor.core,
      roles: advisor.roles,
      adminReports: advisor.adminReports,
      emulator,
      // Long bias/bench runs are posted proactively as the bot's own app ('' in the local emulator mode).
      reports: { botAppId: config.teams?.appId ?? '' },
      ...(config.server.publicUrl ? { dashboardUrl: `${config.server.publicUrl}/admin` } : {}),
    });
  const emulatorRefusal = teamsEmulatorRefusal({
    host: config.server.host,
    trustProxy: config.web.trustProxy,
    demo: config.web.demo,
  });
  if (config.teams) {
    app.route('/api', createTeamsRoutes(createTeamsAdapter(config.teams), teamsBot(false)));
    status.teams = 'POST /api/messages (Bot Framework, JWT-verified)';
  } else if (emulatorRefusal === null) {
    app.route('/api', createTeamsRoutes(createEmulatorAdapter(), teamsBot(true)));
    status.teams =
      'LOCAL EMULATOR MODE (MICROSOFT_APP_ID unset): POST /api/messages accepts UNAUTHENTICATED activities on this loopback address — for the Bot Framework Emulator only';
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
    status.teams = `disabled (set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD; the local emulator mode is refused: ${emulatorRefusal}); POST /api/messages answers 503`;
  }
  return status;
}
