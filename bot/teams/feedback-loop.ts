import { z } from 'zod';

/** The invoke Teams sends when someone presses the 👍/👎 of a message sent with `feedbackLoopEnabled`. */
export const FEEDBACK_LOOP_INVOKE = 'message/submitAction';

/** The invoke's `value`: which reaction, and the optional text the person typed. */
export const FeedbackLoopValue = z.object({
  actionName: z.literal('feedback'),
  actionValue: z.object({
    reaction: z.enum(['like', 'dislike']),
    feedback: z.string().optional(),
  }),
});
export type FeedbackLoopValue = z.infer<typeof FeedbackLoopValue>;

/** The rating a Teams reaction stands for. */
export function ratingOf(value: FeedbackLoopValue): 'up' | 'down' {
  return value.actionValue.reaction === 'like' ? 'up' : 'down';
}

/**
 * Which turn each sent reply belongs to, by the Teams activity id the reply got (for a streamed reply, its stream
 * id): Teams' feedback invoke names only the message. Bounded: the oldest entries go first; after a restart an
 * old message's 👍 is answered plainly instead of being guessed.
 */
export class SentReplies {
  private readonly turns = new Map<string, string>();

  constructor(private readonly capacity = 5_000) {}

  /** Remembers that the message with this activity id carried this turn. */
  remember(activityId: string | undefined, turnId: string): void {
    if (!activityId) return;
    this.turns.delete(activityId);
    this.turns.set(activityId, turnId);
    if (this.turns.size > this.capacity) {
      const oldest = this.turns.keys().next().value;
      if (oldest !== undefined) this.turns.delete(oldest);
    }
  }

  /** The turn id of the message with this activity id, if remembered. */
  turnOf(activityId: string | undefined): string | undefined {
    return activityId ? this.turns.get(activityId) : undefined;
  }
}
