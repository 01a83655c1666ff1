import { foldText } from './fold-text.ts';
import { groundedFigures, quotesFigure } from './grounded-figures.ts';
import { findNumberMentions, type NumberMention } from './number-mentions.ts';
import { findPersonalData } from './personal-data.ts';
import { findProductMentions } from './product-mentions.ts';
import type { ReplyCheck } from './reply-check.ts';
import type { ValidationIssue } from './validation-issue.ts';

/** Numbers that are part of a name rather than a figure ("401(k)", "24/7"). */
const NUMBERED_TERMS = /\b(?:401\(k\)|403\(b\)|457\(b\)|529(?= plans?\b)|24\/7)/gi;
/** Plain counts up to a dozen ("3 products", "5-7 working days") need no source. */
const LARGEST_FREE_COUNT = 12;

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

function isFreeFigure(mention: NumberMention): boolean {
  const { value } = mention.reading;
  if (mention.kind === 'plain') return Number.isInteger(value) && value <= LARGEST_FREE_COUNT;
  return mention.kind === 'percent' && value === 100;
}

/**
 * Every amount, rate, fee or count in a reply must come from the customer's record, the recommended products or
 * the retrieved texts (to the precision written: "$42,000" for 41,873.55 is fine); the model never invents one.
 */
export const checkUngroundedNumbers: ReplyCheck = (reply, context) => {
  let text = foldText(reply);
  for (const span of [...findProductMentions(text, context.catalog), ...findPersonalData(text)]) {
    text = blank(text, span.start, span.end);
  }
  text = text.replace(NUMBERED_TERMS, (term) => ' '.repeat(term.length));
  if (context.customer) {
    text = text.replaceAll(context.customer.customer_id, ' '.repeat(context.customer.customer_id.length));
  }
  const figures = groundedFigures(context);
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const mention of findNumberMentions(text)) {
    const grounded = isFreeFigure(mention) || figures.some((figure) => quotesFigure(mention, figure));
    if (grounded || seen.has(mention.text)) continue;
    seen.add(mention.text);
    issues.push({ reason: 'ungrounded_number', text: mention.text });
  }
  return issues;
};
