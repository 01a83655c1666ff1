import type { ConversationCore } from '../bot/core/index.ts';
import type { FeedbackRequest } from './web-chat-requests.ts';

/**
 * Stores a web customer's vote through the core's one feedback rule (own turn, recommended product, latest vote
 * counts), the same rule Slack and Teams buttons go through; refusals surface as the core's errors.
 */
export async function recordFeedback(
  core: Pick<ConversationCore, 'recordFeedback'>,
  customerId: string,
  request: FeedbackRequest,
): Promise<{ recorded: true }> {
  await core.recordFeedback(
    { channel: 'web', userId: customerId, role: 'customer', customerId },
    {
      turnId: request.turnId,
      rating: request.rating,
      productId: request.productId ?? null,
      accepted: request.accepted ?? null,
    },
  );
  // No sequence number in the answer: like turn ids, it would tell customers how much feedback the bank gets.
  return { recorded: true };
}
