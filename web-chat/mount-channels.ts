import type { Hono } from 'hono';
import type { AppConfig } from '../bot/app-config.ts';
import type { Advisor } from '../bot/create-advisor.ts';
import type { WebChatEnv } from './create-web-chat-app.ts';

/** What one channel's endpoint does on this server, for the start-up banner. */
export interface ChannelStatus {
  /** The channel's name in the roles file and the audit log ("slack"). */
  name: string;
  /** How the banner names it ("Slack"). */
  label: string;
  /** The live endpoint, or why it is disabled and what to set. */
  status: string;
  /** Asks the platform who the bot is and returns the banner line; null when there is nothing to ask. */
  check: (() => Promise<string>) | null;
}

/**
 * Mounts every configured channel (Slack at `POST /slack/events`, Teams at `POST /api/messages`, …) on the web
 * chat's server, so every channel is served on one port over the same conversation core. A channel without
 * credentials answers 503 with what to set, rather than accepting unverifiable requests.
 */
export function mountChannels(
  app: Hono<WebChatEnv>,
  advisor: Pick<Advisor, 'core' | 'roles' | 'adminReports'> & Partial<Pick<Advisor, 'handoffs'>>,
  config: Pick<AppConfig, 'channels' | 'server' | 'web'>,
): ChannelStatus[] {
  const context = {
    core: advisor.core,
    roles: advisor.roles,
    adminReports: advisor.adminReports,
    ...(advisor.handoffs ? { handoffs: advisor.handoffs } : {}),
    server: {
      host: config.server.host,
      publicUrl: config.server.publicUrl,
      trustProxy: config.web.trustProxy,
      demo: config.web.demo,
    },
  };
  return config.channels.map((channel) => {
    const mounted = channel.mount(app, context);
    return { name: channel.name, label: channel.label, status: mounted.status, check: mounted.check ?? null };
  });
}
