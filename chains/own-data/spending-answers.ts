import type { StoredSpendingHistory } from '../../knowledge/profile-record.ts';
import type { SpendCategory } from '../../knowledge/schemas.ts';
import type { AudienceVoice } from '../compose/audience-voice.ts';
import { type FigureText, joinWords } from './figure-text.ts';
import { outsideRecords, periodLead } from './period-phrase.ts';
import type { RecordSpan, ResolvedPeriod } from './record-calendar.ts';
import { centsByCategory, centsSpent } from './spending-totals.ts';

/** What every history-based answer needs. */
export interface HistoryAnswerInput {
  history: StoredSpendingHistory;
  span: RecordSpan;
  period: ResolvedPeriod;
  voice: AudienceVoice;
  writer: FigureText;
}

/** How many categories a total names as its largest parts. */
const LARGEST_PARTS = 3;

/** "In June 2026, the latest full month in your records, you spent $412.30 on dining." */
export function answerSpending(input: HistoryAnswerInput, categories: readonly SpendCategory[]): string {
  const { history, span, period, voice, writer } = input;
  if (period.kind === 'outside') return outsideRecords(period, span, voice, writer);
  const lead = periodLead(period, span, voice, writer);
  const months = period.to - period.from + 1;
  const average = (cents: number): string =>
    months > 1 ? `, ${writer.money(cents / 100 / months)} a month on average` : '';
  if (categories.length === 0) {
    const byCategory = [...centsByCategory(history, period.from, period.to)].sort((a, b) => b[1] - a[1]);
    const total = byCategory.reduce((sum, [, cents]) => sum + cents, 0);
    if (total === 0) return `${lead} ${voice.subject} had no recorded spending.`;
    const parts = byCategory
      .slice(0, LARGEST_PARTS)
      .map(([category, cents]) => `${category} (${writer.money(cents / 100)})`);
    return `${lead} ${voice.subject} spent ${writer.money(total / 100)} in all${average(total)}. The largest parts were ${joinWords(parts)}.`;
  }
  const amounts = categories.map((category) => ({
    category,
    cents: centsSpent(history, period.from, period.to, [category]),
  }));
  if (amounts.every((amount) => amount.cents === 0)) {
    return `${lead} ${voice.subject} spent nothing on ${joinWords(categories)}.`;
  }
  if (amounts.length === 1) {
    const cents = amounts[0]?.cents ?? 0;
    return `${lead} ${voice.subject} spent ${writer.money(cents / 100)} on ${categories[0]}${average(cents)}.`;
  }
  const total = amounts.reduce((sum, amount) => sum + amount.cents, 0);
  const parts = amounts.map((amount) => `${writer.money(amount.cents / 100)} on ${amount.category}`);
  return `${lead} ${voice.subject} spent ${joinWords(parts)}: ${writer.money(total / 100)} together${average(total)}.`;
}

/** The categories of a period, largest first, with their share of the total. */
export function answerBreakdown(input: HistoryAnswerInput): string {
  const { history, span, period, voice, writer } = input;
  if (period.kind === 'outside') return outsideRecords(period, span, voice, writer);
  const lead = periodLead(period, span, voice, writer);
  const byCategory = [...centsByCategory(history, period.from, period.to)].sort((a, b) => b[1] - a[1]);
  const total = byCategory.reduce((sum, [, cents]) => sum + cents, 0);
  if (total === 0) return `${lead} ${voice.subject} had no recorded spending.`;
  const parts = byCategory
    .slice(0, 5)
    .map(
      ([category, cents]) =>
        `${category} ${writer.money(cents / 100)} (${writer.percent((100 * cents) / total)})`,
    );
  return `${lead} ${voice.subject} spent ${writer.money(total / 100)}. The biggest categories were ${joinWords(parts)}.`;
}

/** The merchants with the largest totals over the months kept. */
export function answerTopMerchants(input: Omit<HistoryAnswerInput, 'period'>): string {
  const { history, span, voice, writer } = input;
  const merchants = history.topMerchants.map(
    (merchant) =>
      `${writer.quote(merchant.merchant)} (${merchant.category}): ${writer.money(merchant.total)} over ${writer.count(merchant.count)} payment${merchant.count === 1 ? '' : 's'}`,
  );
  return `From ${writer.month(span.first)} to ${writer.date(span.asOf)}, ${voice.possessive} top merchants were ${joinWords(merchants)}.`;
}

/** What one named merchant was paid over the months kept; null when the merchant is not among the kept ones. */
export function answerMerchant(input: Omit<HistoryAnswerInput, 'period'>, words: string): string | null {
  const { history, span, voice, writer } = input;
  const wanted = words.toLowerCase();
  const merchant = history.topMerchants.find((item) => item.merchant.toLowerCase().startsWith(wanted));
  if (merchant) {
    return `From ${writer.month(span.first)} to ${writer.date(span.asOf)}, ${voice.subject} paid ${writer.quote(merchant.merchant)} ${writer.money(merchant.total)} over ${writer.count(merchant.count)} payment${merchant.count === 1 ? '' : 's'}.`;
  }
  const recurring = history.recurring.find((item) => item.merchant.toLowerCase().startsWith(wanted));
  if (recurring) {
    return `${voice.Subject} ${voice.have === 'have' ? 'pay' : 'pays'} ${writer.quote(recurring.merchant)} ${writer.money(recurring.amount)} ${recurring.cadence}; the latest payment in ${voice.possessive} records was on ${writer.date(recurring.lastDate)}.`;
  }
  return null;
}

/** When a named merchant is not among those kept: say so and name the ones that are. */
export function unknownMerchant(input: Omit<HistoryAnswerInput, 'period'>, words: string): string {
  const { history, voice, writer } = input;
  const kept = history.topMerchants.map((merchant) => writer.quote(merchant.merchant));
  return `I only keep totals for ${voice.possessive} largest merchants, and "${words}" is not one of them. They are ${joinWords(kept)}; I can also give spending by category.`;
}
