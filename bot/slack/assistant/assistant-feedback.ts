import type { FeedbackVote } from '../../core/index.ts';

const RATING_VALUE = /^(up|down):([A-Za-z0-9_-]{1,64})$/;

/** Reads a native feedback button's value (`up:<turnId>` / `down:<turnId>`) as a vote; null when unreadable. */
export function assistantFeedbackVote(value: string | undefined): FeedbackVote | null {
  const match = RATING_VALUE.exec(value ?? '');
  if (!match?.[1] || !match[2]) return null;
  return { turnId: match[2], rating: match[1] === 'up' ? 'up' : 'down', productId: null, accepted: null };
}
