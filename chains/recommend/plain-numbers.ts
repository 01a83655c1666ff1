/**
 * How numbers from a customer's record are written in reasons: rounded the way a person would say
 * them, never changed in any other way, so every figure in a reason traces back to the input.
 */

const usd = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Dollars rounded to what a person would say: $37, $420, $1,450, $18,000. */
export function plainDollars(amount: number): string {
  const magnitude = Math.abs(amount);
  const step = magnitude < 100 ? 1 : magnitude < 10_000 ? 10 : 100;
  return `$${usd.format(Math.round(amount / step) * step)}`;
}

/** A fraction written as a whole percentage: 0.456 → "46%". */
export function plainPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** A span of months in words: "less than a month", "about 1 month", "about 4 months". */
export function plainMonths(months: number): string {
  const whole = Math.round(months);
  if (whole < 1) return 'less than a month';
  return whole === 1 ? 'about 1 month' : `about ${whole} months`;
}

/** A list in prose: "a", "a and b", "a, b and c". */
export function plainList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
