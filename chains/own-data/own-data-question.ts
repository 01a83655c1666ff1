import type { SpendCategory } from '../../knowledge/schemas.ts';
import { findCategories } from './category-words.ts';
import {
  TRANSLATED_SPEND_WORDS,
  translatedMetricOf,
  translatedPeriodOf,
  translatedRetirementAge,
} from './translated-question-words.ts';

/** The period a question asks about, before it is placed on the records' calendar. */
export type PeriodRequest =
  | { kind: 'this_month' }
  | { kind: 'last_month' }
  | { kind: 'last_months'; count: number }
  | { kind: 'month'; month: number; year: number | null }
  | { kind: 'this_year' }
  | { kind: 'last_year' }
  | { kind: 'year'; year: number }
  | { kind: 'week' };

/** What a question about the customer's own money asks for. */
export type OwnDataMetric =
  | 'spending'
  | 'breakdown'
  | 'top_merchants'
  | 'recurring'
  | 'balance'
  | 'debt'
  | 'balance_and_debt'
  | 'savings_rate'
  | 'retirement';

/** A question about the customer's own money, read into what to compute. */
export interface OwnDataQuestion {
  metric: OwnDataMetric;
  categories: SpendCategory[];
  /** Words after "spend on" that name no category ("yachts"): answered with the list of categories. */
  unknownCategory: string | null;
  /** Words after "spend at" ("at Starbucks"), matched later against the customer's own merchants. */
  merchantWords: string | null;
  period: PeriodRequest | null;
  /** "retire at 60": the age to project to; null means the default. */
  retirementAge: number | null;
  /** Customer ids the question names ("C-000043"); only the record's own may be answered. */
  customerIds: string[];
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
const MONTH_SHORT = MONTHS.map((month) => month.slice(0, 3));
const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  'twenty-four': 24,
};

const MONTH_NAME = `(?<month>${MONTHS.join('|')}|${MONTH_SHORT.filter((month) => month !== 'may').join('|')})\\.?`;
const MONTH_PERIOD = new RegExp(
  `\\b(?:in|for|during|over|of|since|from)?\\s*(?:the month of\\s+)?${MONTH_NAME}(?:\\s+(?:of\\s+)?(?<year>(?:19|20)\\d\\d))?\\b`,
  'i',
);
// "may" alone is usually the verb ("may I…"): it counts as a month only after in/for/during or before a year.
const MAY_PERIOD =
  /\b(?:(?:in|for|during)\s+may(?:\s+(?<year>(?:19|20)\d\d))?|may\s+(?<yearAfter>(?:19|20)\d\d))\b/i;
const LAST_MONTHS =
  /\b(?:last|past|previous)\s+(?<count>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-four)\s+months\b/i;
const SPEND_WORDS =
  /\b(?:spen[dt]|spending|spends|expenses|expenditure|outgoings|cost|costs|paid|pay|paying)\b/i;
const CUSTOMER_IDS = /\bC-\d{4,}\b/gi;

function periodOf(text: string): PeriodRequest | null {
  const translated = translatedPeriodOf(text);
  if (translated) return translated;
  const lastMonths = LAST_MONTHS.exec(text);
  if (lastMonths?.groups?.count) {
    const word = lastMonths.groups.count.toLowerCase();
    const count = NUMBER_WORDS[word] ?? Number(word);
    if (count >= 1) return count === 1 ? { kind: 'last_month' } : { kind: 'last_months', count };
  }
  if (/\b(?:last|previous|past)\s+month\b|\ba month ago\b/i.test(text)) return { kind: 'last_month' };
  if (/\b(?:this|current)\s+month\b|\bso far this month\b|\bmonth to date\b/i.test(text)) {
    return { kind: 'this_month' };
  }
  if (/\b(?:last|previous|past|this)\s+week\b|\bthis past week\b|\b(?:last )?7 days\b/i.test(text)) {
    return { kind: 'week' };
  }
  if (/\b(?:this|current)\s+year\b|\byear to date\b|\bso far this year\b|\bytd\b/i.test(text)) {
    return { kind: 'this_year' };
  }
  if (/\b(?:last|previous|past)\s+year\b|\blast 12 months\b/i.test(text)) {
    return /\b12 months\b/.test(text) ? { kind: 'last_months', count: 12 } : { kind: 'last_year' };
  }
  const may = MAY_PERIOD.exec(text);
  const month = MONTH_PERIOD.exec(text.replace(/\bmay\b/gi, '   '));
  if (may || month?.groups?.month) {
    const name = may ? 'may' : (month?.groups?.month ?? '').toLowerCase();
    const index = MONTH_SHORT.indexOf(name.slice(0, 3));
    const yearText = may ? (may.groups?.year ?? may.groups?.yearAfter) : month?.groups?.year;
    return { kind: 'month', month: index + 1, year: yearText ? Number(yearText) : null };
  }
  const year = /\b(?:in|for|during|over)\s+(?<year>(?:19|20)\d\d)\b/i.exec(text);
  if (year?.groups?.year) return { kind: 'year', year: Number(year.groups.year) };
  return null;
}

