import type { Hono } from 'hono';
import type { ChannelAdapter, ChannelContext, ChannelMount } from '../core/index.ts';
import { createSlackApp } from './create-slack-app.ts';
import { createSlackRoutes } from './create-slack-routes.ts';
import { checkSlackConnection, describeSlackConnection } from './slack-connection.ts';
import { loadSlackSettings, type SlackSettings } from './slack-settings.ts';

const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/** Slack as a channel: `POST /slack/events` over the core, with its settings (null = not configured). */
export interface SlackChannel extends ChannelAdapter {
  readonly settings: SlackSettings | null;
}

/** Slack's adapter for the given settings; without them the endpoint answers 503 naming what to set. */
export function slackChannel(settings: SlackSettings | null): SlackChannel {
  return {
    name: 'slack',
    label: 'Slack',
    settings,
    mount: (app: Hono, context: ChannelContext): ChannelMount => {
      if (!settings) {
        app.post('/slack/events', (request) =>
          request.json(
            {
              error: {
                code: 'UNAVAILABLE',
                message: 'Slack is not configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN.',
              },
            },
            503,
          ),
        );
        return {
          status: 'disabled (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN); POST /slack/events answers 503',
        };
      }
      const { publicUrl } = context.server;
      const slack = createSlackApp({
        core: context.core,
        roles: context.roles,
        adminReports: context.adminReports,
        signingSecret: settings.signingSecret,
        botToken: settings.botToken,
        ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
        ...(publicUrl ? { dashboardUrl: `${publicUrl}/admin` } : {}),
        ...(context.handoffs ? { handoffs: context.handoffs } : {}),
      });
      app.route('/slack', createSlackRoutes(slack));
      const apiUrl = settings.apiUrl ?? DEFAULT_SLACK_API_URL;
      return {
        status:
          'POST /slack/events (events, /advise, /bias, /bench, buttons); not yet checked with auth.test',
        check: async () =>
          describeSlackConnection(await checkSlackConnection(slack.app.client, settings.botToken, apiUrl)),
      };
    },
  };
}

/** Reads Slack's settings from the environment (failing fast on a bad value) and returns its adapter. */
export function loadSlackChannel(environment: Record<string, string | undefined>): SlackChannel {
  return slackChannel(loadSlackSettings(environment));
}
