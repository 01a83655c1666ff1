import type { types } from '@slack/bolt';
import { FAKE_BOT, type RecordedSlackCall } from '../fake-slack-web-api.ts';
import { CHANNEL, envelope, nextTs } from '../slack-payloads.ts';

type Block = types.KnownBlock;

/** The assistant-thread DM channel of a test user (Slack gives each user one DM with the app). */
export function assistantChannel(user: string): string {
  return `D${user}`;
}

/** `assistant_thread_started`, as Slack sends it when `user` opens the assistant beside CHANNEL. */
export function threadStarted(user: string, threadTs: string, viewing = CHANNEL): Record<string, unknown> {
  return envelope({
    type: 'assistant_thread_started',
    ts: nextTs(),
    assistant_thread: {
      user_id: user,
      context: { channel_id: viewing, team_id: FAKE_BOT.teamId, enterprise_id: null },
      channel_id: assistantChannel(user),
      thread_ts: threadTs,
    },
  });
}

/** `assistant_thread_context_changed`: the user moved to another channel with the panel open. */
export function threadContextChanged(
  user: string,
  threadTs: string,
  viewing: string,
): Record<string, unknown> {
  return envelope({
    type: 'assistant_thread_context_changed',
    ts: nextTs(),
    assistant_thread: {
      user_id: user,
      context: { channel_id: viewing, team_id: FAKE_BOT.teamId, enterprise_id: null },
      channel_id: assistantChannel(user),
      thread_ts: threadTs,
    },
  });
}

/** A message the user writes in a DM thread (an assistant thread or another), as `message.im`. */
export function threadMessage(
  user: string,
  threadTs: string,
  text: string,
  channel = assistantChannel(user),
): Record<string, unknown> {
  return envelope({
    type: 'message',
    channel,
    channel_type: 'im',
    user,
    text,
    ts: nextTs(),
    thread_ts: threadTs,
  });
}

/** `app_home_opened` on the Home tab. */
export function homeOpened(user: string): Record<string, unknown> {
  return envelope({
    type: 'app_home_opened',
    user,
    channel: assistantChannel(user),
    tab: 'home',
    ts: nextTs(),
  });
}

/** A block_actions payload for a click on `action` in a message in `channel` (thread `threadTs`, if a reply). */
export function messageClick(
  action: Record<string, unknown>,
  message: { channel: string; ts: string; threadTs?: string },
  responseUrl: string,
  user: string,
): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: FAKE_BOT.teamId },
    api_app_id: 'A0ADVISOR',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
    trigger_id: `trigger-${nextTs()}`,
    team: { id: FAKE_BOT.teamId, domain: 'test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: message.channel, name: 'directmessage' },
    message: {
      type: 'message',
      ts: message.ts,
      text: 'reply',
      ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    },
    response_url: responseUrl,
    actions: [{ block_id: 'block', action_ts: `${Date.now() / 1000}`, ...action }],
  };
}

/** A block_actions payload for a click on a button of the App Home view. */
export function homeClick(button: Record<string, unknown>, user: string): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: FAKE_BOT.teamId },
    api_app_id: 'A0ADVISOR',
    token: 'legacy-verification-token',
    container: { type: 'view', view_id: 'VHOME' },
    trigger_id: `trigger-${nextTs()}`,
    team: { id: FAKE_BOT.teamId, domain: 'test' },
    enterprise: null,
    is_enterprise_install: false,
    view: { id: 'VHOME', type: 'home', blocks: [] },
    actions: [{ block_id: 'home', action_ts: `${Date.now() / 1000}`, ...button }],
  };
}

/** The elements of every block of `type` in a recorded call's blocks. */
export function elementsOf(call: RecordedSlackCall, type: string): Record<string, unknown>[] {
  const blocks = (call.body.blocks ??
    (call.body.view as { blocks?: Block[] } | undefined)?.blocks ??
    []) as Block[];
  return blocks
    .filter((block) => block.type === type)
    .flatMap((block) =>
      'elements' in block ? (block.elements as unknown as Record<string, unknown>[]) : [],
    );
}

/** Every markdown_text a streamed reply sent, in order. */
export function streamedText(calls: readonly RecordedSlackCall[]): string {
  return calls
    .filter((call) => call.method === 'chat.startStream' || call.method === 'chat.appendStream')
    .map((call) => String(call.body.markdown_text ?? ''))
    .join('');
}
