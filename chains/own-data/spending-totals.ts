import type { StoredSpendingHistory } from '../../knowledge/profile-record.ts';
import { SPEND_CATEGORIES, type SpendCategory } from '../../knowledge/schemas.ts';
import { monthNumber } from './record-calendar.ts';

/**
 * Whole cents spent in the given months (month numbers, inclusive), per category; summed in cents so
 * totals equal the sum of the transactions exactly.
 */
export function centsByCategory(
  history: StoredSpendingHistory,
  from: number,
  to: number,
): Map<SpendCategory, number> {
  const totals = new Map<SpendCategory, number>();
  if (history.firstMonth === null) return totals;
  const first = monthNumber(history.firstMonth);
  for (const category of SPEND_CATEGORIES) {
    let sum = 0;
    for (const [offset, dollars] of history.monthlySpend[category] ?? []) {
      const month = first + offset;
      if (month >= from && month <= to) sum += Math.round(dollars * 100);
    }
    if (sum > 0) totals.set(category, sum);
  }
  return totals;
}

/** Whole cents spent in the given months across the given categories (every category when empty). */
export function centsSpent(
  history: StoredSpendingHistory,
  from: number,
  to: number,
  categories: readonly SpendCategory[] = [],
): number {
  let sum = 0;
  for (const [category, cents] of centsByCategory(history, from, to)) {
    if (categories.length === 0 || categories.includes(category)) sum += cents;
  }
  return sum;
}
