import { SPEND_CATEGORIES, type SpendCategory, type Transaction } from '../../../knowledge/schemas.ts';

/**
 * Spend per customer, category and month, where months are counted from the cut-off day: period 0
 * starts on the cut-off, period −1 is the month before it, and so on (calendar months when the
 * cut-off is the first of a month).
 */
export interface MonthlySpend {
  customerCount: number;
  /** Offset of the first period with any spending (e.g. −12). */
  firstPeriod: number;
  /** One past the last period with any spending (e.g. 6). */
  endPeriod: number;
  /** Mean spend per month over periods [from, to); months without spending count as 0. */
  meanSpend(customer: number, category: number, from: number, to: number): number;
  /** Mean number of purchases per month over periods [from, to). */
  meanPurchases(customer: number, category: number, from: number, to: number): number;
  /** Months in [from, to) with any spending in the category. */
  activeMonths(customer: number, category: number, from: number, to: number): number;
}

/** The number of spend categories: the cube's middle dimension. */
export const CATEGORY_COUNT = SPEND_CATEGORIES.length;
const CATEGORY_INDEX = new Map<SpendCategory, number>(
  SPEND_CATEGORIES.map((category, index) => [category, index]),
);

/** Months from the cut-off day to a date (negative before it); both are valid YYYY-MM-DD strings. */
export function monthPeriod(date: string, cutoff: string): number {
  const months =
    (Number(date.slice(0, 4)) - Number(cutoff.slice(0, 4))) * 12 +
    (Number(date.slice(5, 7)) - Number(cutoff.slice(5, 7)));
  return date.slice(8, 10) < cutoff.slice(8, 10) ? months - 1 : months;
}

/** Buckets transactions into the customer × category × period cube; rows of unknown customers are ignored. */
export function monthlySpend(
  customerIds: readonly string[],
  transactions: readonly Transaction[],
  cutoff: string,
): MonthlySpend {
  const customerIndex = new Map(customerIds.map((id, index) => [id, index]));
  let firstPeriod = 0;
  let endPeriod = 0;
  for (const transaction of transactions) {
    const period = monthPeriod(transaction.date, cutoff);
    firstPeriod = Math.min(firstPeriod, period);
    endPeriod = Math.max(endPeriod, period + 1);
  }
  const months = endPeriod - firstPeriod;
  const amount = new Float64Array(customerIds.length * CATEGORY_COUNT * months);
  const purchases = new Float64Array(amount.length);
  for (const transaction of transactions) {
    const customer = customerIndex.get(transaction.customer_id);
    if (customer === undefined) continue;
    const category = CATEGORY_INDEX.get(transaction.category) ?? 0;
    const cell =
      (customer * CATEGORY_COUNT + category) * months + monthPeriod(transaction.date, cutoff) - firstPeriod;
    amount[cell] = (amount[cell] ?? 0) + transaction.amount;
    purchases[cell] = (purchases[cell] ?? 0) + 1;
  }
  const sum = (cube: Float64Array, customer: number, category: number, from: number, to: number) => {
    const base = (customer * CATEGORY_COUNT + category) * months - firstPeriod;
    let total = 0;
    for (let period = Math.max(from, firstPeriod); period < Math.min(to, endPeriod); period++) {
      total += cube[base + period] ?? 0;
    }
    return total;
  };
  return {
    customerCount: customerIds.length,
    firstPeriod,
    endPeriod,
    meanSpend: (customer, category, from, to) =>
      to > from ? sum(amount, customer, category, from, to) / (to - from) : 0,
    meanPurchases: (customer, category, from, to) =>
      to > from ? sum(purchases, customer, category, from, to) / (to - from) : 0,
    activeMonths(customer, category, from, to) {
      const base = (customer * CATEGORY_COUNT + category) * months - firstPeriod;
      let active = 0;
      for (let period = Math.max(from, firstPeriod); period < Math.min(to, endPeriod); period++) {
        if ((amount[base + period] ?? 0) > 0) active++;
      }
      return active;
    },
  };
}
