import type { webApi } from '@slack/bolt';
import type { HandoffNotifier } from '../../core/handoff/index.ts';
import { handoffRequestBlocks, handoffRequestText } from './slack-handoff-blocks.ts';

/**
 * Sends a handoff to an advisor as a Slack DM (conversations.open, then chat.postMessage) with Approve / Edit /
 * Take over; needs the `im:write` and `chat:write` scopes.
 */
export function slackHandoffNotifier(client: webApi.WebClient, botToken: string): HandoffNotifier {
  return {
    channel: 'slack',
    async notify(handoff, advisor) {
      const opened = await client.conversations.open({ token: botToken, users: advisor.userId });
      const channel = opened.channel?.id;
      if (!channel) throw new Error(`Slack opened no DM with advisor ${advisor.userId}`);
      await client.chat.postMessage({
        token: botToken,
        channel,
        text: handoffRequestText(handoff),
        blocks: handoffRequestBlocks(handoff),
      });
    },
  };
}
