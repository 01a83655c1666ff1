import { checkAudienceVoice } from './check-audience-voice.ts';
import { checkForeignPii } from './check-foreign-pii.ts';
import { checkFormat } from './check-format.ts';
import { checkLength } from './check-length.ts';
import { checkObeyedInjection } from './check-obeyed-injection.ts';
import { checkPromissoryLanguage } from './check-promissory-language.ts';
import { checkRiskDisclosure } from './check-risk-disclosure.ts';
import { checkSystemPromptEcho } from './check-system-prompt-echo.ts';
import { checkUngroundedNumbers } from './check-ungrounded-numbers.ts';
import { checkUnknownProducts } from './check-unknown-products.ts';
import { checkUnrecommendedProducts } from './check-unrecommended-products.ts';
import type { ReplyCheck } from './reply-check.ts';
import type { ValidationContext } from './validation-context.ts';
import type { ValidationIssue, Verdict } from './validation-issue.ts';

/** Every check a reply must pass, in the order their issues are reported. */
export const REPLY_CHECKS: readonly ReplyCheck[] = [
  checkUnknownProducts,
  checkUnrecommendedProducts,
  checkUngroundedNumbers,
  checkPromissoryLanguage,
  checkRiskDisclosure,
  checkForeignPii,
  checkSystemPromptEcho,
  checkObeyedInjection,
  checkLength,
  checkFormat,
  checkAudienceVoice,
];

function issueKey(issue: ValidationIssue): string {
  return JSON.stringify(issue);
}

/**
 * Runs every deterministic check on a reply before it is sent, whatever wrote it (Mistral, a local model, a
 * template). Expected failures come back as issues; only a bug throws.
 * @example
 * const verdict = validateReply(reply, context);
 * if (!verdict.ok) reprompt(describeIssues(verdict.issues));
 */
export function validateReply(reply: string, context: ValidationContext): Verdict {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const check of REPLY_CHECKS) {
    for (const issue of check(reply, context)) {
      const key = issueKey(issue);
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues.length === 0 ? { ok: true, issues: [] } : { ok: false, issues };
}
