import type { AuditStore } from '../bot/audit/index.ts';
import { WebChatError } from './web-chat-error.ts';
import type { FeedbackRequest } from './web-chat-requests.ts';

/**
 * Stores a customer's feedback on one of their own turns. A turn belongs to the customer it was about (its
 * `customerId`), so feedback on anyone else's turn is refused (403), and a product can only be marked as
 * interesting if that turn recommended it, which keeps feedback-driven ranking from being skewed from outside.
 */
export async function recordFeedback(
  audit: AuditStore,
  customerId: string,
  request: FeedbackRequest,
): Promise<{ feedbackSeq: number }> {
  const ownTurns = await audit.turns({ customerId });
  const turn = ownTurns.find((candidate) => candidate.seq === request.auditSeq);
  if (!turn) {
    // Sequence numbers are gap-free from 1 (the hash chain guarantees it), so the head says whether it exists.
    const head = await audit.head();
    if (head && request.auditSeq <= head.seq) {
      throw new WebChatError('NOT_AUTHORISED', `Turn ${request.auditSeq} is not one of your conversations.`);
    }
    throw new WebChatError('NOT_FOUND', `There is no turn ${request.auditSeq}.`);
  }
  const productId = request.productId ?? null;
  if (productId !== null && !turn.recommendations.some((item) => item.productId === productId)) {
    throw new WebChatError('INVALID_INPUT', `Product ${productId} was not recommended in turn ${turn.seq}.`, {
      field: 'productId',
    });
  }
  const record = await audit.appendFeedback({
    turnSeq: turn.seq,
    actor: { id: customerId, role: 'customer' },
    rating: request.rating,
    productId,
    accepted: request.accepted ?? null,
    channel: 'web',
  });
  return { feedbackSeq: record.seq };
}
