import { intentDefinition } from '../../knowledge/intents/index.ts';
import { ChainError } from '../chain-error.ts';
import type { Audience } from './audience-voice.ts';
import { GERMAN_ADVISOR_TEXTS, GERMAN_CUSTOMER_TEXTS } from './texts/de.ts';
import { ENGLISH_ADVISOR_TEXTS, ENGLISH_CUSTOMER_TEXTS, type FixedTextKey } from './texts/en.ts';
import { SPANISH_ADVISOR_TEXTS, SPANISH_CUSTOMER_TEXTS } from './texts/es.ts';
import { GERMAN_INTENT_LABELS } from './texts/intent-labels-de.ts';
import { SPANISH_INTENT_LABELS } from './texts/intent-labels-es.ts';

export type { FixedTextKey } from './texts/en.ts';
export { PHONE as BANK_PHONE } from './texts/en.ts';

/** The languages the assistant writes its fixed texts in; any other language gets English. */
export const REPLY_LANGUAGES = ['en', 'de', 'es'] as const;
/** One of REPLY_LANGUAGES. */
export type ReplyLanguage = (typeof REPLY_LANGUAGES)[number];

/**
 * Who reads a fixed text: its language, the reader (the customer, or an advisor asking about a customer) and, for
 * an advisor, the customer it is about when one was named (texts then use the id, else "the customer").
 */
export interface FixedTextReader {
  language: string;
  audience: Audience;
  customerId?: string | null;
}

const TEXTS: Readonly<
  Record<ReplyLanguage, Readonly<Record<Audience, Readonly<Record<FixedTextKey, string>>>>>
> = {
  en: { customer: ENGLISH_CUSTOMER_TEXTS, advisor: ENGLISH_ADVISOR_TEXTS },
  de: { customer: GERMAN_CUSTOMER_TEXTS, advisor: GERMAN_ADVISOR_TEXTS },
  es: { customer: SPANISH_CUSTOMER_TEXTS, advisor: SPANISH_ADVISOR_TEXTS },
};
/** Placeholders filled from the reader, not from parameters: how the texts name the customer. */
const CUSTOMER_SLOTS = ['customer', 'Customer', 'customerPossessive', 'id'] as const;
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
 * A fixed sentence in the reader's language and voice, parameters filled in: the customer is spoken to ("your
 * card"); an advisor reads about the customer by id and gets the advisor's steps ("Freeze C-000042's card in the
 * back office"). Languages other than en, de and es get English (add `languageNotice` once per reply). Throws
 * ChainError('INVALID_INPUT') naming a missing or unused parameter, an unknown key or a malformed language tag.
 * @example fixedText('clarifying_question', { language: 'de', audience: 'customer' }, { options: 'Karten oder PIN' })
 */
export function fixedText(
  key: FixedTextKey,
  reader: FixedTextReader,
  params: Record<string, string | number> = {},
): string {
  const language = replyLanguage(reader.language);
  const texts = TEXTS[language][reader.audience];
  if (texts === undefined) {
    throw new ChainError(
      'INVALID_INPUT',
      `"${reader.audience}" is not a reader; expected customer or advisor`,
    );
  }
  const template = texts[key];
  if (template === undefined) {
    throw new ChainError('INVALID_INPUT', `there is no fixed text "${key}"`);
  }
  for (const name of Object.keys(params)) {
    if ((CUSTOMER_SLOTS as readonly string[]).includes(name)) {
      throw new ChainError(
        'INVALID_INPUT',
        `fixed text "${key}" names the customer itself; "${name}" is not a parameter`,
      );
    }
  }
  const values: Record<string, string | number> = { ...customerSlots(reader.customerId ?? null), ...params };
  const wanted = new Set(
    [...template.matchAll(PLACEHOLDER)]
      .map((match) => match[1])
      .filter((name) => !(CUSTOMER_SLOTS as readonly string[]).includes(name ?? '')),
  );
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
  const filled = template.replace(PLACEHOLDER, (_, name: string) => String(values[name]));
  return language === 'es' ? spanishContractions(filled) : filled;
}

