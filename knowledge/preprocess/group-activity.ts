import type { Adoption, SocialPost, Transaction } from '../schemas.ts';
import { type Cutoff, isDateBefore, isTimestampBefore } from './cutoff.ts';
import type { DatasetTables } from './load-dataset.ts';

/** One customer's posts, transactions and adoptions, each list in file order. */
export interface CustomerActivity {
  posts: SocialPost[];
  transactions: Transaction[];
  adoptions: Adoption[];
}

/** The tables that hold customer activity. */
export type ActivityTables = Pick<DatasetTables, 'posts' | 'transactions' | 'adoptions'>;

/** A customer with no rows at all. */
export function emptyActivity(): CustomerActivity {
  return { posts: [], transactions: [], adoptions: [] };
}

/**
 * Groups activity by customer id in one pass over each table, so per-customer work never rescans
 * the tables. With a cutoff, only rows strictly before it are kept.
 */
export function groupActivityByCustomer(
  tables: ActivityTables,
  cutoff?: Cutoff,
): Map<string, CustomerActivity> {
  const byCustomer = new Map<string, CustomerActivity>();
  const activityOf = (customerId: string): CustomerActivity => {
    let activity = byCustomer.get(customerId);
    if (activity === undefined) {
      activity = emptyActivity();
      byCustomer.set(customerId, activity);
    }
    return activity;
  };
  for (const post of tables.posts) {
    if (cutoff === undefined || isTimestampBefore(post.timestamp, cutoff))
      activityOf(post.customer_id).posts.push(post);
  }
  for (const transaction of tables.transactions) {
    if (cutoff === undefined || isDateBefore(transaction.date, cutoff)) {
      activityOf(transaction.customer_id).transactions.push(transaction);
    }
  }
  for (const adoption of tables.adoptions) {
    if (cutoff === undefined || isDateBefore(adoption.date, cutoff)) {
      activityOf(adoption.customer_id).adoptions.push(adoption);
    }
  }
  return byCustomer;
}
