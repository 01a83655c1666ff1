import type { ProfileRecord } from '../../knowledge/index.ts';
import { type AudienceVoice, audienceVoice } from '../compose/audience-voice.ts';
import { fixedText, type ReplyLanguage } from '../compose/fixed-texts.ts';
import { categoryList, findCategories } from './category-words.ts';
import { FigureText } from './figure-text.ts';
import { answerBalances, answerRecurring, answerSavingsRate } from './money-answers.ts';
import { type OwnDataMetric, parseOwnDataQuestion } from './own-data-question.ts';
import { DEFAULT_WINDOW_MONTHS, type RecordSpan, recordSpan, resolvePeriod } from './record-calendar.ts';
import { answerRetirement } from './retirement-projection.ts';
import {
  answerBreakdown,
  answerMerchant,
  answerSpending,
  answerTopMerchants,
  unknownMerchant,
} from './spending-answers.ts';
import { centsSpent } from './spending-totals.ts';
import {
  answerBreakdownTranslated,
  answerSpendingTranslated,
  type TranslatedLanguage,
} from './translated-spending-answers.ts';

/** An answer computed from one customer's own records. */
export interface OwnDataAnswer {
  text: string;
  /** Every number the text quotes, for the validator's grounded figures. */
  figures: number[];
  /** What was answered (`spending`, `recurring`, `unknown_category`, `no_history`, …), for logs and tests. */
  topic: string;
}

/** Who the answer is for, in which language, and when "now" is (injectable, so "last month" is testable). */
export interface OwnDataOptions {
  audience: 'customer' | 'advisor';
  /**
   * The reply language (English when unset). Spending totals and breakdowns are written in German or Spanish;
   * other answers stay English after one line in the customer's language saying so. Figures keep one format.
   */
  language?: ReplyLanguage;
  now?: Date;
}

const NEEDS_HISTORY: ReadonlySet<OwnDataMetric> = new Set([
  'spending',
  'breakdown',
  'top_merchants',
  'recurring',
  'savings_rate',
  'retirement',
]);

function noHistory(voice: AudienceVoice, audience: OwnDataOptions['audience']): OwnDataAnswer {
  const text =
    audience === 'advisor'
      ? `${voice.Possessive} spending history is not in the store: it was ingested before spending history was kept. Re-run \`npm run ingest\` to add it.`
      : `${voice.Possessive} spending history isn't available yet, so I can't break down ${voice.possessive} spending. Please try again later or ask to speak to an adviser.`;
  return { text, figures: [], topic: 'no_history' };
}

function noTransactions(voice: AudienceVoice): OwnDataAnswer {
  return {
    text: `There are no transactions in ${voice.possessive} records, so I can't say anything about ${voice.possessive} spending yet.`,
    figures: [],
    topic: 'no_transactions',
  };
}

/**
 * Answers a question about the customer's own money (spending by category and period, top merchants,
 * recurring payments, balances and debts, savings rate, retirement) from their own stored record only, with
 * exact figures; null when the question is not one it can answer.
 * @example answerOwnData('How much did I spend on dining last month?', record, { audience: 'customer' })
 * // → { text: 'In June 2026, the latest full month in your records, you spent $412.30 on dining.', … }
 */
export function answerOwnData(
  question: string,
  record: ProfileRecord,
  options: OwnDataOptions,
): OwnDataAnswer | null {
  const language = options.language ?? 'en';
  if (language === 'en') return answerInEnglish(question, record, options);
  const translated = answerTranslated(question, record, options, language);
  if (translated !== null) return translated;
  const english = answerInEnglish(question, record, options);
  if (english === null) return null;
  const reader = { language, audience: options.audience, customerId: record.customer.customer_id };
  return { ...english, text: `${fixedText('own_data_in_english', reader)}\n\n${english.text}` };
}

/** A spending total or breakdown in German or Spanish; null for any other question (answered in English). */
function answerTranslated(
  question: string,
  record: ProfileRecord,
  options: OwnDataOptions,
  language: TranslatedLanguage,
): OwnDataAnswer | null {
  const parsed = parseOwnDataQuestion(question);
  const history = record.history;
  const customerId = record.customer.customer_id;
  if (parsed === null || history === undefined) return null;
  if (parsed.metric !== 'spending' && parsed.metric !== 'breakdown') return null;
  if (parsed.merchantWords !== null || parsed.unknownCategory !== null) return null;
  if (parsed.customerIds.some((id) => id !== customerId.toUpperCase())) return null;
  const span = recordSpan(history.firstMonth, history.asOf);
  if (span === null) return null;
  const writer = new FigureText(language);
  const input = {
    history,
    span,
    period: resolvePeriod(parsed.period, span, options.now ?? new Date()),
    voice: audienceVoice(options.audience, customerId),
    writer,
    language,
    audience: options.audience,
    customerId,
  };
  const text =
    parsed.metric === 'breakdown'
      ? answerBreakdownTranslated(input)
      : answerSpendingTranslated(input, parsed.categories);
  return { text, figures: writer.figures, topic: parsed.metric };
}

