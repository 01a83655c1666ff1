import { foldText } from './fold-text.ts';
import { findProductMentions } from './product-mentions.ts';
import type { ReplyCheck } from './reply-check.ts';
import type { ValidationIssue } from './validation-issue.ts';

/** A reply may name only the products the recommender returned this turn, not other catalogue products. */
export const checkUnrecommendedProducts: ReplyCheck = (reply, context) => {
  const allowed = new Set(context.recommendedProductIds);
  const flagged = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const mention of findProductMentions(foldText(reply), context.catalog)) {
    const productId = mention.productId;
    if (productId === null || allowed.has(productId) || flagged.has(productId)) continue;
    flagged.add(productId);
    issues.push({ reason: 'unrecommended_product', productId });
  }
  return issues;
};
