import { SPEND_CATEGORIES, type SpendCategory, type Transaction } from '../schemas.ts';
import {
  detectRecurringPayment,
  type MerchantPayments,
  MIN_RECURRING_PAYMENTS,
  PAYMENTS_PER_YEAR,
  type RecurringPayment,
} from './recurring-payments.ts';

/** What one merchant took from the customer over the months kept. */
export interface MerchantTotal {
  merchant: string;
  category: SpendCategory;
  /** Dollars, summed in whole cents so it equals the sum of the rows exactly. */
  total: number;
  count: number;
}

/**
 * One customer's spending by calendar month, their biggest merchants and their recurring payments: what
 * questions such as "how much did I spend on dining last month" are answered from. Compact on purpose
 * (a few hundred bytes): it is stored in the profile record and read on every turn.
 */
export interface SpendingHistory {
  /** YYYY-MM-DD: the last day the dataset's transactions run to; null when there are none at all. */
  asOf: string | null;
  /** YYYY-MM of the first month in `monthlySpend`; null when the customer has no transactions in the window. */
  firstMonth: string | null;
  /**
   * Per category, the months with spending as `[months after firstMonth, dollars]` pairs in month order; months
   * without spending and categories never used are left out (most customers use a few categories a month).
   */
  monthlySpend: Partial<Record<SpendCategory, [number, number][]>>;
  /** The merchants with the largest totals over those months, largest first. */
  topMerchants: MerchantTotal[];
  /** Payments repeating at a steady cadence and still running at `asOf`, largest yearly cost first. */
  recurring: RecurringPayment[];
}

/** Months of history kept per customer: enough for "this year", "last year" and "in March" a year back. */
export const HISTORY_MONTHS = 24;
/** Merchants kept in `topMerchants`. */
export const TOP_MERCHANT_COUNT = 5;
/** Recurring payments kept. */
export const RECURRING_PAYMENT_LIMIT = 8;

const MS_PER_DAY = 86_400_000;
const digit = (text: string, index: number): number => text.charCodeAt(index) - 48;
const yearOf = (date: string): number =>
  digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
const monthOf = (date: string): number => digit(date, 5) * 10 + digit(date, 6);
/** Months since year 0 of a YYYY-MM[-DD] text. */
const monthNumber = (date: string): number => yearOf(date) * 12 + monthOf(date) - 1;
const dayNumber = (date: string): number =>
  Date.UTC(yearOf(date), monthOf(date) - 1, digit(date, 8) * 10 + digit(date, 9)) / MS_PER_DAY;

