import { INVESTMENT_PRODUCT_TYPES } from '../../knowledge/schemas.ts';
import type { ReplyLanguage } from '../compose/fixed-texts.ts';
import { FOREIGN_RISK_DISCLOSURES } from './approved-risk-disclosures.ts';
import { foldText } from './fold-text.ts';
import { findProductMentions } from './product-mentions.ts';
import type { ReplyCheck } from './reply-check.ts';
import type { ValidationIssue } from './validation-issue.ts';

/** Sentences that count as a risk disclosure, and their close variants. */
export const RISK_DISCLOSURES: readonly RegExp[] = [
  /\bvalue of (?:your |an |any |the )?(?:investments?|funds?|shares?|units?|portfolios?|holdings?)(?: and (?:any )?(?:the )?income(?: from (?:it|them))?)? (?:can|may|could|might) (?:go down as well as up|fall as well as rise|go up and down|go up or down|rise and fall|rise or fall|fall|go down|drop)/i,
  /\b(?:investments?|prices?|markets?|funds?|it|its value|their value|your investment|the value) (?:can|may|could|might) (?:go down|fall|drop|decline|lose value)/i,
  /\byou (?:may|might|could|can) (?:get back|receive|end up with) less than (?:you |the amount you )?(?:invest(?:ed)?|put in|paid in|your original)/i,
  /\byou (?:may|might|could|can) lose (?:some or all |some |part |all |money)/i,
  /\bcapital (?:is )?at risk\b/i,
  /\bpast performance (?:is not|isn't|is no|does not|doesn't) (?:a )?(?:reliable )?(?:guide|indicat|guarantee|predict)/i,
  /\b(?:investing|investments?|funds?) (?:always )?(?:involves?|carry|carries) (?:some )?risk/i,
  /\b(?:returns?|performance|growth|gains?) (?:are|is) (?:not|never) guaranteed\b/i,
  /\b(?:possible|potential) loss of (?:principal|capital)\b/i,
];

/** Whether the reply carries at least one risk disclosure in its language (another language's does not count). */
export function hasRiskDisclosure(text: string, language: ReplyLanguage = 'en'): boolean {
  const folded = foldText(text);
  const patterns = language === 'en' ? RISK_DISCLOSURES : FOREIGN_RISK_DISCLOSURES[language];
  return patterns.some((pattern) => pattern.test(folded));
}

/** An investment product (fund, retirement) may only be mentioned alongside a risk disclosure. */
export const checkRiskDisclosure: ReplyCheck = (reply, context) => {
  const text = foldText(reply);
  if (hasRiskDisclosure(text, context.language)) return [];
  const investmentIds = new Set(
    context.catalog
      .filter((product) => INVESTMENT_PRODUCT_TYPES.includes(product.type))
      .map((product) => product.id),
  );
  const flagged = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const mention of findProductMentions(text, context.catalog)) {
    const productId = mention.productId;
    if (productId === null || !investmentIds.has(productId) || flagged.has(productId)) continue;
    flagged.add(productId);
    issues.push({ reason: 'missing_risk_disclosure', productId });
  }
  return issues;
};
