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

/** The projection's numbers, written out by the English answer and by the translated ones alike. */
export type RetirementPlan =
  | { kind: 'past_age'; age: number; retirementAge: number; savings: number }
  | {
      kind: 'projected';
      retirementAge: number;
      years: number;
      /** Monthly amount put aside: the surplus after spending, capped at a share of income. */
      contribution: number;
      savings: number;
      pot: number;
      yearlySpend: number;
      target: number;
      /** Months the spending average is over. */
      months: number;
    };

/** Today's savings plus the monthly surplus, grown at the assumed return until the retirement age. */
export function planRetirement(record: ProfileRecord, inputs: RetirementInputs): RetirementPlan {
  const { age, income, savings_balance: savings } = record.customer;
  const assumptions = RETIREMENT_ASSUMPTIONS;
  const retirementAge = inputs.retirementAge ?? assumptions.retirementAge;
  if (age >= retirementAge) return { kind: 'past_age', age, retirementAge, savings };
  const years = retirementAge - age;
  const monthlyIncome = income / 12;
  const surplus = Math.max(0, monthlyIncome - inputs.monthlySpend);
  const contribution =
    Math.round(Math.min(surplus, (monthlyIncome * assumptions.maxContributionPercent) / 100) * 100) / 100;
  const pot = projectPot(savings, contribution, assumptions.realReturnPercent, years);
  const yearlySpend = inputs.monthlySpend * 12;
  const target = yearlySpend * assumptions.yearsOfSpending;
  return {
    kind: 'projected',
    retirementAge,
    years,
    contribution,
    savings,
    pot,
    yearlySpend,
    target,
    months: inputs.months,
  };
}

/**
 * "Am I on track for retirement?": a projection of today's savings plus the monthly surplus, at an assumed
 * return, against 25 years of today's spending; every assumption stated, never a promise.
 */
export function answerRetirement(plan: RetirementPlan, voice: AudienceVoice, writer: FigureText): string {
  const assumptions = RETIREMENT_ASSUMPTIONS;
  const caveat =
    'This is a projection, not a promise: returns are not guaranteed, investments can fall in value, and pensions, taxes and fees are left out. An adviser can go through it in detail.';
  if (plan.kind === 'past_age') {
    return `${voice.Subject} ${voice.are} ${writer.count(plan.age)}, at or past the retirement age of ${writer.count(plan.retirementAge)} used here, so there is no saving period left to project; ${voice.possessive} recorded savings are ${writer.money(plan.savings)}. ${caveat}`;
  }
  const assumed = [
    `retirement at ${writer.count(plan.retirementAge)} (in ${writer.count(plan.years)} years)`,
    `${writer.money(plan.contribution)} a month put aside (what ${voice.possessive} records leave after spending, at most ${writer.percent(assumptions.maxContributionPercent)} of income)`,
    `a return of ${writer.percent(assumptions.realReturnPercent)} a year after inflation`,
    `starting from ${voice.possessive} savings of ${writer.money(plan.savings)}`,
  ];
  const projection = `Assuming ${assumed.join(', ')}, the pot would come to about ${writer.roundMoney(plan.pot)} in today's money.`;
  const measure = `A common rule of thumb is ${writer.count(assumptions.yearsOfSpending)} times yearly spending, here about ${writer.roundMoney(plan.target)} (${writer.money(plan.yearlySpend)} a year over the latest ${writer.count(plan.months)} months of records).`;
  const verdict =
    plan.pot >= plan.target
      ? `On these assumptions ${voice.subject} would be on track.`
      : `On these assumptions ${voice.subject} would fall short by about ${writer.roundMoney(plan.target - plan.pot)}.`;
  return `${projection} ${measure} ${verdict} ${caveat}`;
}