function metricOf(text: string, categories: readonly SpendCategory[]): OwnDataMetric | null {
  const translated = translatedMetricOf(text);
  if (translated !== null && !(translated === 'breakdown' && categories.length > 0)) return translated;
  if (/\bretir(?:e|ed|ing|ement)\b|\bpensions?\b|\bnest egg\b/i.test(text)) return 'retirement';
  if (
    /\bsavings? (?:rate|ratio)\b|\bhow much (?:of my (?:income|salary|pay) )?(?:do|did|am|have) i (?:save|saving|saved)\b|\b(?:am i|i'm) saving\b|\bsaving enough\b|\bshare of my income\b/i.test(
      text,
    )
  ) {
    return 'savings_rate';
  }
  const debt = /\bdebts?\b|\bi owe\b|\bdo i owe\b|\bowing\b|\bliabilities\b/i.test(text);
  const balance =
    /\bbalances?\b|\bhow much (?:money |cash )?(?:do i have|have i got)\b|\bnet worth\b|\bhow much (?:is )?in my savings\b|\bmy savings\b(?! rate)/i.test(
      text,
    );
  if (debt && balance) return 'balance_and_debt';
  if (debt) return 'debt';
  if (balance && !SPEND_WORDS.test(text)) return 'balance';
  const recurring =
    /\brecurring\b|\bregular (?:payments?|bills?|outgoings)\b|\bdirect debits?\b|\bstanding orders?\b|\brepeat(?:ing)? payments?\b|\b(?:pay|paying) (?:every|each) month\b|\bmonthly (?:payments?|bills?|commitments)\b/i;
  if (recurring.test(text)) return 'recurring';
  if (/\bsubscriptions?\b/i.test(text) && !/\bspen[dt]|spending|how much\b/i.test(text)) return 'recurring';
  if (
    /\bmerchants?\b|\bpayees?\b|\bretailers?\b|\bwhich (?:shops|stores|companies)\b|\bwhere (?:do|did|have) i (?:spend|spent|shop)\b.*\bmost\b|\bwho (?:do|did) i pay (?:the )?most\b/i.test(
      text,
    )
  ) {
    return 'top_merchants';
  }
  if (
    categories.length === 0 &&
    (/\b(?:biggest|largest|top|main)\s+(?:spending\s+)?(?:categories|category|expenses)\b|\bwhere (?:does|did) (?:my|all my) money go\b|\bbreakdown\b|\bby category\b|\bwhat do i spend (?:the )?most on\b/i.test(
      text,
    ) ||
      /\bspend(?:ing)? (?:the )?most on\b/i.test(text))
  ) {
    return 'breakdown';
  }
  if (categories.length > 0 || SPEND_WORDS.test(text) || TRANSLATED_SPEND_WORDS.test(text)) return 'spending';
  return null;
}

/** Words after "spend on" / "spend at", cut before the period or the end of the clause. */
function objectAfter(text: string, prepositions: string): string | null {
  const pattern = new RegExp(
    `\\b(?:spen[dt]|spending|paid|pay|paying)\\s+(?:so far\\s+)?(?:${prepositions})\\s+(?:my\\s+|the\\s+)?(?<words>[\\p{L}][\\p{L}\\p{N}'&.+ -]{0,40})`,
    'iu',
  );
  const words = pattern.exec(text)?.groups?.words;
  if (!words) return null;
  const stop =
    /\s+(?:in|last|this|during|over|since|for|per|each|every|a|an|so|the|on|at|between|from|to|and|compared|versus|vs|year|month|week|recently|lately)\b.*$/i;
  const cut = words
    .replace(stop, '')
    .replace(/[\s.?!,;:]+$/, '')
    .trim();
  const periodWords = /^(?:year|month|week|day|whole|entire|last|this|past|period|average|total|\d)/i;
  return cut.length > 0 && !periodWords.test(cut) ? cut : null;
}

/**
 * Reads a question about the customer's own money: what to compute (spending, merchants, recurring
 * payments, balances, debts, savings rate, retirement), for which categories and which period; null when it
 * is not such a question.
 * @example parseOwnDataQuestion('How much did I spend on eating out last month?')
 * // → { metric: 'spending', categories: ['dining'], period: { kind: 'last_month' }, … }
 */
export function parseOwnDataQuestion(question: string): OwnDataQuestion | null {
  const text = question.normalize('NFKC').replace(/[’‘]/g, "'");
  const categories = findCategories(text);
  const metric = metricOf(text, categories);
  if (metric === null) return null;
  const onWords = categories.length === 0 && metric === 'spending' ? objectAfter(text, 'on|for') : null;
  const merchantWords = categories.length === 0 ? objectAfter(text, 'at|to') : null;
  const retirement =
    /\bretir(?:e|ing)\s+(?:at|by)\s+(?:age\s+)?(?<age>\d{2})\b|\bat\s+(?<ageAt>\d{2})\b/i.exec(text);
  const age = retirement?.groups?.age ?? retirement?.groups?.ageAt ?? translatedRetirementAge(text);
  return {
    metric,
    categories,
    unknownCategory: onWords,
    merchantWords,
    period: periodOf(text),
    retirementAge: metric === 'retirement' && age ? Number(age) : null,
    customerIds: [...new Set([...text.matchAll(CUSTOMER_IDS)].map((match) => match[0].toUpperCase()))],
  };
}