function answerInEnglish(
  question: string,
  record: ProfileRecord,
  options: OwnDataOptions,
): OwnDataAnswer | null {
  const parsed = parseOwnDataQuestion(question);
  if (parsed === null) return null;
  const voice = audienceVoice(options.audience, record.customer.customer_id);
  const ownId = record.customer.customer_id;
  if (parsed.customerIds.some((id) => id !== ownId.toUpperCase())) {
    const whose = options.audience === 'customer' ? 'your own records' : `${ownId}'s own records`;
    return { text: `I can only answer from ${whose}.`, figures: [], topic: 'other_customer' };
  }
  const writer = new FigureText();
  const done = (text: string, topic: string): OwnDataAnswer => ({ text, figures: writer.figures, topic });
  if (parsed.metric === 'balance' || parsed.metric === 'debt' || parsed.metric === 'balance_and_debt') {
    return done(answerBalances(record, parsed.metric, voice, writer), parsed.metric);
  }
  if (parsed.unknownCategory !== null && findCategories(parsed.unknownCategory).length === 0) {
    const merchantAnswer = record.history
      ? answerMerchantIfKnown(record, parsed.unknownCategory, voice, writer)
      : null;
    if (merchantAnswer !== null) return done(merchantAnswer, 'merchant');
    return done(
      `I don't have a spending category called "${parsed.unknownCategory}". Spending is grouped into: ${categoryList()}.`,
      'unknown_category',
    );
  }
  const history = record.history;
  if (NEEDS_HISTORY.has(parsed.metric) && history === undefined) return noHistory(voice, options.audience);
  if (history === undefined) return null;
  const span = recordSpan(history.firstMonth, history.asOf);
  if (span === null) return noTransactions(voice);
  const now = options.now ?? new Date();
  const base = { history, span, voice, writer };
  if (parsed.merchantWords !== null && parsed.metric === 'spending') {
    const known = answerMerchant(base, parsed.merchantWords);
    return known === null
      ? done(unknownMerchant(base, parsed.merchantWords), 'unknown_merchant')
      : done(known, 'merchant');
  }
  switch (parsed.metric) {
    case 'top_merchants':
      return done(answerTopMerchants(base), 'top_merchants');
    case 'recurring':
      return done(answerRecurring(base), 'recurring');
    case 'breakdown':
      return done(answerBreakdown({ ...base, period: resolvePeriod(parsed.period, span, now) }), 'breakdown');
    case 'savings_rate':
      return done(
        answerSavingsRate({ ...base, period: resolvePeriod(parsed.period, span, now) }, record),
        'savings_rate',
      );
    case 'retirement':
      return done(answerRetirement(record, latestSpending(history, span), voice, writer), 'retirement');
    default:
      return done(
        answerSpending({ ...base, period: resolvePeriod(parsed.period, span, now) }, parsed.categories),
        'spending',
      );
  }

  function latestSpending(
    stored: NonNullable<ProfileRecord['history']>,
    recordsSpan: RecordSpan,
  ): { monthlySpend: number; months: number; retirementAge: number | null } {
    const period = resolvePeriod(null, recordsSpan, now);
    const from = period.kind === 'months' ? period.from : recordsSpan.first;
    const to = period.kind === 'months' ? period.to : recordsSpan.last;
    const months = Math.min(DEFAULT_WINDOW_MONTHS, to - from + 1);
    return {
      monthlySpend: centsSpent(stored, from, to) / 100 / months,
      months,
      retirementAge: parsed?.retirementAge ?? null,
    };
  }
}

function answerMerchantIfKnown(
  record: ProfileRecord,
  words: string,
  voice: AudienceVoice,
  writer: FigureText,
): string | null {
  const history = record.history;
  const span = history ? recordSpan(history.firstMonth, history.asOf) : null;
  if (!history || !span) return null;
  return answerMerchant({ history, span, voice, writer }, words);
}
