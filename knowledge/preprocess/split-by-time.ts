import type { Adoption, Transaction } from '../schemas.ts';
import { isDateBefore, isTimestampBefore, parseCutoff } from './cutoff.ts';
import type { DatasetTables } from './load-dataset.ts';

/** History before a cutoff to learn from, and what customers did from the cutoff on to test against. */
export interface TimeSplit {
  /** Every customer and product; posts, transactions and adoptions strictly before the cutoff. */
  train: DatasetTables;
  /** Adoptions and transactions on or after the cutoff day. */
  test: { adoptions: Adoption[]; transactions: Transaction[] };
}

function partition<Row>(rows: readonly Row[], isBefore: (row: Row) => boolean): [Row[], Row[]] {
  const before: Row[] = [];
  const after: Row[] = [];
  for (const row of rows) (isBefore(row) ? before : after).push(row);
  return [before, after];
}

/**
 * Splits a dataset at a YYYY-MM-DD cutoff without looking ahead: a row dated on the cutoff day
 * belongs to the test side. Pure: the input is not modified.
 * @example const { train, test } = splitByTime(dataset, '2024-07-01');
 */
export function splitByTime(dataset: DatasetTables, cutoff: string): TimeSplit {
  const at = parseCutoff(cutoff);
  const [trainTransactions, testTransactions] = partition(dataset.transactions, (row) =>
    isDateBefore(row.date, at),
  );
  const [trainAdoptions, testAdoptions] = partition(dataset.adoptions, (row) => isDateBefore(row.date, at));
  return {
    train: {
      customers: [...dataset.customers],
      products: [...dataset.products],
      posts: dataset.posts.filter((post) => isTimestampBefore(post.timestamp, at)),
      transactions: trainTransactions,
      adoptions: trainAdoptions,
    },
    test: { adoptions: testAdoptions, transactions: testTransactions },
  };
}
