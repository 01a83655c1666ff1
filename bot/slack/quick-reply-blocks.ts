import type { types } from '@slack/bolt';
import { MAX_MESSAGE_CHARACTERS, type OutboundReply } from '../core/index.ts';
import { MAX_BLOCKS } from './slack-blocks.ts';

type KnownBlock = types.KnownBlock;
type ActionsBlock = types.ActionsBlock;

/** Action ids of quick-reply buttons are `quick_reply_<n>` (unique within their block, as Slack requires). */
export const QUICK_REPLY_ACTION = /^quick_reply_\d+$/;
/** The most topics offered as buttons; a clarifying question names two or three. */
export const MAX_QUICK_REPLIES = 5;
const MAX_BUTTON_TEXT_CHARACTERS = 75;

/**
 * The buttons for a clarifying question's topics (`OutboundReply.quickReplies`): clicking one sends the topic
 * as the clicker's next message in the thread. Null when the reply offers none.
 */
export function quickReplyBlock(quickReplies: readonly string[]): ActionsBlock | null {
  const topics = [...new Set(quickReplies.map((topic) => topic.trim()))]
    .filter((topic) => topic.length > 0 && topic.length <= MAX_MESSAGE_CHARACTERS)
    .slice(0, MAX_QUICK_REPLIES);
  if (topics.length === 0) return null;
  return {
    type: 'actions',
    block_id: 'quick_replies',
    elements: topics.map((topic, index) => ({
      type: 'button',
      action_id: `quick_reply_${index}`,
      text: { type: 'plain_text', text: shorten(topic, MAX_BUTTON_TEXT_CHARACTERS), emoji: true },
      value: topic,
    })),
  };
}

/**
 * Adds the quick-reply buttons right after the answer's text sections (before products and the footer); a
 * message already at Slack's block limit keeps its blocks and the topics stay named in its text.
 */
export function withQuickReplies(
  blocks: KnownBlock[],
  reply: Pick<OutboundReply, 'quickReplies'>,
): KnownBlock[] {
  const buttons = quickReplyBlock(reply.quickReplies);
  if (!buttons || blocks.length >= MAX_BLOCKS) return blocks;
  const afterText = blocks.findIndex((block) => block.type !== 'section' || block.accessory !== undefined);
  const at = afterText === -1 ? blocks.length : afterText;
  return [...blocks.slice(0, at), buttons, ...blocks.slice(at)];
}

/** The topic a quick-reply click sends, or null when the click is not a readable quick reply. */
export function quickReplyTopic(click: { action_id: string; value?: string }): string | null {
  if (!QUICK_REPLY_ACTION.test(click.action_id)) return null;
  const topic = click.value?.trim() ?? '';
  return topic.length > 0 && topic.length <= MAX_MESSAGE_CHARACTERS ? topic : null;
}

function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = Array.from(text)
    .slice(0, limit - 1)
    .join('');
  return `${cut}…`;
}