/** YYYY-MM of a month number (months since year 0). */
export function monthText(month: number): string {
  const year = Math.floor(month / 12);
  return `${String(year).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** The latest transaction date across customers (dates are validated YYYY-MM-DD, so text order is date order). */
export function latestTransactionDate(
  activities: Iterable<{ transactions: readonly Transaction[] }>,
): string | null {
  let latest: string | null = null;
  for (const activity of activities) {
    for (const transaction of activity.transactions) {
      if (latest === null || transaction.date > latest) latest = transaction.date;
    }
  }
  return latest;
}

const CATEGORY_INDEX = new Map<SpendCategory, number>(
  SPEND_CATEGORIES.map((category, index) => [category, index]),
);

interface MerchantAccumulator {
  merchant: string;
  category: SpendCategory;
  cents: number;
  dates: string[];
  amounts: number[];
}

/**
 * Builds one customer's spending history from their own transactions (already cut at the as-of date), over
 * the HISTORY_MONTHS calendar months that end with the month of `asOf`, the dataset's last transaction day.
 * Amounts are summed in whole cents, so every total equals the sum of the CSV rows exactly.
 */
export function buildSpendingHistory(
  transactions: readonly Transaction[],
  asOf: string | null,
): SpendingHistory {
  const empty: SpendingHistory = {
    asOf,
    firstMonth: null,
    monthlySpend: {},
    topMerchants: [],
    recurring: [],
  };
  if (asOf === null) return empty;
  const lastMonth = monthNumber(asOf);
  const windowStart = lastMonth - HISTORY_MONTHS + 1;
  const monthCount = HISTORY_MONTHS;
  const cents = new Float64Array(SPEND_CATEGORIES.length * monthCount);
  const merchants = new Map<string, MerchantAccumulator>();
  let firstMonth = Number.POSITIVE_INFINITY;
  for (const transaction of transactions) {
    const month = monthNumber(transaction.date);
    if (month < windowStart || month > lastMonth) continue;
    if (month < firstMonth) firstMonth = month;
    const amount = Math.round(transaction.amount * 100);
    const category = CATEGORY_INDEX.get(transaction.category) ?? 0;
    const cell = category * monthCount + (month - windowStart);
    cents[cell] = (cents[cell] ?? 0) + amount;
    let merchant = merchants.get(transaction.merchant);
    if (merchant === undefined) {
      merchant = {
        merchant: transaction.merchant,
        category: transaction.category,
        cents: 0,
        dates: [],
        amounts: [],
      };
      merchants.set(transaction.merchant, merchant);
    }
    merchant.cents += amount;
    merchant.dates.push(transaction.date);
    merchant.amounts.push(amount);
  }
  if (firstMonth === Number.POSITIVE_INFINITY) return empty;

  const offset = firstMonth - windowStart;
  const monthlySpend: Partial<Record<SpendCategory, [number, number][]>> = {};
  SPEND_CATEGORIES.forEach((category, index) => {
    let months: [number, number][] | undefined;
    for (let month = offset; month < monthCount; month++) {
      const value = cents[index * monthCount + month] ?? 0;
      if (value === 0) continue;
      months ??= [];
      months.push([month - offset, value / 100]);
    }
    if (months !== undefined) monthlySpend[category] = months;
  });
  const all = [...merchants.values()];
  const topMerchants = [...all]
    .sort((left, right) => right.cents - left.cents || left.merchant.localeCompare(right.merchant))
    .slice(0, TOP_MERCHANT_COUNT)
    .map(({ merchant, category, cents: total, dates }) => ({
      merchant,
      category,
      total: total / 100,
      count: dates.length,
    }));
  return {
    asOf,
    firstMonth: monthText(firstMonth),
    monthlySpend,
    topMerchants,
    recurring: recurring(all, asOf),
  };
}

function recurring(merchants: readonly MerchantAccumulator[], asOf: string): RecurringPayment[] {
  const asOfDay = dayNumber(asOf);
  const found: RecurringPayment[] = [];
  for (const merchant of merchants) {
    if (merchant.dates.length < MIN_RECURRING_PAYMENTS) continue;
    const order = merchant.dates.map((_, index) => index);
    // Rows usually come in date order already; sort only when they do not.
    if (merchant.dates.some((date, index) => index > 0 && date < (merchant.dates[index - 1] ?? date))) {
      order.sort((left, right) => ((merchant.dates[left] ?? '') < (merchant.dates[right] ?? '') ? -1 : 1));
    }
    const dates = order.map((index) => merchant.dates[index] ?? '');
    const payments: MerchantPayments = {
      merchant: merchant.merchant,
      category: merchant.category,
      days: dates.map(dayNumber),
      cents: order.map((index) => merchant.amounts[index] ?? 0),
      lastDate: dates[dates.length - 1] ?? asOf,
    };
    const payment = detectRecurringPayment(payments, asOfDay);
    if (payment !== null) found.push(payment);
  }
  const yearly = (payment: RecurringPayment): number => payment.amount * PAYMENTS_PER_YEAR[payment.cadence];
  return found
    .sort((left, right) => yearly(right) - yearly(left) || left.merchant.localeCompare(right.merchant))
    .slice(0, RECURRING_PAYMENT_LIMIT);
}
