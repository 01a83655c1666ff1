import { foldText } from './fold-text.ts';
import { findPersonalData, personalDataKey } from './personal-data.ts';
import type { ReplyCheck } from './reply-check.ts';
import type { ValidationIssue } from './validation-issue.ts';

function namePattern(name: string): RegExp {
  const body = name
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

/**
 * A reply may carry only this customer's own details: other customers' names, and any email, phone, SSN, card
 * or account number that the customer did not give and the bank's own texts do not publish, are leaks.
 */
export const checkForeignPii: ReplyCheck = (reply, context) => {
  const customerName = context.customer ? foldText(context.customer.name).trim() : '';
  const folded = foldText(reply);
  const text = customerName
    ? folded.replace(namePattern(customerName), (name) => ' '.repeat(name.length))
    : folded;
  const issues: ValidationIssue[] = [];
  for (const otherName of context.otherPeopleNames) {
    const name = foldText(otherName).trim();
    if (name.length === 0 || name.toLowerCase() === customerName.toLowerCase()) continue;
    const match = namePattern(name).exec(text);
    if (match !== null) issues.push({ reason: 'foreign_pii', text: match[0] });
  }
  const published = new Set(
    [...context.groundingTexts, context.userMessage].flatMap((source) =>
      findPersonalData(foldText(source)).map(personalDataKey),
    ),
  );
  for (const match of findPersonalData(text)) {
    if (!published.has(personalDataKey(match))) issues.push({ reason: 'foreign_pii', text: match.text });
  }
  return issues;
};
