import type { ReplyCheck } from './reply-check.ts';

/** Longest reply a chat bubble should carry, in characters and in lines. */
export const DEFAULT_LIMITS = { maxCharacters: 2000, maxLines: 40 } as const;

/** Replies past the character or line limit are too long to read in a chat window. */
export const checkLength: ReplyCheck = (reply, context) => {
  const maxCharacters = context.limits?.maxCharacters ?? DEFAULT_LIMITS.maxCharacters;
  const maxLines = context.limits?.maxLines ?? DEFAULT_LIMITS.maxLines;
  const lines = reply.split(/\r\n|\r|\n/).length;
  return reply.length > maxCharacters || lines > maxLines
    ? [{ reason: 'too_long', characters: reply.length }]
    : [];
};
