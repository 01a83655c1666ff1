import { foldText } from './fold-text.ts';
import type { ValidationContext } from './validation-context.ts';
import type { ValidationIssue } from './validation-issue.ts';

/**
 * How much evidence the relevance judgement needs and what share of it must be grounded. A reply's content words
 * (not function words) are mostly the sources' own vocabulary when it answers from them; a model that writes about
 * something else (a story, another topic) uses words none of them contain. Words are counted once each: a model
 * stuck repeating one grounded word ("small, small, small, …") has not shown any more evidence than saying it once.
 * A short whole reply with at least `minimumShortReplyWords` of them needs the larger
 * `minimumShortReplyGroundedShare`: the sources' vocabulary is large (rules, catalogue, articles), so one word in
 * four of a few stray words is in it by chance ("quask, whatter, animalopped at the read"). 40% was chosen on
 * stories260K's drafts cut after 4–12 words (it stops 92% of them; 25% stopped 77%) against the first sentences of
 * grounded replies (none below 40% once the fixed urgent preface is left out). Below `minimumShortReplyWords` a
 * reply says nothing that could be off topic ("You're welcome!").
 */
export const RELEVANCE_LIMITS = {
  minimumContentWords: 8,
  minimumGroundedShare: 0.25,
  minimumShortReplyWords: 2,
  minimumShortReplyGroundedShare: 0.4,
} as const;

/** Function words and conversational words every reply may use whatever the topic. */
const COMMON_WORDS = new Set(
  (
    'the and for are but not you your yours our ours out with this that these those there their them they then than ' +
    'what when where which while who whom whose why how all any both each few more most other some such only own same ' +
    'very can will would could should may might must shall have has had having was were been being does did doing done ' +
    "into onto from about above below over under again further once here also just too very its it’s it's i’m i'm " +
    "i’ll i'll i’d i'd you’re you're you’ll you'll don’t don't can’t can't won’t won't isn’t isn't let let’s let's " +
    'get got make made take see look want need like know think keep give find use using used help please thank thanks ' +
    'hello welcome glad happy sure yes okay well good great nice able way ways thing things something anything ' +
    'everything nothing one two three first next last new now today time because before after until via per etc ' +
    'question questions ask answer information detail details note example sorry hope ' +
    'she her hers herself him his himself ours ourselves yourself yourselves themselves itself myself ' +
    // Dates say when, not what about: any reply may carry one.
    'january february march april june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);

const WORD = /\p{L}[\p{L}'’-]*/gu;

/** A crude stem so "savings"/"saving" and "arrived"/"arrive" meet; enough to compare vocabularies. */
function stem(word: string): string {
  const lower = word.toLowerCase().replace(/[’']s$/, '');
  for (const suffix of ['ies', 'ing', 'ed', 'es', 's', 'ly']) {
    if (lower.endsWith(suffix) && lower.length - suffix.length >= 3) return lower.slice(0, -suffix.length);
  }
  return lower;
}

function contentWords(text: string): string[] {
  return (foldText(text).match(WORD) ?? []).filter(
    // Contractions ("hasn't", "we'll") are function words too.
    (word) => word.length >= 3 && !/['’]/.test(word) && !COMMON_WORDS.has(word.toLowerCase()),
  );
}

// One context serves every sentence of a turn; its vocabulary is built once.
const vocabularies = new WeakMap<ValidationContext, Set<string>>();

function vocabularyOf(context: ValidationContext): Set<string> {
  let vocabulary = vocabularies.get(context);
  if (!vocabulary) {
    const sources = [
      ...context.groundingTexts,
      context.userMessage,
      context.systemPrompt,
      context.customer ? JSON.stringify(context.customer) : '',
      ...context.catalog.map(
        (product) => `${product.name} ${product.description} ${product.features.join(' ')}`,
      ),
    ];
    vocabulary = new Set(sources.flatMap((source) => contentWords(source).map(stem)));
    vocabularies.set(context, vocabulary);
  }
  return vocabulary;
}

/** The relevance verdict on a reply (or the part of it written so far). */
export type RelevanceVerdict =
  | { decided: false }
  | { decided: true; onTopic: true }
  | { decided: true; onTopic: false; issue: Extract<ValidationIssue, { reason: 'off_topic' }> };

/**
 * Judges whether a model-written reply is about what it was given: once it has enough distinct content words, at
 * least `minimumGroundedShare` of them must occur in the sources, the question, the rules, the customer's record or
 * the catalogue. Undecided while the text is too short; with `final` (the whole reply) a short text with
 * `minimumShortReplyWords` content words needs the larger short-reply share, and is on topic only below that.
 */
export function judgeRelevance(text: string, context: ValidationContext, final = false): RelevanceVerdict {
  const words = distinctByStem(contentWords(text));
  const short = words.length < RELEVANCE_LIMITS.minimumContentWords;
  if (short && !final) return { decided: false };
  if (short && words.length < RELEVANCE_LIMITS.minimumShortReplyWords)
    return { decided: true, onTopic: true };
  const vocabulary = vocabularyOf(context);
  const stray = words.filter((word) => !vocabulary.has(stem(word)));
  const groundedShare = 1 - stray.length / words.length;
  const needed = short
    ? RELEVANCE_LIMITS.minimumShortReplyGroundedShare
    : RELEVANCE_LIMITS.minimumGroundedShare;
  if (groundedShare >= needed) return { decided: true, onTopic: true };
  const sample = stray
    .slice(0, 6)
    .map((word) => word.toLowerCase())
    .join(', ');
  return {
    decided: true,
    onTopic: false,
    issue: {
      reason: 'off_topic',
      text: `${Math.round(groundedShare * 100)}% of its ${words.length} distinct content words come from the sources (e.g. not: ${sample})`,
    },
  };
}

/** Each word once, by stem ("card", "cards" and "Card" are one word of evidence). */
function distinctByStem(words: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const word of words) {
    const key = stem(word);
    if (!seen.has(key)) seen.set(key, word);
  }
  return [...seen.values()];
}
