import type { ConversationCore, FeedbackChoice } from '../bot/core/index.ts';
import type { FeedbackRequest } from './web-chat-requests.ts';

/** The answer of `POST /api/feedback`: what the widget needs to show the button as chosen. */
export interface FeedbackResponse {
  /** A new vote was written (201); false when it repeated the customer's current choice (200, nothing written). */
  recorded: boolean;
  repeated: boolean;
  /** The customer's choice now: "up" / "down" for the reply, "interested" / "not_interested" for the product. */
  choice: FeedbackChoice;
}

/**
 * Stores a web customer's vote through the core's one feedback rule (own turn, recommended product, one current
 * choice per button), the same rule Slack and Teams buttons go through; refusals surface as the core's errors.
 */
export async function recordFeedback(
  core: Pick<ConversationCore, 'recordFeedback'>,
  customerId: string,
  request: FeedbackRequest,
): Promise<FeedbackResponse> {
  const outcome = await core.recordFeedback(
    { channel: 'web', userId: customerId, role: 'customer', customerId },
    {
      turnId: request.turnId,
      rating: request.rating,
      productId: request.productId ?? null,
      accepted: request.accepted ?? null,
    },
  );
  // No sequence number in the answer: like turn ids, it would tell customers how much feedback the bank gets.
  return { recorded: outcome.recorded, repeated: outcome.repeated, choice: outcome.choice };
}
