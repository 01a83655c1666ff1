import type { ProfileRecord } from '../../knowledge/index.ts';
import type { AudienceVoice } from '../compose/audience-voice.ts';
import type { FigureText } from './figure-text.ts';

/** The assumptions of the projection; stated in every answer. */
export const RETIREMENT_ASSUMPTIONS = {
  /** Retirement age when the question names none. */
  retirementAge: 67,
  /** Yearly return after inflation, in percent, compounded monthly: an assumption, not a forecast. */
  realReturnPercent: 4,
  /** Contributions are the monthly surplus from the records, capped at this share of income (taxes are not in the records). */
  maxContributionPercent: 15,
  /** Rule of thumb: a pot of this many years of spending supports it (the 4% withdrawal rule). */
  yearsOfSpending: 25,
} as const;

/** What the projection needs from the records. */
export interface RetirementInputs {
  /** Average monthly spending over the latest months of the records. */
  monthlySpend: number;
  /** Months that average is over. */
  months: number;
  retirementAge: number | null;
}

/** Future value of a pot plus a monthly contribution, compounded monthly. */
export function projectPot(start: number, monthly: number, yearlyPercent: number, years: number): number {
  const rate = yearlyPercent / 100 / 12;
  const periods = Math.round(years * 12);
  if (rate === 0) return start + monthly * periods;
  const growth = (1 + rate) ** periods;
  return start * growth + (monthly * (growth - 1)) / rate;
}

/**
 * "Am I on track for retirement?": a projection of today's savings plus the monthly surplus, at an assumed
 * return, against 25 years of today's spending; every assumption stated, never a promise.
 */
export function answerRetirement(
  record: ProfileRecord,
  inputs: RetirementInputs,
  voice: AudienceVoice,
  writer: FigureText,
): string {
  const { age, income, savings_balance: savings } = record.customer;
  const assumptions = RETIREMENT_ASSUMPTIONS;
  const retirementAge = inputs.retirementAge ?? assumptions.retirementAge;
  const caveat =
    'This is a projection, not a promise: returns are not guaranteed, investments can fall in value, and pensions, taxes and fees are left out. An adviser can go through it in detail.';
  if (age >= retirementAge) {
    return `${voice.Subject} ${voice.are} ${writer.count(age)}, at or past the retirement age of ${writer.count(retirementAge)} used here, so there is no saving period left to project; ${voice.possessive} recorded savings are ${writer.money(savings)}. ${caveat}`;
  }
  const years = retirementAge - age;
  const monthlyIncome = income / 12;
  const surplus = Math.max(0, monthlyIncome - inputs.monthlySpend);
  const contribution =
    Math.round(Math.min(surplus, (monthlyIncome * assumptions.maxContributionPercent) / 100) * 100) / 100;
  const pot = projectPot(savings, contribution, assumptions.realReturnPercent, years);
  const yearlySpend = inputs.monthlySpend * 12;
  const target = yearlySpend * assumptions.yearsOfSpending;
  const assumed = [
    `retirement at ${writer.count(retirementAge)} (in ${writer.count(years)} years)`,
    `${writer.money(contribution)} a month put aside (what ${voice.possessive} records leave after spending, at most ${writer.percent(assumptions.maxContributionPercent)} of income)`,
    `a return of ${writer.percent(assumptions.realReturnPercent)} a year after inflation`,
    `starting from ${voice.possessive} savings of ${writer.money(savings)}`,
  ];
  const projection = `Assuming ${assumed.join(', ')}, the pot would come to about ${writer.roundMoney(pot)} in today's money.`;
  const measure = `A common rule of thumb is ${writer.count(assumptions.yearsOfSpending)} times yearly spending, here about ${writer.roundMoney(target)} (${writer.money(yearlySpend)} a year over the latest ${writer.count(inputs.months)} months of records).`;
  const verdict =
    pot >= target
      ? `On these assumptions ${voice.subject} would be on track.`
      : `On these assumptions ${voice.subject} would fall short by about ${writer.roundMoney(target - pot)}.`;
  return `${projection} ${measure} ${verdict} ${caveat}`;
}
