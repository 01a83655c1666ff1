import { foldText } from './fold-text.ts';
import { findPersonalData, personalDataKey } from './personal-data.ts';
import type { ReplyCheck } from './reply-check.ts';
import type { ValidationIssue } from './validation-issue.ts';

// Each turn checks the same customer's name again; compiling a Unicode-aware pattern is the costly part.
const patternCache = new Map<string, RegExp>();
const PATTERN_CACHE_LIMIT = 10_000;

function namePattern(name: string): RegExp {
  let pattern = patternCache.get(name);
  if (!pattern) {
    if (patternCache.size >= PATTERN_CACHE_LIMIT) patternCache.clear();
    pattern = compileNamePattern(name);
    patternCache.set(name, pattern);
  }
  // A global pattern keeps `lastIndex` between `exec` calls; every use starts from the beginning.
  pattern.lastIndex = 0;
  return pattern;
}

function compileNamePattern(name: string): RegExp {
  const body = name
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

/** A cheap test that can only say no when the name is surely absent, so most replies skip the Unicode regex. */
function mayContainName(text: string, name: string): boolean {
  const lower = text.toLowerCase();
  return name
    .toLowerCase()
    .split(/\s+/)
    .every((word) => lower.includes(word));
}

/**
 * A reply may carry only this customer's own details: other customers' names, and any email, phone, SSN, card
 * or account number that the customer did not give and the bank's own texts do not publish, are leaks.
 */
export const checkForeignPii: ReplyCheck = (reply, context) => {
  const customerName = context.customer ? foldText(context.customer.name).trim() : '';
  const folded = foldText(reply);
  const text =
    customerName && mayContainName(folded, customerName)
      ? folded.replace(namePattern(customerName), (name) => ' '.repeat(name.length))
      : folded;
  const issues: ValidationIssue[] = [];
  for (const otherName of context.otherPeopleNames) {
    const name = foldText(otherName).trim();
    if (name.length === 0 || name.toLowerCase() === customerName.toLowerCase()) continue;
    const match = namePattern(name).exec(text);
    if (match !== null) issues.push({ reason: 'foreign_pii', text: match[0] });
  }
  const inReply = findPersonalData(text);
  // Most replies carry no personal data at all; only then is it worth scanning every grounding text.
  if (inReply.length === 0) return issues;
  const published = new Set(
    [...context.groundingTexts, context.userMessage].flatMap((source) =>
      findPersonalData(foldText(source)).map(personalDataKey),
    ),
  );
  for (const match of inReply) {
    if (!published.has(personalDataKey(match))) issues.push({ reason: 'foreign_pii', text: match.text });
  }
  return issues;
};
