const CLAUSE_BREAK = /[.!?;:,()\n]|\s-\s|\b(?:but|however|although|though|yet)\b/gi;
const WINDOW_WORDS = 4;

const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'cannot',
  'nothing',
  'none',
  'nor',
  'neither',
  'nobody',
  'hardly',
  'unlikely',
  'avoid',
  'beware',
  'wary',
  'suspicious',
  'scam',
  'scams',
  'claim',
  'claims',
  'claimed',
  'claiming',
  'scammers',
  'fraudsters',
]);
/** "Don't worry, …" and "never miss …" negate the verb that follows, not the claim after it. */
const ENCOURAGED_VERBS = new Set([
  'worry',
  'miss',
  'hesitate',
  'wait',
  'fret',
  'panic',
  'stress',
  'delay',
  'forget',
]);
/** "anyone who promises …", "people offering …": the claim that follows is reported, not made. */
const REPORTERS = new Set([
  'anyone',
  'anybody',
  'someone',
  'people',
  'firms',
  'adverts',
  'ads',
  'offer',
  'offers',
  'schemes',
]);
const REPORTING_WORDS = new Set([
  'who',
  'that',
  'offering',
  'promising',
  'claiming',
  'selling',
  'advertising',
  'describe',
  'call',
  'say',
  'says',
]);
const CONDITIONALS = new Set(['if', 'whether', 'once', 'when', 'until', 'unless', 'before', 'after']);

/**
 * Whether the few words before `index`, within the same clause, negate or hedge what follows
 * ("no investment is risk-free", "I can't say you won't lose", "beware anyone promising …").
 * With `conditionals`, "if/whether/once …" also count ("once you are approved …" is not a claim of approval).
 */
export function isNegatedBefore(
  text: string,
  index: number,
  options: { conditionals?: boolean } = {},
): boolean {
  const before = text.slice(Math.max(0, index - 200), index);
  let clauseStart = 0;
  for (const match of before.matchAll(CLAUSE_BREAK)) clauseStart = match.index + match[0].length;
  const words = before
    .slice(clauseStart)
    .toLowerCase()
    .split(/[^a-z']+/)
    .filter((word) => word.length > 0)
    .slice(-WINDOW_WORDS);
  return words.some((word, position) => {
    if (options.conditionals === true && CONDITIONALS.has(word)) return true;
    const next = words[position + 1] ?? '';
    if (REPORTERS.has(word) && REPORTING_WORDS.has(next)) return true;
    const negates = NEGATORS.has(word) || word.endsWith("n't") || ['cant', 'wont', 'dont'].includes(word);
    return negates && !ENCOURAGED_VERBS.has(next);
  });
}

/** Whether the match at [start, end) is quoted rather than used ('words like "risk-free" are a red flag'). */
export function isQuoted(text: string, start: number, end: number): boolean {
  const opening = text[start - 1];
  const closing = text[end];
  return (opening === '"' && closing === '"') || (opening === "'" && closing === "'");
}
