import { foldText } from './fold-text.ts';
import { isNegatedBefore, isQuoted } from './negation-window.ts';
import { PROMISSORY_PATTERNS } from './promissory-patterns.ts';
import type { ReplyCheck } from './reply-check.ts';
import type { ValidationIssue } from './validation-issue.ts';

/** Clauses that deny a promise; whatever they contain is a caution, not a promise. */
const SAFE_CLAUSES: readonly RegExp[] = [
  /\bno (?:such thing as|investment|investments|fund|product|one|way to be)\b(?:(?!\b(?:but|yet|though|although)\b)[^.!?;,])*/gi,
  /\b(?:nothing|nobody|no one|no-one|none of us) (?:is|are|can|could|will)\b(?:(?!\b(?:but|yet|though|although)\b)[^.!?;,])*/gi,
  /\b(?:can(?:no|')t|could(?:n't| not)|won't|will not|do(?:n't| not)|does(?:n't| not)|is(?:n't| not)|are(?:n't| not)|never|not|no|unable to) (?:(?:personally|really|actually|truly|fully|honestly|make|give|offer|any|a|an|the|you|that|this|future|specific|particular|returns?|be) ){0,3}(?:guarantee|promise|assure|ensure|predict)\w*(?:(?!\b(?:but|yet|though|although)\b)[^.!?;,])*/gi,
];

function blankSafeClauses(text: string): string {
  let blanked = text;
  for (const pattern of SAFE_CLAUSES)
    blanked = blanked.replace(pattern, (clause) => ' '.repeat(clause.length));
  return blanked;
}

/** Financial promotions must not promise returns or outcomes, in any paraphrase; cautions that deny them are fine. */
export const checkPromissoryLanguage: ReplyCheck = (reply): ValidationIssue[] => {
  const text = foldText(reply);
  const searchable = blankSafeClauses(text);
  const found: Array<{ start: number; end: number }> = [];
  for (const { pattern } of PROMISSORY_PATTERNS) {
    for (const match of searchable.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((span) => start < span.end && span.start < end)) continue;
      if (isNegatedBefore(text, start) || isQuoted(text, start, end)) continue;
      found.push({ start, end });
    }
  }
  return found
    .sort((first, second) => first.start - second.start)
    .map((span) => ({ reason: 'promissory_language', phrase: text.slice(span.start, span.end) }));
};
