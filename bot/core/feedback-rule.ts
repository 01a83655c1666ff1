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

/** A voter's choice: 👍/👎 rate the reply; "interested"/"not_interested" are about one product. */
export type FeedbackChoice = 'up' | 'down' | 'interested' | 'not_interested';

/** What a vote did, so a channel can show the button as chosen. */
export interface FeedbackOutcome {
  /** A new audit record was written (false when the vote repeated the voter's current choice). */
  recorded: boolean;
  /** The vote was the voter's current choice already: nothing was written and no ranking moved. */
  repeated: boolean;
  /** The voter's choice now. */
  choice: FeedbackChoice;
  /** The product an interest vote was about; null for a rating of the reply. */
  productId: string | null;
}

/** What the feedback rule reads and writes. */
export interface FeedbackRuleDependencies {
  audit: Pick<AuditStore, 'turns' | 'feedback' | 'appendFeedback'>;
  turnIds: TurnIdCodec;
}

/**
 * The one feedback rule, for every channel: a vote is accepted only on a turn the voter may see (a customer's own
 * turn; for staff, a customer they may ask about), and names a product only if that turn recommended it. A 👍/👎
 * is about the reply (one current choice per voter and turn); "interested"/"not for me" is about one product for
 * the turn's customer (one current choice per voter, customer and product, whichever reply carried the button).
 * A vote equal to the voter's current choice is a repeat: nothing is written. Changing one's mind is recorded.
 * Throws CoreError NOT_FOUND, NOT_AUTHORISED or INVALID_INPUT naming what was wrong.
 */
export async function applyFeedbackRule(
  dependencies: FeedbackRuleDependencies,
  actor: Actor,
  vote: FeedbackVote,
): Promise<FeedbackOutcome> {
  const choice = choiceOf(vote);
  const turn = await findTurn(dependencies, vote.turnId);
  assertMayVoteOn(actor, turn, vote.turnId);
  const { productId } = vote;
  if (productId !== null && !turn.recommendations.some((item) => item.productId === productId)) {
    throw new CoreError(
      'INVALID_INPUT',
      `productId: ${productId} was not recommended in turn ${vote.turnId}.`,
    );
  }
  const current = await currentChoice(dependencies, actor, turn, productId);
  if (current === choice) return { recorded: false, repeated: true, choice, productId };
  await dependencies.audit.appendFeedback({
    turnSeq: turn.seq,
    actor: { id: actor.userId, role: actor.role },
    rating: vote.rating,
    productId,
    accepted: vote.accepted,
    channel: actor.channel,
  });
  return { recorded: true, repeated: false, choice, productId };
}

/** The choice a stored vote expresses. */
export function choiceOfRecord(
  record: Pick<FeedbackRecord, 'rating' | 'productId' | 'accepted'>,
): FeedbackChoice | null {
  if (record.rating !== null) return record.rating;
  if (record.productId !== null && record.accepted !== null) {
    return record.accepted ? 'interested' : 'not_interested';
  }
  return null;
}

function choiceOf(vote: FeedbackVote): FeedbackChoice {
  const hasInterest = vote.productId !== null || vote.accepted !== null;
  if (vote.rating !== null && hasInterest) {
    throw new CoreError(
      'INVALID_INPUT',
      'Feedback is either a rating of the reply ("up" or "down") or interest in one product (productId and accepted), not both.',
    );
  }
  if (vote.rating !== null) return vote.rating;
  if (vote.productId === null || vote.accepted === null) {
    throw new CoreError(
      'INVALID_INPUT',
      'Feedback needs a rating ("up" or "down"), or a productId with accepted true or false.',
    );
  }
  return vote.accepted ? 'interested' : 'not_interested';
}

/** The voter's latest choice of the same kind: on this reply for a rating, on this product for this customer otherwise. */
async function currentChoice(
  dependencies: FeedbackRuleDependencies,
  actor: Actor,
  turn: AuditRecord,
  productId: string | null,
): Promise<FeedbackChoice | null> {
  const records =
    productId === null || turn.customerId === null
      ? await dependencies.audit.feedback({ turnSeq: turn.seq })
      : await dependencies.audit.feedback({ customerId: turn.customerId });
  let latest: FeedbackChoice | null = null;
  for (const record of records) {
    if (record.actor.id !== actor.userId || record.actor.role !== actor.role) continue;
    if (record.channel !== actor.channel) continue;
    if (productId === null ? record.rating === null : record.productId !== productId) continue;
    latest = choiceOfRecord(record) ?? latest;
  }
  return latest;
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
