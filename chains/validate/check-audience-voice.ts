import type { ReplyCheck } from './reply-check.ts';
import type { ValidationIssue } from './validation-issue.ts';

const MONEY_NOUNS =
  'savings|income|salary|spending|spend|debt|debts|balance|balances|accounts?|portfolio|mortgage|loans?|horizon|money|finances|budget|pension|retirement|investments?|credit|cards?|risk tolerance|expenses|transactions|net worth|assets';
/** "your savings", "your 1-year horizon": the customer's money, addressed to whoever reads. */
const YOUR_MONEY = new RegExp(`\\byour\\s+(?:[\\w$,.%-]+\\s+){0,2}?(?:${MONEY_NOUNS})\\b`, 'gi');
/** "You have $1,015,800 in savings", "you keep about 2% of …", "you owe $3,000". */
const YOU_HAVE_MONEY = new RegExp(
  `\\byou\\s+(?:have|hold|keep|spend|spent|save|saved|earn|earned|owe|owed|pay|paid)\\b(?:\\s+[\\w$,.%'-]+){0,5}?\\s*(?:[$€£]?\\d[\\d,.]*\\d|[$€£]?\\d|\\b(?:${MONEY_NOUNS})\\b)`,
  'gi',
);
/** "this customer", "the customer's …", "C-000042 has …": speaking about the reader as someone else. */
const ABOUT_THE_CUSTOMER =
  /\b(?:this|the)\s+customer(?:'s|’s)?\b|\bC-\d{4,}(?:'s|’s|\s+(?:has|is|keeps|spends|holds|owes|earns|saves|pays|had|was)\b)/gi;

/**
 * Replies are worded for their reader: an advisor reads about the customer in the third person ("C-000042 has …"),
 * never "you have $… in savings" as if the money were theirs; a customer is spoken to ("you"), never about ("this
 * customer", "C-000042 has …"). Runs on every writer's draft, so a model that slips is repaired or replaced.
 */
export const checkAudienceVoice: ReplyCheck = (reply, context) => {
  if (context.audience === undefined) return [];
  const patterns = context.audience === 'advisor' ? [YOUR_MONEY, YOU_HAVE_MONEY] : [ABOUT_THE_CUSTOMER];
  // Without a customer in the conversation there is nobody to speak about in the wrong voice.
  if (context.customer === null) return [];
  const issues: ValidationIssue[] = [];
  for (const pattern of patterns) {
    for (const match of reply.matchAll(pattern)) {
      issues.push({ reason: 'wrong_audience_voice', audience: context.audience, text: match[0] });
    }
  }
  return issues;
};
