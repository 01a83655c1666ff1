import type { Customer, Gender, RiskTolerance } from '../schemas.ts';
import { aggregateCustomer, type CustomerAggregates } from './aggregate-customer.ts';
import { cleanText } from './clean-text.ts';
import { parseCutoff } from './cutoff.ts';
import { emptyActivity, groupActivityByCustomer } from './group-activity.ts';
import type { DatasetTables } from './load-dataset.ts';
import { buildProfileDocument } from './profile-document.ts';
import { latestTransactionDate } from './spending-history.ts';

/** Age groups used for filtering and fairness reporting. */
export type AgeBand = '18-24' | '25-34' | '35-44' | '45-54' | '55-64' | '65+';
/** Annual income groups, in dollars. */
export type IncomeBand = '<25k' | '25k-50k' | '50k-75k' | '75k-100k' | '100k-150k' | '150k+';

/** Flat, primitive-valued fields stored beside each profile in Chroma (which accepts no nesting or null). */
export interface ProfileMetadata {
  customer_id: string;
  age: number;
  age_band: AgeBand;
  /** For fairness audits only; never part of the document text. */
  gender: Gender;
  income: number;
  income_band: IncomeBand;
  location: string;
  risk_tolerance: RiskTolerance;
  investment_horizon_years: number;
  /** '' when the customer has no transactions. */
  fav_category: string;
  /** As in the aggregates; with no income, −1 if they spend at all and 0 if not. */
  savings_ratio: number;
  /** Held product ids, comma-joined. */
  held_products: string;
}

/** One customer, ready to embed: their record, aggregates, document and metadata. */
export interface CustomerProfile {
  customer: Customer;
  aggregates: CustomerAggregates;
  document: string;
  metadata: ProfileMetadata;
}

export interface BuildProfilesOptions {
  /** YYYY-MM-DD: only activity strictly before this day shapes the profiles. */
  asOf?: string;
}

/** The age band of an age in years. */
export function ageBand(age: number): AgeBand {
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  if (age < 65) return '55-64';
  return '65+';
}

/** The income band of an annual income in dollars. */
export function incomeBand(income: number): IncomeBand {
  if (income < 25_000) return '<25k';
  if (income < 50_000) return '25k-50k';
  if (income < 75_000) return '50k-75k';
  if (income < 100_000) return '75k-100k';
  if (income < 150_000) return '100k-150k';
  return '150k+';
}

/** Chroma metadata for a profile. */
export function profileMetadata(customer: Customer, aggregates: CustomerAggregates): ProfileMetadata {
  return {
    customer_id: customer.customer_id,
    age: customer.age,
    age_band: ageBand(customer.age),
    gender: customer.gender,
    income: customer.income,
    income_band: incomeBand(customer.income),
    location: cleanText(customer.location),
    risk_tolerance: customer.risk_tolerance,
    investment_horizon_years: customer.investment_horizon_years,
    fav_category: aggregates.favCategory ?? '',
    savings_ratio: aggregates.savingsRatio ?? (aggregates.totalSpend > 0 ? -1 : 0),
    held_products: aggregates.heldProductIds.join(','),
  };
}

/**
 * Builds every customer's profile, in customer order. With `asOf`, profiles see only the history
 * before that day, as for a time-based evaluation split.
 * @example const profiles = buildCustomerProfiles(dataset);
 */
export function buildCustomerProfiles(
  dataset: DatasetTables,
  options: BuildProfilesOptions = {},
): CustomerProfile[] {
  const cutoff = options.asOf === undefined ? undefined : parseCutoff(options.asOf);
  const activity = groupActivityByCustomer(dataset, cutoff);
  // One as-of day for everyone: "last month" means the same month whoever asks.
  const dataEnd = latestTransactionDate(activity.values());
  return dataset.customers.map((customer) => {
    const aggregates = aggregateCustomer(
      customer,
      activity.get(customer.customer_id) ?? emptyActivity(),
      dataEnd,
    );
    return {
      customer,
      aggregates,
      document: buildProfileDocument(customer, aggregates, dataset.products),
      metadata: profileMetadata(customer, aggregates),
    };
  });
}
