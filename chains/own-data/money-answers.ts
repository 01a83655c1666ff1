import type { ProfileRecord } from '../../knowledge/index.ts';
import { PAYMENTS_PER_YEAR } from '../../knowledge/preprocess/index.ts';
import type { AudienceVoice } from '../compose/audience-voice.ts';
import { type FigureText, joinWords } from './figure-text.ts';
import { outsideRecords, periodLead } from './period-phrase.ts';
import type { HistoryAnswerInput } from './spending-answers.ts';
import { centsSpent } from './spending-totals.ts';

/** The payments that repeat at a steady cadence, with their monthly equivalent. */
export function answerRecurring(input: Omit<HistoryAnswerInput, 'period'>): string {
  const { history, span, voice, writer } = input;
  const range = `${writer.month(span.first)} to ${writer.date(span.asOf)}`;
  if (history.recurring.length === 0) {
    return `I found no recurring payments in ${voice.possessive} records (${range}): no merchant was paid a steady amount at a steady interval.`;
  }
  const payments = history.recurring.map(
    (payment) =>
      `${writer.quote(payment.merchant)} ${writer.money(payment.amount)} ${payment.cadence} (${payment.category})`,
  );
  const monthly = history.recurring.reduce(
    (sum, payment) => sum + (payment.amount * PAYMENTS_PER_YEAR[payment.cadence]) / 12,
    0,
  );
  const count = history.recurring.length;
  return `${voice.Possessive} records (${range}) show ${writer.count(count)} recurring payment${count === 1 ? '' : 's'} still running: ${joinWords(payments)}. Together that is about ${writer.money(monthly)} a month.`;
}

/** Savings and debt balances from the customer's record. */
export function answerBalances(
  record: ProfileRecord,
  wanted: 'balance' | 'debt' | 'balance_and_debt',
  voice: AudienceVoice,
  writer: FigureText,
): string {
  const { savings_balance: savings, debt_balance: debt, income } = record.customer;
  const sentences: string[] = [];
  if (wanted !== 'debt') {
    sentences.push(
      `${voice.Subject} ${voice.have} ${writer.money(savings)} in savings, as recorded in ${voice.possessive} profile.`,
    );
  }
  if (wanted !== 'balance') {
    if (debt === 0) sentences.push(`${voice.Subject} ${voice.have} no recorded debt.`);
    else {
      const share =
        income > 0
          ? `, which is ${writer.percent((100 * debt) / income)} of a yearly income of ${writer.money(income)}`
          : '';
      sentences.push(`${voice.Possessive} recorded debts come to ${writer.money(debt)}${share}.`);
    }
  }
  if (wanted === 'balance_and_debt' && debt > 0) {
    const net = savings - debt;
    sentences.push(
      net >= 0
        ? `Savings minus debts leaves ${writer.money(net)}.`
        : `Debts exceed savings by ${writer.money(-net)}.`,
    );
  }
  return sentences.join(' ');
}

/** Spending against income over a period: the share of income left over. */
export function answerSavingsRate(input: HistoryAnswerInput, record: ProfileRecord): string {
  const { history, span, period, voice, writer } = input;
  if (period.kind === 'outside') return outsideRecords(period, span, voice, writer);
  const lead = periodLead(period, span, voice, writer);
  const months = period.to - period.from + 1;
  const monthlySpend = centsSpent(history, period.from, period.to) / 100 / months;
  const monthlyIncome = record.customer.income / 12;
  const spent = `${voice.subject} spent ${writer.money(monthlySpend)} a month on average`;
  if (monthlyIncome <= 0) {
    return `${lead} ${spent}. There is no income in ${voice.possessive} profile, so I can't work out a savings rate.`;
  }
  const rate = 100 * (1 - monthlySpend / monthlyIncome);
  const against = `against a monthly income of ${writer.money(monthlyIncome)} (a yearly income of ${writer.money(record.customer.income)} divided by 12, before tax)`;
  const verdict =
    rate >= 0
      ? `a savings rate of about ${writer.percent(rate)}`
      : `spending about ${writer.percent(-rate)} more than that income`;
  return `${lead} ${spent}, ${against}: ${verdict}. Taxes and costs outside these records are not counted.`;
}
