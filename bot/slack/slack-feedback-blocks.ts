import type { types } from '@slack/bolt';
import type { FeedbackChoice, FeedbackOutcome, ProductCard } from '../core/index.ts';
import { escapeMrkdwn } from './slack-mrkdwn.ts';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

/** Action ids of the feedback buttons; the app routes every `feedback_*` action to the audit log. */
export const FEEDBACK_ACTIONS = {
  up: 'feedback_up',
  down: 'feedback_down',
  accept: 'feedback_accept',
  decline: 'feedback_decline',
} as const;

/** The block id of the 👍/👎 row; a product's row is `product:<productId>`, so a click names the row to replace. */
export const RATING_BLOCK_ID = 'rating';
const MAX_BUTTON_LABEL_CHARACTERS = 75;
const MAX_BLOCK_ID_CHARACTERS = 255;

/** What a chosen button becomes: the choice, shown once the vote is on record. */
export const CHOSEN_LABELS: Record<FeedbackChoice, string> = {
  up: '✓ Helpful',
  down: '✓ Not helpful',
  interested: '✓ Interested',
  not_interested: '✓ Not for me',
};

/** The block id of a product's "Interested" / "Not for me" row. */
export function productBlockId(productId: string): string {
  return `product:${productId}`.slice(0, MAX_BLOCK_ID_CHARACTERS);
}

/** "Interested" and "Not for me" under a product card: the vote is about that product only. */
export function productVoteActions(
  product: Pick<ProductCard, 'productId' | 'name'>,
  turnId: string,
): KnownBlock {
  const value = JSON.stringify({ turnId, productId: product.productId });
  const button = (actionId: string, text: string, label: string): Button => ({
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text, emoji: true },
    value,
    accessibility_label: truncate(`${label} ${product.name}`, MAX_BUTTON_LABEL_CHARACTERS),
  });
  return {
    type: 'actions',
    block_id: productBlockId(product.productId),
    elements: [
      button(FEEDBACK_ACTIONS.accept, 'Interested', 'Interested in'),
      button(FEEDBACK_ACTIONS.decline, 'Not for me', 'Not interested in'),
    ],
  };
}

/** The 👍/👎 row: a rating of the reply as a whole, not of its products. */
export function ratingActions(turnId: string): KnownBlock {
  return {
    type: 'actions',
    block_id: RATING_BLOCK_ID,
    elements: [
      {
        type: 'button',
        action_id: FEEDBACK_ACTIONS.up,
        text: { type: 'plain_text', text: '👍 Helpful', emoji: true },
        value: turnId,
      },
      {
        type: 'button',
        action_id: FEEDBACK_ACTIONS.down,
        text: { type: 'plain_text', text: '👎 Not helpful', emoji: true },
        value: turnId,
      },
    ],
  };
}

/**
 * The message as it stands after a vote: the clicked row's buttons replaced by the choice ("✓ Interested", with
 * who chose it, since the message is seen by the channel); every other block unchanged. Null when the message's
 * blocks do not hold that row (e.g. an old message), so the caller confirms privately instead.
 */
export function markChosen(
  blocks: readonly KnownBlock[],
  blockId: string,
  outcome: Pick<FeedbackOutcome, 'choice'>,
  userId: string,
): KnownBlock[] | null {
  const index = blocks.findIndex((block) => block.type === 'actions' && block.block_id === blockId);
  if (index === -1) return null;
  const chosen: KnownBlock = {
    type: 'context',
    block_id: blockId,
    elements: [{ type: 'mrkdwn', text: `*${CHOSEN_LABELS[outcome.choice]}* — <@${escapeMrkdwn(userId)}>` }],
  };
  return blocks.map((block, position) => (position === index ? chosen : block));
}

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
