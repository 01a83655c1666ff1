import { intentDefinition } from '../../knowledge/intents/index.ts';
import { ChainError } from '../chain-error.ts';
import { GERMAN_TEXTS } from './texts/de.ts';
import { ENGLISH_TEXTS, type FixedTextKey } from './texts/en.ts';
import { SPANISH_TEXTS } from './texts/es.ts';
import { GERMAN_INTENT_LABELS } from './texts/intent-labels-de.ts';
import { SPANISH_INTENT_LABELS } from './texts/intent-labels-es.ts';

export type { FixedTextKey } from './texts/en.ts';
export { PHONE as BANK_PHONE } from './texts/en.ts';

/** The languages the assistant writes its fixed texts in; any other language gets English. */
export const REPLY_LANGUAGES = ['en', 'de', 'es'] as const;
/** One of REPLY_LANGUAGES. */
export type ReplyLanguage = (typeof REPLY_LANGUAGES)[number];

const TEXTS: Readonly<Record<ReplyLanguage, Readonly<Record<FixedTextKey, string>>>> = {
  en: ENGLISH_TEXTS,
  de: GERMAN_TEXTS,
  es: SPANISH_TEXTS,
};
const INTENT_LABELS: Readonly<Record<Exclude<ReplyLanguage, 'en'>, Readonly<Record<string, string>>>> = {
  de: GERMAN_INTENT_LABELS,
  es: SPANISH_INTENT_LABELS,
};
/** A language tag as detectors, browsers and channels send it: "de", "DE", "de-AT", "es_MX", "pt-BR". */
const LANGUAGE_TAG = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/i;
const PLACEHOLDER = /\{(\w+)\}/g;

/** The language fixed texts are written in for a customer's language ("de-AT" → de, "fr" → en). */
export function replyLanguage(language: string): ReplyLanguage {
  const primary = primaryLanguage(language);
  return (REPLY_LANGUAGES as readonly string[]).includes(primary) ? (primary as ReplyLanguage) : 'en';
}

/**
 * A fixed sentence in the customer's language, parameters filled in; languages other than en, de and es
 * get English (add `languageNotice` once per reply). Throws ChainError('INVALID_INPUT') naming a missing
 * or unused parameter, an unknown key or a malformed language tag.
 * @example fixedText('clarifying_question', 'de', { a: 'Karten', b: 'PIN', c: 'Überweisungen' })
 */
export function fixedText(
  key: FixedTextKey,
  language: string,
  params: Record<string, string | number> = {},
): string {
  const template = TEXTS[replyLanguage(language)][key];
  if (template === undefined) {
    throw new ChainError('INVALID_INPUT', `there is no fixed text "${key}"`);
  }
  const wanted = new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]));
  for (const name of wanted) {
    if (name !== undefined && params[name] === undefined) {
      throw new ChainError('INVALID_INPUT', `fixed text "${key}" needs the parameter "${name}"`);
    }
  }
  for (const name of Object.keys(params)) {
    if (!wanted.has(name)) {
      throw new ChainError('INVALID_INPUT', `fixed text "${key}" has no parameter "${name}"`);
    }
  }
  const filled = template.replace(PLACEHOLDER, (_, name: string) => String(params[name]));
  return replyLanguage(language) === 'es' ? spanishContractions(filled) : filled;
}

/** The one-line English notice for a customer whose language has no fixed texts yet, else undefined. */
export function languageNotice(language: string): string | undefined {
  return replyLanguage(language) === 'en' && primaryLanguage(language) !== 'en'
    ? ENGLISH_TEXTS.english_only_notice
    : undefined;
}

/** A reply with the English-only notice in front when the customer's language has no fixed texts. */
export function withLanguageNotice(reply: string, language: string): string {
  const notice = languageNotice(language);
  return notice ? `${notice}\n\n${reply}` : reply;
}

/** An intent's topic name for a clarifying question, in the reply language (English for unknown labels). */
export function intentLabel(intentId: string, language: string): string {
  const definition = intentDefinition(intentId);
  if (!definition) {
    throw new ChainError('INVALID_INPUT', `"${intentId}" is not an intent of the taxonomy`);
  }
  const reply = replyLanguage(language);
  return reply === 'en' ? definition.label : (INTENT_LABELS[reply][intentId] ?? definition.label);
}

const OR: Readonly<Record<ReplyLanguage, string>> = { en: 'or', de: 'oder', es: 'o' };

/** "a, b or c" in the reply language ("a, b oder c", "a, b o c"); one option alone, none as "". */
export function listOfOptions(options: readonly string[], language = 'en'): string {
  if (options.length <= 1) return options.join('');
  return `${options.slice(0, -1).join(', ')} ${OR[replyLanguage(language)]} ${options[options.length - 1]}`;
}

/**
 * The clarifying question offering two or three intents, with their labels in the reply language.
 * @example clarifyingQuestion(['card_arrival', 'pin_blocked'], 'de') // '… Geht es um eine noch nicht angekommene Karte oder eine gesperrte PIN?'
 */
export function clarifyingQuestion(intentIds: readonly string[], language: string): string {
  if (intentIds.length < 2 || intentIds.length > 3) {
    throw new ChainError(
      'INVALID_INPUT',
      `a clarifying question offers 2 or 3 topics, got ${intentIds.length}`,
    );
  }
  const labels = intentIds.map((intentId) => intentLabel(intentId, language));
  return fixedText('clarifying_question', language, { options: listOfOptions(labels, language) });
}

function primaryLanguage(language: string): string {
  const match = LANGUAGE_TAG.exec(language.trim());
  if (!match?.[1]) {
    throw new ChainError('INVALID_INPUT', `"${language}" is not a language tag like "de" or "es-MX"`);
  }
  return match[1].toLowerCase();
}

/** Spanish spelling rules that filled-in labels can trigger: "de el" → "del", "o" → "u" before an o sound. */
function spanishContractions(text: string): string {
  return text.replace(/\bde el\b/g, 'del').replace(/ o (?=h?o)/gi, ' u ');
}
