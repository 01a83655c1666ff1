import type { Hono } from 'hono';
import type { AdminReports } from './admin-reports.ts';
import type { ConversationCore } from './conversation-core.ts';
import type { HandoffDesk } from './handoff/index.ts';
import type { Channel, RoleDirectory } from './roles.ts';

/** What every channel is given when it is mounted: the one conversation core and the server they all share. */
export interface ChannelContext {
  core: ConversationCore;
  roles: RoleDirectory;
  adminReports: AdminReports;
  /** The advisor handoff desk: channels that reach advisors deliver handoffs and take their answers. */
  handoffs?: HandoffDesk;
  /** The server as people and proxies reach it: for links (`publicUrl`) and for refusing unsafe local modes. */
  server: { host: string; publicUrl: string | undefined; trustProxy: number; demo: boolean };
}

/** What a mounted channel tells the start-up banner. */
export interface ChannelMount {
  /** One line: the endpoint that is live, or why it is disabled and what to set. */
  status: string;
  /** Asks the platform who the bot is and returns the banner line that replaces `status`; absent when there is nothing to ask. */
  check?: () => Promise<string>;
}

/**
 * One chat platform the bot speaks on (bolt's `Receiver` idea): it carries its own parsed settings and mounts its
 * routes on the shared server, translating to and from the core. Adding a channel is a folder exporting one of
 * these and a line in `bot/channel-list.ts`.
 */
export interface ChannelAdapter {
  /** The channel's name in the roles file and the audit log. */
  readonly name: Channel;
  /** How the start-up banner names it ("Slack"). */
  readonly label: string;
  /** Adds the channel's routes (or a 503 saying what to set) to the server and says what is live. */
  mount(app: Hono, context: ChannelContext): ChannelMount;
}