/** How the texts name the customer: by id when one was named, else as "the customer" (de/es add ` {id}` to a noun). */
function customerSlots(customerId: string | null): Record<(typeof CUSTOMER_SLOTS)[number], string> {
  return customerId
    ? {
        customer: customerId,
        Customer: customerId,
        customerPossessive: `${customerId}'s`,
        id: ` ${customerId}`,
      }
    : {
        customer: 'the customer',
        Customer: 'The customer',
        customerPossessive: "the customer's",
        id: '',
      };
}

/** The one-line English notice for a customer whose language has no fixed texts yet, else undefined. */
export function languageNotice(language: string): string | undefined {
  return replyLanguage(language) === 'en' && primaryLanguage(language) !== 'en'
    ? ENGLISH_CUSTOMER_TEXTS.english_only_notice
    : undefined;
}

/** A reply with the English-only notice in front when the customer's language has no fixed texts. */
export function withLanguageNotice(reply: string, language: string): string {
  const notice = languageNotice(language);
  return notice ? `${notice}\n\n${reply}` : reply;
}

/**
 * An intent's topic name for a clarifying question, in the reply language (English for unknown labels) and the
 * reader's voice: "changing your PIN" to the customer, "changing C-000042's PIN" / "das Ändern der PIN" to an advisor.
 */
export function intentLabel(intentId: string, reader: FixedTextReader): string {
  const definition = intentDefinition(intentId);
  if (!definition) {
    throw new ChainError('INVALID_INPUT', `"${intentId}" is not an intent of the taxonomy`);
  }
  const reply = replyLanguage(reader.language);
  const label = reply === 'en' ? definition.label : (INTENT_LABELS[reply][intentId] ?? definition.label);
  if (reader.audience === 'customer') return label;
  return reply === 'en' || INTENT_LABELS[reply][intentId] === undefined
    ? label.replace(/\byour\b/g, customerSlots(reader.customerId ?? null).customerPossessive)
    : reply === 'de'
      ? label.replace(
          /\bIhr(e|em|en|er|es)?\b/g,
          (_, ending: string | undefined) => GERMAN_ARTICLE[ending ?? ''] ?? 'das',
        )
      : label;
}

/** "Ihrer Karte" → "der Karte": the advisor reads about the customer's thing, not their own. */
const GERMAN_ARTICLE: Readonly<Record<string, string>> = {
  '': 'das',
  e: 'die',
  em: 'dem',
  en: 'den',
  er: 'der',
  es: 'des',
};

const OR: Readonly<Record<ReplyLanguage, string>> = { en: 'or', de: 'oder', es: 'o' };

/** "a, b or c" in the reply language ("a, b oder c", "a, b o c"); one option alone, none as "". */
export function listOfOptions(options: readonly string[], language = 'en'): string {
  if (options.length <= 1) return options.join('');
  return `${options.slice(0, -1).join(', ')} ${OR[replyLanguage(language)]} ${options[options.length - 1]}`;
}

/**
 * The clarifying question offering two or three intents, with their labels in the reply language.
 * @example clarifyingQuestion(['card_arrival', 'pin_blocked'], { language: 'de', audience: 'customer' }) // '… Geht es um eine noch nicht angekommene Karte oder eine gesperrte PIN?'
 */
export function clarifyingQuestion(intentIds: readonly string[], reader: FixedTextReader): string {
  if (intentIds.length < 2 || intentIds.length > 3) {
    throw new ChainError(
      'INVALID_INPUT',
      `a clarifying question offers 2 or 3 topics, got ${intentIds.length}`,
    );
  }
  const labels = intentIds.map((intentId) => intentLabel(intentId, reader));
  return fixedText('clarifying_question', reader, { options: listOfOptions(labels, reader.language) });
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
