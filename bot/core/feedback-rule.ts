import type { AuditRecord, AuditStore, FeedbackRecord } from '../audit/index.ts';
import { assertMayAccessCustomer } from './access-refusal.ts';
import { CoreError } from './core-error.ts';
import type { Actor } from './roles.ts';
import type { TurnIdCodec } from './turn-id.ts';

/** A vote from any channel: a 👍/👎 on a turn, or interest in (or rejection of) one product it recommended. */
export interface FeedbackVote {
  /** The opaque turn id the reply carried (TurnIdCodec), never the audit log's sequence number. */
  turnId: string;
  rating: 'up' | 'down' | null;
  productId: string | null;
  accepted: boolean | null;
}

/** What the feedback rule reads and writes. */
export interface FeedbackRuleDependencies {
  audit: Pick<AuditStore, 'turns' | 'appendFeedback'>;
  turnIds: TurnIdCodec;
}

/**
 * The one feedback rule, for every channel: a vote is accepted only on a turn the voter may see (a customer's own
 * turn; for staff, a customer they may ask about), and names a product only if that turn recommended it. Repeats
 * are appended (the audit log keeps everything); FeedbackPreferences counts only the latest vote per
 * (turn, product, kind), so sending the same vote again changes nothing.
 * Throws CoreError NOT_FOUND, NOT_AUTHORISED or INVALID_INPUT naming what was wrong.
 */
export async function applyFeedbackRule(
  dependencies: FeedbackRuleDependencies,
  actor: Actor,
  vote: FeedbackVote,
): Promise<FeedbackRecord> {
  const hasInterest = vote.productId !== null && vote.accepted !== null;
  if (vote.rating === null && !hasInterest) {
    throw new CoreError(
      'INVALID_INPUT',
      'Feedback needs a rating ("up" or "down"), or a productId with accepted true or false.',
    );
  }
  const turn = await findTurn(dependencies, vote.turnId);
  assertMayVoteOn(actor, turn, vote.turnId);
  const { productId } = vote;
  if (productId !== null && !turn.recommendations.some((item) => item.productId === productId)) {
    throw new CoreError(
      'INVALID_INPUT',
      `productId: ${productId} was not recommended in turn ${vote.turnId}.`,
    );
  }
  return await dependencies.audit.appendFeedback({
    turnSeq: turn.seq,
    actor: { id: actor.userId, role: actor.role },
    rating: vote.rating,
    productId,
    accepted: vote.accepted,
    channel: actor.channel,
  });
}

async function findTurn(dependencies: FeedbackRuleDependencies, turnId: string): Promise<AuditRecord> {
  const seq = dependencies.turnIds.decode(turnId);
  const [turn] = seq === null ? [] : await dependencies.audit.turns({ seq });
  if (!turn) throw new CoreError('NOT_FOUND', `There is no turn ${turnId}.`);
  return turn;
}

function assertMayVoteOn(actor: Actor, turn: AuditRecord, turnId: string): void {
  if (turn.customerId === null) {
    // A general question (about no customer): only whoever asked it may rate it.
    if (turn.actor.id === actor.userId && turn.channel === actor.channel) return;
    throw new CoreError('NOT_AUTHORISED', `Turn ${turnId} is not one of your conversations.`);
  }
  if (actor.role === 'customer' && actor.customerId !== turn.customerId) {
    throw new CoreError('NOT_AUTHORISED', `Turn ${turnId} is not one of your conversations.`);
  }
  assertMayAccessCustomer(actor, turn.customerId);
}
