import { LANGUAGE_PATTERNS, NEGATION_AFTER, NEGATION_BEFORE } from './language-patterns.ts';

/** Whether a reply uses stereotyped or protected-attribute wording, and the phrases that did. */
export interface LanguageVerdict {
  flagged: boolean;
  /** The offending phrases as they appear in the reply, in order of appearance, without repeats. */
  phrases: string[];
}

const SENTENCE_END = /[.!?;\n]/g;

/** Scans a reply for the wording in LANGUAGE_PATTERNS; negated attribute mentions are allowed. */
export function checkLanguage(reply: string): LanguageVerdict {
  const found: { index: number; phrase: string }[] = [];
  for (const { pattern, negatable } of LANGUAGE_PATTERNS) {
    for (const match of reply.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (negatable && isNegated(reply, start, end)) continue;
      found.push({ index: start, phrase: match[0] });
    }
  }
  found.sort((left, right) => left.index - right.index);
  const phrases: string[] = [];
  for (const { phrase } of found) {
    if (!phrases.some((seen) => seen.toLowerCase() === phrase.toLowerCase())) phrases.push(phrase);
  }
  return { flagged: phrases.length > 0, phrases };
}

/** Whether the phrase at [start, end) is negated within its own sentence. */
function isNegated(reply: string, start: number, end: number): boolean {
  let sentenceStart = 0;
  for (const boundary of reply.slice(0, start).matchAll(SENTENCE_END)) sentenceStart = boundary.index + 1;
  return NEGATION_BEFORE.test(reply.slice(sentenceStart, start)) || NEGATION_AFTER.test(reply.slice(end));
}
