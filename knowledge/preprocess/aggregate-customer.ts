import {
  type Customer,
  type SocialPost,
  SPEND_CATEGORIES,
  type SpendCategory,
  type Transaction,
} from '../schemas.ts';
import { parseCutoff } from './cutoff.ts';
import {
  type ActivityTables,
  type CustomerActivity,
  emptyActivity,
  groupActivityByCustomer,
} from './group-activity.ts';
import { sanitiseCustomerText } from './sanitise-customer-text.ts';
import { sentimentScore } from './sentiment.ts';
import { buildSpendingHistory, latestTransactionDate, type SpendingHistory } from './spending-history.ts';
import { truncateAtWord } from './truncate-text.ts';

/** What one customer's history says about them; the numbers behind the profile document. */
export interface CustomerAggregates {
  postCount: number;
  /** Mean post sentiment (VADER compound, −1…1); null without posts. */
  meanSentiment: number | null;
  /** Cleaned and screened posts, most recent first, joined with " | ", at most ~1200 characters. */
  joinedContent: string;
  /** Posts in which the injection filter removed something. */
  flaggedPostCount: number;
  transactionCount: number;
  totalSpend: number;
  /** Mean transaction amount. */
  avgSpend: number;
  /** Calendar months with at least one transaction. */
  activeMonths: number;
  /** Total spend divided by active months. */
  avgMonthlySpend: number;
  /** The category with the highest total spend; null without transactions. */
  favCategory: SpendCategory | null;
  /** Spend per category divided by active months; sums to avgMonthlySpend (up to cents). */
  monthlySpendByCategory: Partial<Record<SpendCategory, number>>;
  /**
   * Least-squares slope of monthly total spend, as a fraction of the mean monthly total, per month
   * (0.05 = growing 5% of the average month each month). Months without spending between the first
   * and last active month count as 0; fewer than two months give 0.
   */
  spendTrend: number;
  /** 1 − 12 × avgMonthlySpend / income, clamped to [−1, 1]; null when income is 0. */
  savingsRatio: number | null;
  /** Products adopted (before the as-of date), in adoption order, without repeats. */
  heldProductIds: string[];
  /** Spend per calendar month and category, top merchants and recurring payments (answers about own data). */
  history: SpendingHistory;
}

export interface AggregateOptions {
  /** YYYY-MM-DD: only activity strictly before this day counts. */
  asOf?: string;
}

/** Upper bound on joinedContent: enough for a few posts, small enough for an embedding window. */
export const JOINED_CONTENT_LIMIT = 1200;
const POST_SEPARATOR = ' | ';
/** Below this much room, a post is left out rather than cut to a stub. */
const MIN_EXCERPT = 40;

const cents = (amount: number): number => Math.round(amount * 100) / 100;
const digit = (text: string, index: number): number => text.charCodeAt(index) - 48;
/** Months since year 0 of a validated YYYY-MM-DD date; read digit by digit, it runs once per transaction. */
const monthIndex = (date: string): number =>
  (digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3)) * 12 +
  digit(date, 5) * 10 +
  digit(date, 6) -
  1;

function joinCapped(texts: readonly string[], limit: number): string {
  let joined = '';
  for (const text of texts) {
    if (text === '') continue;
    const separator = joined === '' ? '' : POST_SEPARATOR;
    const room = limit - joined.length - separator.length;
    if (text.length <= room) {
      joined += separator + text;
      continue;
    }
    if (room >= MIN_EXCERPT) joined += separator + truncateAtWord(text, room);
    break;
  }
  return joined;
}

function summarisePosts(posts: readonly SocialPost[]) {
  if (posts.length === 0) return { meanSentiment: null, joinedContent: '', flaggedPostCount: 0 };
  let sentimentSum = 0;
  for (const post of posts) sentimentSum += post.sentiment_score ?? sentimentScore(post.content);
  const newestFirst = posts
    .map((post) => ({ post, time: Date.parse(post.timestamp) }))
    .sort((left, right) => right.time - left.time);
  let flaggedPostCount = 0;
  const texts = newestFirst.map(({ post }) => {
    const screened = sanitiseCustomerText(post.content);
    if (screened.flagged) flaggedPostCount++;
    return screened.text;
  });
  return {
    meanSentiment: sentimentSum / posts.length,
    joinedContent: joinCapped(texts, JOINED_CONTENT_LIMIT),
    flaggedPostCount,
  };
}

/** Least-squares slope of y over x = 0, 1, …, n−1. */
function slope(values: readonly number[]): number {
  const meanX = (values.length - 1) / 2;
  const meanY = values.reduce((sum, value) => sum + value, 0) / values.length;
  let covariance = 0;
  let variance = 0;
  values.forEach((value, x) => {
    covariance += (x - meanX) * (value - meanY);
    variance += (x - meanX) ** 2;
  });
  return variance === 0 ? 0 : covariance / variance;
}

