import { checkForeignPii } from './check-foreign-pii.ts';
import { checkFormat } from './check-format.ts';
import { checkObeyedInjection } from './check-obeyed-injection.ts';
import { checkPromissoryLanguage } from './check-promissory-language.ts';
import { checkSystemPromptEcho } from './check-system-prompt-echo.ts';
import { checkUngroundedNumbers } from './check-ungrounded-numbers.ts';
import { checkUnknownProducts } from './check-unknown-products.ts';
import { checkUnrecommendedProducts } from './check-unrecommended-products.ts';
import type { ReplyCheck } from './reply-check.ts';
import type { ValidationContext } from './validation-context.ts';
import type { ValidationIssue, Verdict } from './validation-issue.ts';

/**
 * The checks one sentence can fail on its own, run as a reply streams. Whole-reply checks (a risk disclosure
 * somewhere, length) run on the finished text with `validateReply`.
 */
export const SENTENCE_CHECKS: readonly ReplyCheck[] = [
  checkUnknownProducts,
  checkUnrecommendedProducts,
  checkUngroundedNumbers,
  checkPromissoryLanguage,
  checkForeignPii,
  checkSystemPromptEcho,
  checkObeyedInjection,
  checkFormat,
];

/** Runs the sentence checks on one streamed sentence; it may be shown only when the verdict is ok. */
export function validateSentence(sentence: string, context: ValidationContext): Verdict {
  const issues: ValidationIssue[] = SENTENCE_CHECKS.flatMap((check) => check(sentence, context));
  return issues.length === 0 ? { ok: true, issues: [] } : { ok: false, issues };
}
