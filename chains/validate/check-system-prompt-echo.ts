import { foldText } from './fold-text.ts';
import { isNegatedBefore } from './negation-window.ts';
import type { ReplyCheck } from './reply-check.ts';
import type { ValidationIssue } from './validation-issue.ts';

/** How many consecutive words shared with the system prompt make an echo. */
export const ECHO_WORDS = 8;

const WORD = /[a-z0-9]+(?:'[a-z]+)?/gi;
/** Text the system prompt quotes is text the model is told to say (a disclosure, a hand-off line). */
const QUOTED = /"[^"]*"/g;
const TALK_ABOUT_INSTRUCTIONS: readonly RegExp[] = [
  /\bmy (?:system |initial |original |hidden |internal |secret )?(?:instructions|prompt|guidelines|programming|directives|configuration) (?:say|says|state|states|tell|tells|are|is|require|requires|told|read|reads|specify|specifies)\b/gi,
  /\bmy (?:system |internal )?rules (?:say|says|state|states|tell|tells|require|requires)\b/gi,
  /\b(?:i was|i've been|i have been|i am|i'm) (?:instructed|programmed|told|configured|prompted) (?:to|not to)\b/gi,
  /\baccording to my (?:instructions|system prompt|prompt|guidelines|rules|programming)\b/gi,
  /\b(?:my|the) system prompt\b/gi,
];

interface Word {
  text: string;
  start: number;
  end: number;
}

function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((match) => ({
    text: match[0].toLowerCase(),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

function shingles(text: string, size: number): Set<string> {
  const found = new Set<string>();
  const list = words(text).map((word) => word.text);
  for (let index = 0; index + size <= list.length; index++)
    found.add(list.slice(index, index + size).join(' '));
  return found;
}

// The system prompt is the same text on every turn; its shingles are computed once per prompt and size.
const promptShingleCache = new Map<string, Set<string>>();
const PROMPT_CACHE_LIMIT = 8;

function promptShinglesOf(systemPrompt: string, size: number): Set<string> {
  const key = `${size}\0${systemPrompt}`;
  let cached = promptShingleCache.get(key);
  if (!cached) {
    const segments = foldText(systemPrompt).split(QUOTED);
    cached = new Set(segments.flatMap((segment) => [...shingles(segment, size)]));
    if (promptShingleCache.size >= PROMPT_CACHE_LIMIT) promptShingleCache.clear();
    promptShingleCache.set(key, cached);
  }
  return cached;
}

/**
 * Stretches of the reply (at least `size` words) copied from the system prompt, leaving out what the prompt
 * quotes for the model to say and what the grounding texts also contain.
 */
export function findPromptOverlaps(
  reply: string,
  systemPrompt: string,
  groundingTexts: readonly string[],
  size: number = ECHO_WORDS,
): string[] {
  const promptShingles = promptShinglesOf(systemPrompt, size);
  const text = foldText(reply);
  const replyWords = words(text);
  const hits: number[] = [];
  for (let index = 0; index + size <= replyWords.length; index++) {
    const shingle = replyWords
      .slice(index, index + size)
      .map((word) => word.text)
      .join(' ');
    if (promptShingles.has(shingle)) hits.push(index);
  }
  // Grounding texts are only read when the reply shares something with the prompt (rare): what they also
  // contain is the bank's published wording, not an echo.
  const grounded = new Set<string>();
  if (hits.length > 0) {
    for (const grounding of groundingTexts)
      for (const shingle of shingles(foldText(grounding), size)) grounded.add(shingle);
  }
  const covered = new Array<boolean>(replyWords.length).fill(false);
  for (const index of hits) {
    const shingle = replyWords
      .slice(index, index + size)
      .map((word) => word.text)
      .join(' ');
    if (!grounded.has(shingle)) covered.fill(true, index, index + size);
  }
  const overlaps: string[] = [];
  let runStart = -1;
  for (let index = 0; index <= replyWords.length; index++) {
    if (index < replyWords.length && covered[index] === true) {
      if (runStart < 0) runStart = index;
    } else if (runStart >= 0) {
      overlaps.push(text.slice(replyWords[runStart]?.start ?? 0, replyWords[index - 1]?.end ?? 0));
      runStart = -1;
    }
  }
  return overlaps;
}

/** The reply must not repeat the system prompt or talk about its instructions ("my instructions say …"). */
export const checkSystemPromptEcho: ReplyCheck = (reply, context) => {
  const text = foldText(reply);
  const issues: ValidationIssue[] = findPromptOverlaps(
    text,
    context.systemPrompt,
    context.groundingTexts,
  ).map((overlap) => ({ reason: 'system_prompt_echo', text: overlap }));
  const spans: Array<{ start: number; end: number }> = [];
  for (const pattern of TALK_ABOUT_INSTRUCTIONS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (isNegatedBefore(text, start) || spans.some((span) => start < span.end && span.start < end))
        continue;
      spans.push({ start, end });
      issues.push({ reason: 'system_prompt_echo', text: match[0] });
    }
  }
  return issues;
};
