import type { types } from '@slack/bolt';
import { FAKE_BOT, type RecordedSlackCall } from './fake-slack-web-api.ts';

/** The channel and DM the tests talk in. */
export const CHANNEL = 'C0ADVICE';
export const DM = 'D0ADVISOR';

type Block = types.KnownBlock;
type Button = types.Button;

let tsCounter = 1_700_000_000;
/** A fresh Slack message ts, unique within the test run. */
export function nextTs(): string {
  tsCounter += 1;
  return `${tsCounter}.000200`;
}

/** An Events API envelope around `event`, as Slack posts it. */
export function envelope(event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_BOT.teamId,
    api_app_id: 'A0ADVISOR',
    type: 'event_callback',
    event_id: `Ev${String(event.ts)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: FAKE_BOT.teamId, user_id: FAKE_BOT.userId, is_bot: true }],
    event: { event_ts: event.ts, ...event },
  };
}

/** An app_mention in CHANNEL; `threadTs` makes it a reply in that thread. */
export function mention(user: string, text: string, ts: string, threadTs?: string): Record<string, unknown> {
  return envelope({
    type: 'app_mention',
    user,
    text,
    ts,
    channel: CHANNEL,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
}

/** A message.im event in DM. */
export function directMessage(fields: Record<string, unknown>): Record<string, unknown> {
  return envelope({ type: 'message', channel: DM, channel_type: 'im', ...fields });
}

/** A slash command's form fields, as Slack posts them. */
export function slashCommand(
  name: string,
  user: string,
  text: string,
  responseUrl: string,
): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_BOT.teamId,
    team_domain: 'test',
    channel_id: CHANNEL,
    channel_name: 'advice',
    user_id: user,
    user_name: user.toLowerCase(),
    command: name,
    text,
    api_app_id: 'A0ADVISOR',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `trigger-${nextTs()}`,
  };
}

/** A block_actions payload for a click on `button` in the message `messageTs`. */
export function blockAction(
  button: Button & { block_id?: string },
  messageTs: string,
  responseUrl: string,
  user = 'U0ADVISOR',
  messageBlocks?: Block[],
): Record<string, unknown> {
  const { block_id: blockId, ...clicked } = button;
  return {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: FAKE_BOT.teamId },
    api_app_id: 'A0ADVISOR',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: messageTs, channel_id: CHANNEL, is_ephemeral: false },
    trigger_id: `trigger-${nextTs()}`,
    team: { id: FAKE_BOT.teamId, domain: 'test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: CHANNEL, name: 'advice' },
    // Slack sends the clicked message back with its blocks, as the app last rendered them.
    message: {
      type: 'message',
      ts: messageTs,
      text: 'reply',
      ...(messageBlocks ? { blocks: messageBlocks } : {}),
    },
    response_url: responseUrl,
    actions: [{ ...clicked, block_id: blockId ?? 'product-card', action_ts: `${Date.now() / 1000}` }],
  };
}

/** The blocks a recorded call carried. */
export function blocksOf(call: RecordedSlackCall): Block[] {
  return call.body.blocks as Block[];
}

/** Every button in the blocks in order, each with the block_id of its row (Slack reports it with a click). */
export function buttons(blocks: Block[]): (Button & { block_id?: string })[] {
  return blocks.flatMap((block) => {
    if (block.type === 'actions') {
      return block.elements
        .filter((element): element is Button => element.type === 'button')
        .map((button) => ({ ...button, ...(block.block_id ? { block_id: block.block_id } : {}) }));
    }
    if (block.type === 'section' && block.accessory?.type === 'button') return [block.accessory];
    return [];
  });
}
