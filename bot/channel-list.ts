import type { ChannelAdapter } from './core/index.ts';
import { loadSlackChannel } from './slack/index.ts';
import { loadTeamsChannel } from './teams/index.ts';

/**
 * Every chat platform the server mounts, each reading its own settings from the environment. A new channel is a
 * folder exporting a `ChannelAdapter` loader and one line here (and its name in the audit log's channel list).
 */
export const CHANNEL_LOADERS: ReadonlyArray<
  (environment: Record<string, string | undefined>) => ChannelAdapter
> = [loadSlackChannel, loadTeamsChannel];
