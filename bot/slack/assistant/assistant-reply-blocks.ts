import type { types } from '@slack/bolt';
import { type OutboundReply, presentRiskOnce } from '../../core/index.ts';
import { quickReplyBlock } from '../quick-reply-blocks.ts';
import { MAX_BLOCKS, MAX_SECTION_CHARACTERS, splitIntoSections, toBlocks } from '../slack-blocks.ts';
import { FEEDBACK_ACTIONS } from '../slack-feedback-blocks.ts';
import { markdownToMrkdwn } from '../slack-mrkdwn.ts';

type KnownBlock = types.KnownBlock;
type ContextActionsBlock = types.ContextActionsBlock;

/** The action id of the feedback buttons on assistant replies; their values are `up:<turnId>` / `down:<turnId>`. */
export const ASSISTANT_FEEDBACK_ACTION = 'assistant_feedback';

/** Slack's native 👍/👎 for AI replies (a `context_actions` block with `feedback_buttons`), tied to the turn. */
export function feedbackButtonsBlock(turnId: string): ContextActionsBlock {
  return {
    type: 'context_actions',
    block_id: 'assistant_feedback',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: ASSISTANT_FEEDBACK_ACTION,
        positive_button: {
          text: { type: 'plain_text', text: 'Helpful' },
          accessibility_label: 'Mark this answer as helpful',
          value: `up:${turnId}`,
        },
        negative_button: {
          text: { type: 'plain_text', text: 'Not helpful' },
          accessibility_label: 'Mark this answer as not helpful',
          value: `down:${turnId}`,
        },
      },
    ],
  };
}

/**
 * What follows a streamed answer (passed to `chat.stopStream`): the product cards, risk warning, sources and
 * badge exactly as mentions show them, then the quick replies and the native feedback buttons.
 */
export function streamedReplyFooter(reply: OutboundReply): KnownBlock[] {
  const footer = toBlocks({ ...reply, text: '' });
  // The streamed text already carried the risk warning: the footer must not repeat it (once per message).
  const streamedRisk = presentRiskOnce({ text: reply.text, products: [] }).riskDisclosure !== null;
  return withAssistantActions(streamedRisk ? footer.filter((block) => !isRiskWarning(block)) : footer, reply);
}

/** The whole reply as blocks (for `chat.update` after a replacement): text split into sections, then the footer. */
export function assistantReplyBlocks(reply: OutboundReply): KnownBlock[] {
  return withAssistantActions(toBlocks(reply), reply);
}

/** A replaced text shown while the rest of the reply is still being written: sections only, within the limits. */
export function replacedTextBlocks(text: string): KnownBlock[] {
  return splitIntoSections(markdownToMrkdwn(text), MAX_SECTION_CHARACTERS)
    .slice(0, MAX_BLOCKS)
    .map((piece) => ({ type: 'section', text: { type: 'mrkdwn', text: piece } }));
}

/**
 * Swaps the mention-style 👍/👎 buttons for the native feedback buttons and adds the quick replies, dropping the
 * last text or card block before the footer if that is what keeps the message within Slack's block limit.
 */
function withAssistantActions(blocks: KnownBlock[], reply: OutboundReply): KnownBlock[] {
  const body = blocks.filter((block) => !isRatingButtons(block));
  const quickReplies = quickReplyBlock(reply.quickReplies);
  const actions: KnownBlock[] = [...(quickReplies ? [quickReplies] : []), feedbackButtonsBlock(reply.turnId)];
  let footerStart = body.length;
  while (footerStart > 0 && body[footerStart - 1]?.type === 'context') footerStart -= 1;
  while (body.length + actions.length > MAX_BLOCKS && footerStart > 0) {
    body.splice(footerStart - 1, 1);
    footerStart -= 1;
  }
  return [...body, ...actions];
}

function isRiskWarning(block: KnownBlock): boolean {
  const [first] = block.type === 'context' ? block.elements : [];
  return (
    first !== undefined && 'text' in first && typeof first.text === 'string' && first.text.startsWith('⚠️')
  );
}

function isRatingButtons(block: KnownBlock): boolean {
  if (block.type !== 'actions') return false;
  const ratings: readonly string[] = [FEEDBACK_ACTIONS.up, FEEDBACK_ACTIONS.down];
  return block.elements.every(
    (element) => 'action_id' in element && ratings.includes(element.action_id ?? ''),
  );
}
