import type { ProfileRecord } from '../../knowledge/index.ts';
import { type AudienceVoice, audienceVoice } from '../compose/audience-voice.ts';
import type { ReplyLanguage } from '../compose/fixed-texts.ts';
import { categoryList, findCategories } from './category-words.ts';
import { FigureText } from './figure-text.ts';
import { answerBalances, answerRecurring, answerSavingsRate } from './money-answers.ts';
import { type OwnDataMetric, type OwnDataQuestion, parseOwnDataQuestion } from './own-data-question.ts';
import { DEFAULT_WINDOW_MONTHS, type RecordSpan, recordSpan, resolvePeriod } from './record-calendar.ts';
import { answerRetirement, planRetirement } from './retirement-projection.ts';
import {
  answerBreakdown,
  answerMerchant,
  answerSpending,
  answerTopMerchants,
  unknownMerchant,
} from './spending-answers.ts';
import { centsSpent } from './spending-totals.ts';
import {
  answerMerchantTranslated,
  answerTopMerchantsTranslated,
  unknownMerchantTranslated,
} from './translated-merchant-answers.ts';
import {
  answerBalancesTranslated,
  answerRecurringTranslated,
  answerSavingsRateTranslated,
} from './translated-money-answers.ts';
import { type OwnDataNotice, translatedNotice } from './translated-notices.ts';
import { answerRetirementTranslated } from './translated-retirement-answer.ts';
import { answerBreakdownTranslated, answerSpendingTranslated } from './translated-spending-answers.ts';
import type { TranslatedReader } from './translated-voice.ts';

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
   * The reply language (English when unset): every answer is written in English, German or Spanish; amounts keep
   * one format ("$1,234.56") in all three so the validator grounds them exactly.
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

function noHistory(voice: AudienceVoice, audience: OwnDataOptions['audience']): string {
  return audience === 'advisor'
    ? `${voice.Possessive} spending history is not in the store: it was ingested before spending history was kept. Re-run \`npm run ingest\` to add it.`
    : `${voice.Possessive} spending history isn't available yet, so I can't break down ${voice.possessive} spending. Please try again later or ask to speak to an adviser.`;
}

/**
 * Answers a question about the customer's own money (spending by category and period, top merchants,
 * recurring payments, balances and debts, savings rate, retirement) from their own stored record only, with
 * exact figures, in the reply language; null when the question is not one it can answer.
 * @example answerOwnData('How much did I spend on dining last month?', record, { audience: 'customer' })
 * // → { text: 'In June 2026, the latest full month in your records, you spent $412.30 on dining.', … }
 */
