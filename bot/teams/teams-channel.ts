import type { Hono } from 'hono';
import type { ChannelAdapter, ChannelContext, ChannelMount } from '../core/index.ts';
import { AdvisorTeamsBot } from './advisor-teams-bot.ts';
import {
  createEmulatorAdapter,
  createTeamsAdapter,
  createTeamsRoutes,
  loadTeamsSettings,
  type TeamsAdapterSettings,
} from './create-teams-routes.ts';
import { TeamsHandoffBridge } from './handoff/index.ts';
import { teamsEmulatorRefusal } from './teams-emulator-mode.ts';

/** Teams as a channel: `POST /api/messages` over the core, with its Azure registration (null = not configured). */
export interface TeamsChannel extends ChannelAdapter {
  readonly settings: TeamsAdapterSettings | null;
}

/**
 * Teams' adapter for the given settings. Without them it serves the Bot Framework Emulator on a loopback demo
 * server, and otherwise answers 503 naming what to set and why the emulator mode was refused.
 */
export function teamsChannel(settings: TeamsAdapterSettings | null): TeamsChannel {
  return {
    name: 'teams',
    label: 'Teams',
    settings,
    mount: (app: Hono, context: ChannelContext): ChannelMount => {
      const { publicUrl, host, trustProxy, demo } = context.server;
      // Teams advisors get handoffs as proactive cards in their 1:1 chat with the bot (see TeamsHandoffBridge).
      const teamsHandoffs = () => {
        if (!context.handoffs) return {};
        const bridge = new TeamsHandoffBridge(context.handoffs, settings?.appId ?? '');
        context.handoffs.addNotifier(bridge);
        return { handoffs: bridge };
      };
      const teamsBot = (emulator: boolean) =>
        new AdvisorTeamsBot({
          ...teamsHandoffs(),
          core: context.core,
          roles: context.roles,
          adminReports: context.adminReports,
          emulator,
          // Long bias/bench runs are posted proactively as the bot's own app ('' in the local emulator mode).
          reports: { botAppId: settings?.appId ?? '' },
          ...(publicUrl ? { dashboardUrl: `${publicUrl}/admin` } : {}),
        });
      if (settings) {
        app.route('/api', createTeamsRoutes(createTeamsAdapter(settings), teamsBot(false)));
        return { status: 'POST /api/messages (Bot Framework, JWT-verified)' };
      }
      const emulatorRefusal = teamsEmulatorRefusal({ host, trustProxy, demo });
      if (emulatorRefusal === null) {
        app.route('/api', createTeamsRoutes(createEmulatorAdapter(), teamsBot(true)));
        return {
          status:
            'LOCAL EMULATOR MODE (MICROSOFT_APP_ID unset): POST /api/messages accepts UNAUTHENTICATED activities on this loopback address — for the Bot Framework Emulator only',
        };
      }
      app.post('/api/messages', (request) =>
        request.json(
          {
            error: {
              code: 'UNAVAILABLE',
              message: 'Teams is not configured: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD.',
            },
          },
          503,
        ),
      );
      return {
        status: `disabled (set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD; the local emulator mode is refused: ${emulatorRefusal}); POST /api/messages answers 503`,
      };
    },
  };
}

/** Reads the `MICROSOFT_APP_*` settings from the environment (failing fast on a bad value) and returns Teams' adapter. */
export function loadTeamsChannel(environment: Record<string, string | undefined>): TeamsChannel {
  return teamsChannel(loadTeamsSettings(environment));
}
