import { foldText } from './fold-text.ts';
import { findProductMentions } from './product-mentions.ts';
import type { ReplyCheck } from './reply-check.ts';
import type { ValidationIssue } from './validation-issue.ts';

/**
 * A reply may name only real products: an invented name ("Platinum Growth Account") or id is an issue. A
 * product-like name the grounding texts themselves carry is not invented (a merchant such as "US Bank Home
 * Mortgage" in the customer's own transactions).
 */
export const checkUnknownProducts: ReplyCheck = (reply, context) => {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  let grounded: string | undefined;
  for (const mention of findProductMentions(foldText(reply), context.catalog)) {
    if (mention.productId !== null || seen.has(mention.text.toLowerCase())) continue;
    grounded ??= foldText(context.groundingTexts.join('\n')).toLowerCase();
    if (grounded.includes(mention.text.toLowerCase())) continue;
    seen.add(mention.text.toLowerCase());
    issues.push({ reason: 'unknown_product', text: mention.text });
  }
  return issues;
};