/** Position of each category, so per-transaction sums go into an array rather than a map. */
const CATEGORY_INDEX = new Map<SpendCategory, number>(
  SPEND_CATEGORIES.map((category, index) => [category, index]),
);

function summariseSpending(transactions: readonly Transaction[]) {
  const byMonth = new Map<number, number>();
  const categoryTotals = new Float64Array(SPEND_CATEGORIES.length);
  let total = 0;
  for (const transaction of transactions) {
    total += transaction.amount;
    const month = monthIndex(transaction.date);
    byMonth.set(month, (byMonth.get(month) ?? 0) + transaction.amount);
    const category = CATEGORY_INDEX.get(transaction.category) ?? 0;
    categoryTotals[category] = (categoryTotals[category] ?? 0) + transaction.amount;
  }
  const byCategory = new Map<SpendCategory, number>();
  SPEND_CATEGORIES.forEach((category, index) => {
    const categoryTotal = categoryTotals[index] ?? 0;
    if (categoryTotal > 0) byCategory.set(category, categoryTotal);
  });
  const activeMonths = byMonth.size;
  let favCategory: SpendCategory | null = null;
  let favTotal = -1;
  const monthlySpendByCategory: Partial<Record<SpendCategory, number>> = {};
  for (const [category, categoryTotal] of byCategory) {
    monthlySpendByCategory[category] = cents(categoryTotal / activeMonths);
    // Ties go to the alphabetically first category, so the result never depends on row order.
    if (
      categoryTotal > favTotal ||
      (categoryTotal === favTotal && favCategory !== null && category < favCategory)
    ) {
      favCategory = category;
      favTotal = categoryTotal;
    }
  }
  let spendTrend = 0;
  if (activeMonths > 1) {
    const first = Math.min(...byMonth.keys());
    const last = Math.max(...byMonth.keys());
    const series = Array.from({ length: last - first + 1 }, (_, offset) => byMonth.get(first + offset) ?? 0);
    const meanMonth = total / series.length;
    spendTrend = meanMonth > 0 ? slope(series) / meanMonth : 0;
  }
  return {
    transactionCount: transactions.length,
    totalSpend: cents(total),
    avgSpend: transactions.length > 0 ? cents(total / transactions.length) : 0,
    activeMonths,
    rawMonthlySpend: activeMonths > 0 ? total / activeMonths : 0,
    favCategory,
    monthlySpendByCategory,
    spendTrend,
  };
}

/**
 * Aggregates one customer's activity. The activity must already be this customer's rows only
 * (and already cut at the as-of date): see {@link aggregateCustomers}. `dataEnd` is the dataset's last
 * transaction day (the customer's own last one when not given), which their spending history runs to.
 */
export function aggregateCustomer(
  customer: Customer,
  activity: CustomerActivity,
  dataEnd: string | null = latestTransactionDate([activity]),
): CustomerAggregates {
  const { rawMonthlySpend, ...spending } = summariseSpending(activity.transactions);
  const savingsRatio =
    customer.income > 0 ? Math.min(1, Math.max(-1, 1 - (12 * rawMonthlySpend) / customer.income)) : null;
  const heldProductIds = [...activity.adoptions]
    .sort((left, right) => (left.date < right.date ? -1 : left.date > right.date ? 1 : 0))
    .map((adoption) => adoption.product_id);
  return {
    postCount: activity.posts.length,
    ...summarisePosts(activity.posts),
    ...spending,
    avgMonthlySpend: cents(rawMonthlySpend),
    savingsRatio,
    heldProductIds: [...new Set(heldProductIds)],
    history: buildSpendingHistory(activity.transactions, dataEnd),
  };
}

/**
 * Aggregates every customer in one pass over the activity tables, keyed by customer id.
 * @example aggregateCustomers(dataset, { asOf: '2024-07-01' }).get('C-000042')?.favCategory
 */
export function aggregateCustomers(
  tables: ActivityTables & { customers: readonly Customer[] },
  options: AggregateOptions = {},
): Map<string, CustomerAggregates> {
  const cutoff = options.asOf === undefined ? undefined : parseCutoff(options.asOf);
  const activity = groupActivityByCustomer(tables, cutoff);
  const dataEnd = latestTransactionDate(activity.values());
  const aggregates = new Map<string, CustomerAggregates>();
  for (const customer of tables.customers) {
    aggregates.set(
      customer.customer_id,
      aggregateCustomer(customer, activity.get(customer.customer_id) ?? emptyActivity(), dataEnd),
    );
  }
  return aggregates;
}
