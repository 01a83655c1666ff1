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
