import type { SpendCategory } from '../schemas.ts';

/** How often a recurring payment comes round. */
export const CADENCES = ['weekly', 'fortnightly', 'monthly', 'quarterly', 'yearly'] as const;
export type Cadence = (typeof CADENCES)[number];

/** A payment to one merchant that repeats at a steady interval for a steady amount. */
export interface RecurringPayment {
  merchant: string;
  category: SpendCategory;
  /** The middle payment amount, in dollars (an amount actually paid, not an average). */
  amount: number;
  cadence: Cadence;
  /** How many payments the pattern was seen in. */
  count: number;
  /** YYYY-MM-DD of the latest payment. */
  lastDate: string;
}

/** One merchant's payments, in date order: day numbers (days since 1970-01-01) and amounts in cents. */
export interface MerchantPayments {
  merchant: string;
  category: SpendCategory;
  days: number[];
  cents: number[];
  lastDate: string;
}

/** Interval (days) each cadence stands for, with the slack a calendar allows (months of 28–31 days, weekends). */
const CADENCE_DAYS: Record<Cadence, { days: number; slack: number }> = {
  weekly: { days: 7, slack: 1 },
  fortnightly: { days: 14, slack: 2 },
  monthly: { days: 30.4, slack: 5 },
  quarterly: { days: 91, slack: 10 },
  yearly: { days: 365, slack: 20 },
};
/** Fewest payments that make a pattern: two could be chance. */
export const MIN_RECURRING_PAYMENTS = 3;
/** Share of intervals and of amounts that must fit the pattern (one late or odd payment is tolerated). */
const FIT_SHARE = 0.75;
/** How far an amount may stray from the typical one and still count as the same bill (price rises, usage). */
const AMOUNT_TOLERANCE = 0.15;
/** A pattern whose next payment is this many intervals overdue at the as-of date has stopped. */
const OVERDUE_INTERVALS = 1.5;

function cadenceOf(interval: number): Cadence | null {
  for (const cadence of CADENCES) {
    const { days, slack } = CADENCE_DAYS[cadence];
    if (Math.abs(interval - days) <= slack) return cadence;
  }
  return null;
}

/** The lower middle of a list of numbers (an actual element, so cents stay whole). */
function middle(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/**
 * Whether one merchant's payments repeat at a steady cadence for a steady amount and are still running at
 * `asOfDay`; the payment pattern if so. Subscriptions, rent, loan repayments and bills paid by direct debit
 * look like this; shopping at the same supermarket usually does not (irregular days and amounts).
 */
export function detectRecurringPayment(payments: MerchantPayments, asOfDay: number): RecurringPayment | null {
  const { days, cents } = payments;
  if (days.length < MIN_RECURRING_PAYMENTS) return null;
  const intervals = days.slice(1).map((day, index) => day - (days[index] ?? day));
  const cadence = cadenceOf(middle(intervals));
  if (cadence === null) return null;
  const fitting = intervals.filter((interval) => cadenceOf(interval) === cadence).length;
  if (fitting < FIT_SHARE * intervals.length) return null;
  const typical = middle(cents);
  const steady = cents.filter((amount) => Math.abs(amount - typical) <= AMOUNT_TOLERANCE * typical).length;
  if (steady < FIT_SHARE * cents.length) return null;
  const lastDay = days[days.length - 1] ?? 0;
  if (asOfDay - lastDay > OVERDUE_INTERVALS * CADENCE_DAYS[cadence].days) return null;
  return {
    merchant: payments.merchant,
    category: payments.category,
    amount: typical / 100,
    cadence,
    count: days.length,
    lastDate: payments.lastDate,
  };
}

/** Payments a year at each cadence, to rank payments of different cadences by their weight. */
export const PAYMENTS_PER_YEAR: Record<Cadence, number> = {
  weekly: 52,
  fortnightly: 26,
  monthly: 12,
  quarterly: 4,
  yearly: 1,
};
