import { foldText } from './fold-text.ts';
import { isNegatedBefore, isQuoted } from './negation-window.ts';
import { isClassifiable } from './promissory-classifier-gate.ts';
import { CERTAINTY_IDIOMS } from './promissory-idioms.ts';
import type { PromissoryModel } from './promissory-model.ts';
import { PROMISSORY_PATTERNS } from './promissory-patterns.ts';
import {
  citesDepositProtection,
  clauses,
  findStructuralPromises,
  isCautionOrGenuineGuarantee,
} from './promissory-structure.ts';
import { findGermanSpanishPromises } from './promissory-structure-german-spanish.ts';
import type { ReplyCheck } from './reply-check.ts';
import type { ValidationIssue } from './validation-issue.ts';

/** Clauses that deny a promise; whatever they contain is a caution, not a promise. */
const SAFE_CLAUSES: readonly RegExp[] = [
  /\bno (?:such thing as|investment|investments|fund|product|one|way to be)\b(?:(?!\b(?:but|yet|though|although)\b)[^.!?;,])*/gi,
  /\b(?:nothing|nobody|no one|no-one|none of us) (?:is|are|can|could|will)\b(?! (?:possibly |ever )?(?:go wrong|stop|prevent|hurt|harm|touch|dent|derail|hold back))(?:(?!\b(?:but|yet|though|although)\b)[^.!?;,])*/gi,
  /\b(?:can(?:no|')t|could(?:n't| not)|won't|will not|do(?:n't| not)|does(?:n't| not)|is(?:n't| not)|are(?:n't| not)|never|not|no|unable to) (?:(?:personally|really|actually|truly|fully|honestly|make|give|offer|any|a|an|the|you|that|this|future|specific|particular|returns?|be) ){0,3}(?:guarantee|promise|assure|ensure|predict|tell|say|claim|rely on|count on|bank on|depend on)\w*(?:(?!\b(?:but|yet|though|although)\b)[^.!?;,])*/gi,
  // "I'd be cautious about any product that promises …", "I'd rather not call it a no-brainer": a warning.
  /\b(?:be|am|are|stay|remain)\s+(?:very\s+)?(?:cautious|wary|careful|sceptical|skeptical|suspicious)\s+(?:about|of)\b[^.!?;]*/gi,
  /\b(?:i'd|i\s+would|we'd|we\s+would)\s+(?:rather\s+not|never|not)\s+(?:describe|call|say|label|promise|present)\b[^.!?;]*/gi,
  // "If someone tells you it is risk-free, …": a claim reported to warn about it.
  /\b(?:if|when|whenever)\s+(?:someone|anyone|somebody|a\s+\w+|an\s+\w+)\s+(?:tells|says|claims|promises|offers|guarantees)\b[^.!?;,]*/gi,
  // "A guarantee that a fund can't lose is not something we can offer": the sentence denies the whole claim.
  /[^.!?;]*\b(?:is|are)(?:n't| not) (?:something|anything|a thing|what) (?:that )?(?:we|i|you|anyone|anybody|any \w+|an \w+|a \w+)(?: or (?:anyone|anybody|we|i))? (?:can|could|will|would|should) (?:honestly |ever |really )?(?:offer|give|promise|guarantee|make|provide|say)\b[^.!?;]*/gi,
  // "It's not true that prices always go up", "Don't assume this fund will always beat inflation": denied as a whole.
  /\b(?:(?:it|that)(?:'s| is) (?:simply |just )?(?:not |n't |un)true|(?:it|that)(?: i|')s a myth|do(?:n't| not) (?:assume|believe|expect|think)|never (?:assume|believe|expect)|(?:it|that) (?:would be|is) (?:wrong|a mistake|misleading) to (?:say|think|assume|claim))\b[^.!?;]*/gi,
  // "A risk-free return does not exist": the clause denies the thing it names.
  /[^.!?;,]*\b(?:does(?:n't| not)|do(?:n't| not)|never) exists?\b/gi,
];

/** "not every year", "not always", "never every time": a universal claim denied in the same breath. */
const NEGATED_UNIVERSAL = /\b(?:not|never|n't)\s+(?:\w+\s+)?(?:every|always|each|all)\b/i;

function blankSafeClauses(text: string): string {
  let blanked = text;
  for (const pattern of SAFE_CLAUSES)
    blanked = blanked.replace(pattern, (clause) => ' '.repeat(clause.length));
  return blanked;
}

/** The sentence of `text` that holds the character at `index`. */
function sentenceAround(text: string, index: number): string {
  for (const sentence of text.matchAll(SENTENCE))
    if (sentence.index <= index && index < sentence.index + sentence[0].length) return sentence[0];
  return '';
}

/** An issue this check raises. */
export type PromissoryIssue = Extract<ValidationIssue, { reason: 'promissory_language' }>;

/** Sentences (and clauses after ";") of a reply; a "." inside "4.2%" or "e.g." does not end one. */
const SENTENCE = /(?:[^.!?;\n]|[.!?;](?=[^\s.!?;]))+[.!?;]*/g;
const MARKDOWN_MARKERS = /^\s*(?:#{1,6}|>|[-*+]|\d+[.)])\s+|\*\*|__/gm;
/** Shorter fragments ("Yes.", "Thanks!") carry no promise the patterns could have missed. */
const MIN_CLASSIFIED_WORDS = 4;

/**
 * The sentences the classifier reads, with denials blanked ("we cannot guarantee returns" is a caution,
 * not a promise) and fragments too short to promise anything left out. Where a denial was blanked, only
 * the sentence's untouched clauses are read ("…, but this one will double"), never the fragment the
 * denial leaves behind ("Nothing is certain in investing, including returns on this fund"); each must
 * pass the gate (an investment outcome, not a caution, not plain history).
 */
/** "…, but growth is not guaranteed": a promise-shaped clause withdrawn by the denial that follows it. */
const WITHDRAWN_AFTER =
  /\b(?:but|although|though|however)\b[^.!?]*?\b(?:(?:is|are|isn't|aren't|be)\s+(?:not\s+|never\s+)?(?:\w+\s+)?guaranteed|no\s+guarantee|not\s+(?:a\s+)?(?:guarantee|promise|certain))/i;

function classifiedSentences(searchable: string, text: string) {
  const sentences: Array<{ start: number; end: number; visible: string }> = [];
  const add = (start: number, raw: string) => {
    // Markdown markers ("## Your investment horizon", "- **Short term**") are not words of the sentence.
    const visible = raw.replace(MARKDOWN_MARKERS, ' ').replace(/\s+/g, ' ').trim();
    if (visible.split(' ').length < MIN_CLASSIFIED_WORDS || !isClassifiable(visible)) return;
    sentences.push({ start, end: start + raw.length, visible });
  };
  for (const sentence of searchable.matchAll(SENTENCE)) {
    const start = sentence.index;
    if (WITHDRAWN_AFTER.test(text.slice(start, start + sentence[0].length))) continue;
    const untouched = text.slice(start, start + sentence[0].length) === sentence[0];
    if (untouched) {
      add(start, sentence[0]);
      continue;
    }
    for (const clause of clauses(sentence[0])) {
      const clauseStart = start + clause.start;
      if (text.slice(clauseStart, clauseStart + clause.text.length) === clause.text)
        add(clauseStart, clause.text);
    }
  }
  return sentences;
}

/** What the classifier is shown for a text: its sentences with denials blanked (for training and tuning). */
export function promissoryClassifierInputs(text: string): string[] {
  const folded = foldText(text);
  return classifiedSentences(blankSafeClauses(folded), folded).map((sentence) => sentence.visible);
}

/**
 * Promises of returns or outcomes in a text: pattern matches, clauses that assert certainty about an
 * investment outcome (structure), plus whole sentences the classifier rejects when a model is given.
 * @example findPromissoryLanguage('Returns are guaranteed.') // [{ reason: 'promissory_language', phrase: 'Returns are guaranteed', detectedBy: 'patterns' }]
 */
export function findPromissoryLanguage(reply: string, model?: PromissoryModel): PromissoryIssue[] {
  const text = foldText(reply);
  const searchable = blankSafeClauses(text);
  const found: Array<{ start: number; end: number }> = [];
  // A phrase inside a warning ("people describe bonds as risk-free, but …") or a real guarantee is not ours.
  const clausesOfText = clauses(searchable);
  for (const { pattern } of [...PROMISSORY_PATTERNS, ...CERTAINTY_IDIOMS]) {
    for (const match of searchable.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((span) => start < span.end && span.start < end)) continue;
      if (isNegatedBefore(text, start) || isQuoted(text, start, end)) continue;
      // "positive returns in most years, but not every year": the universal is denied inside the match.
      if (NEGATED_UNIVERSAL.test(match[0])) continue;
      const clause = clausesOfText.find(
        (part) => part.start <= start && end <= part.start + part.text.length,
      );
      if (clause && isCautionOrGenuineGuarantee(clause.text, match[0])) continue;
      if (citesDepositProtection(sentenceAround(searchable, start), match[0])) continue;
      found.push({ start, end });
    }
  }
  const issues: Array<{ start: number; issue: PromissoryIssue }> = found.map((span) => ({
    start: span.start,
    issue: {
      reason: 'promissory_language',
      phrase: text.slice(span.start, span.end),
      detectedBy: 'patterns',
    },
  }));
  for (const clause of [...findStructuralPromises(searchable), ...findGermanSpanishPromises(searchable)]) {
    if (found.some((span) => clause.start < span.end && span.start < clause.end)) continue;
    found.push(clause);
    issues.push({
      start: clause.start,
      issue: {
        reason: 'promissory_language',
        phrase: text.slice(clause.start, clause.end),
        detectedBy: 'structure',
      },
    });
  }
  if (model) {
    for (const sentence of classifiedSentences(searchable, text)) {
      if (found.some((span) => span.start < sentence.end && sentence.start < span.end)) continue;
      if (model.probability(sentence.visible) >= model.threshold) {
        const phrase = text.slice(sentence.start, sentence.end).trim();
        issues.push({
          start: sentence.start,
          issue: { reason: 'promissory_language', phrase, detectedBy: 'classifier' },
        });
      }
    }
  }
  return issues.sort((first, second) => first.start - second.start).map((entry) => entry.issue);
}

/** Financial promotions must not promise returns or outcomes, in any paraphrase; cautions that deny them are fine. */
export const checkPromissoryLanguage: ReplyCheck = (reply, context) =>
  findPromissoryLanguage(reply, context.promissoryModel);
