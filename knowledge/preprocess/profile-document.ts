import type { Customer, Product, SpendCategory } from '../schemas.ts';
import type { CustomerAggregates } from './aggregate-customer.ts';
import { sanitiseCustomerText } from './sanitise-customer-text.ts';
import { truncateAtWord } from './truncate-text.ts';

/** How much of the screened posts a profile document quotes. */
const POST_EXCERPT_LIMIT = 300;
/** Below this, a monthly trend reads as "stable" (VADER-style dead band, 1% a month). */
const STABLE_TREND = 0.01;

const dollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const percent = (ratio: number): string => `${Math.round(ratio * 100)}%`;

/** $42,000 — whole dollars, the precision a profile needs. */
export function formatMoney(amount: number): string {
  return dollars.format(amount);
}

/** Customer-typed fields can carry instructions too, so they get the same treatment as posts. */
function safe(text: string): string {
  return sanitiseCustomerText(text).text;
}

function describeMood(meanSentiment: number): string {
  if (meanSentiment >= 0.05) return 'positive';
  if (meanSentiment <= -0.05) return 'negative';
  return 'neutral';
}

function describeSpending(aggregates: CustomerAggregates): string {
  if (aggregates.transactionCount === 0) return 'No card or account spending on record.';
  const topCategories = (Object.entries(aggregates.monthlySpendByCategory) as [SpendCategory, number][])
    .sort(([leftName, left], [rightName, right]) => right - left || leftName.localeCompare(rightName))
    .slice(0, 3)
    .map(([category, amount]) => `${category} ${formatMoney(amount)}`);
  const trend =
    Math.abs(aggregates.spendTrend) < STABLE_TREND
      ? 'stable'
      : `${aggregates.spendTrend > 0 ? 'rising' : 'falling'} (${aggregates.spendTrend > 0 ? '+' : '-'}${percent(Math.abs(aggregates.spendTrend))} a month)`;
  return [
    `Spends about ${formatMoney(aggregates.avgMonthlySpend)} a month over ${aggregates.activeMonths} active month(s), favourite category ${aggregates.favCategory}.`,
    `Top categories per month: ${topCategories.join(', ')}.`,
    `Spending trend ${trend}.`,
  ].join(' ');
}

function describeSavings(savingsRatio: number | null): string {
  if (savingsRatio === null) return 'Savings ratio unknown (no income on record).';
  if (savingsRatio < 0) return `Spends more than they earn (savings ratio ${percent(savingsRatio)}).`;
  return `Savings ratio ${percent(savingsRatio)} of income after spending.`;
}

function describePosts(aggregates: CustomerAggregates): string {
  if (aggregates.meanSentiment === null) return 'No social media posts.';
  const mood = `Mood from ${aggregates.postCount} social post(s): ${describeMood(aggregates.meanSentiment)} (average sentiment ${aggregates.meanSentiment.toFixed(2)}).`;
  const excerpt = truncateAtWord(aggregates.joinedContent, POST_EXCERPT_LIMIT);
  return excerpt === '' ? mood : `${mood} Recent posts: "${excerpt}"`;
}

/**
 * A plain-English summary of one customer for embedding and retrieval, built only from this
 * customer's own record and aggregates; free text in it has been cleaned and screened.
 */
export function buildProfileDocument(
  customer: Customer,
  aggregates: CustomerAggregates,
  products: readonly Product[],
): string {
  // Gender is left out on purpose: retrieval and generation must not condition advice on it. It
  // stays in the profile metadata only, so fairness audits can compare outcomes across groups.
  const interests = customer.interests.map(safe).filter((interest) => interest !== '');
  const held = aggregates.heldProductIds.map(
    (id) => products.find((product) => product.id === id)?.name ?? id,
  );
  return [
    `Customer ${customer.customer_id}: ${safe(customer.name)}, age ${customer.age}, lives in ${safe(customer.location)}, occupation ${safe(customer.occupation)}, education ${customer.education}.`,
    `Annual income ${formatMoney(customer.income)}; savings ${formatMoney(customer.savings_balance)}; debt ${formatMoney(customer.debt_balance)}.`,
    `Risk tolerance ${customer.risk_tolerance}; investment horizon ${customer.investment_horizon_years} years.`,
    `Interests: ${interests.length > 0 ? interests.join(', ') : 'none given'}.`,
    describeSpending(aggregates),
    describeSavings(aggregates.savingsRatio),
    held.length > 0 ? `Holds: ${held.join(', ')}.` : 'Holds no products with the bank yet.',
    describePosts(aggregates),
  ].join('\n');
}