export function answerOwnData(
  question: string,
  record: ProfileRecord,
  options: OwnDataOptions,
): OwnDataAnswer | null {
  const parsed = parseOwnDataQuestion(question);
  if (parsed === null) return null;
  const language = options.language ?? 'en';
  const customerId = record.customer.customer_id;
  const reader: TranslatedReader | null =
    language === 'en' ? null : { language, audience: options.audience, customerId };
  const voice = audienceVoice(options.audience, customerId);
  const writer = new FigureText(language);
  const done = (text: string, topic: string): OwnDataAnswer => ({ text, figures: writer.figures, topic });
  const notice = (topic: OwnDataNotice, english: string, words?: string): OwnDataAnswer =>
    done(reader ? translatedNotice(topic, reader, words) : english, topic);
  if (parsed.customerIds.some((id) => id !== customerId.toUpperCase())) {
    const whose = options.audience === 'customer' ? 'your own records' : `${customerId}'s own records`;
    return notice('other_customer', `I can only answer from ${whose}.`);
  }
  if (parsed.metric === 'balance' || parsed.metric === 'debt' || parsed.metric === 'balance_and_debt') {
    const text = reader
      ? answerBalancesTranslated(record, parsed.metric, reader, writer)
      : answerBalances(record, parsed.metric, voice, writer);
    return done(text, parsed.metric);
  }
  const history = record.history;
  const span = history ? recordSpan(history.firstMonth, history.asOf) : null;
  const merchantInput = history && span ? { history, span, voice, writer } : null;
  if (parsed.unknownCategory !== null && findCategories(parsed.unknownCategory).length === 0) {
    const merchantAnswer = merchantInput
      ? reader
        ? answerMerchantTranslated({ ...merchantInput, ...reader }, parsed.unknownCategory)
        : answerMerchant(merchantInput, parsed.unknownCategory)
      : null;
    if (merchantAnswer !== null) return done(merchantAnswer, 'merchant');
    return notice(
      'unknown_category',
      `I don't have a spending category called "${parsed.unknownCategory}". Spending is grouped into: ${categoryList()}.`,
      parsed.unknownCategory,
    );
  }
  if (NEEDS_HISTORY.has(parsed.metric) && history === undefined) {
    return notice('no_history', noHistory(voice, options.audience));
  }
  if (history === undefined) return null;
  if (span === null || merchantInput === null) {
    return notice(
      'no_transactions',
      `There are no transactions in ${voice.possessive} records, so I can't say anything about ${voice.possessive} spending yet.`,
    );
  }
  const now = options.now ?? new Date();
  const periodInput = { ...merchantInput, period: resolvePeriod(parsed.period, span, now) };
  if (parsed.merchantWords !== null && parsed.metric === 'spending') {
    const words = parsed.merchantWords;
    const known = reader
      ? answerMerchantTranslated({ ...merchantInput, ...reader }, words)
      : answerMerchant(merchantInput, words);
    if (known !== null) return done(known, 'merchant');
    const unknown = reader
      ? unknownMerchantTranslated({ ...merchantInput, ...reader }, words)
      : unknownMerchant(merchantInput, words);
    return done(unknown, 'unknown_merchant');
  }
  switch (parsed.metric) {
    case 'top_merchants':
      return done(
        reader
          ? answerTopMerchantsTranslated({ ...merchantInput, ...reader })
          : answerTopMerchants(merchantInput),
        'top_merchants',
      );
    case 'recurring':
      return done(
        reader ? answerRecurringTranslated({ ...merchantInput, ...reader }) : answerRecurring(merchantInput),
        'recurring',
      );
    case 'breakdown':
      return done(
        reader ? answerBreakdownTranslated({ ...periodInput, ...reader }) : answerBreakdown(periodInput),
        'breakdown',
      );
    case 'savings_rate':
      return done(
        reader
          ? answerSavingsRateTranslated({ ...periodInput, ...reader }, record)
          : answerSavingsRate(periodInput, record),
        'savings_rate',
      );
    case 'retirement': {
      const plan = planRetirement(record, latestSpending(history, span, parsed, now));
      return done(
        reader ? answerRetirementTranslated(plan, reader, writer) : answerRetirement(plan, voice, writer),
        'retirement',
      );
    }
    default:
      return done(
        reader
          ? answerSpendingTranslated({ ...periodInput, ...reader }, parsed.categories)
          : answerSpending(periodInput, parsed.categories),
        'spending',
      );
  }
}

/** Average monthly spending over the latest months of the records, for the retirement projection. */
function latestSpending(
  history: NonNullable<ProfileRecord['history']>,
  span: RecordSpan,
  parsed: OwnDataQuestion,
  now: Date,
): { monthlySpend: number; months: number; retirementAge: number | null } {
  const period = resolvePeriod(null, span, now);
  const from = period.kind === 'months' ? period.from : span.first;
  const to = period.kind === 'months' ? period.to : span.last;
  const months = Math.min(DEFAULT_WINDOW_MONTHS, to - from + 1);
  return {
    monthlySpend: centsSpent(history, from, to) / 100 / months,
    months,
    retirementAge: parsed.retirementAge,
  };
}
