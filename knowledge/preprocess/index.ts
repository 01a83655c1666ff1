export {
  type AggregateOptions,
  aggregateCustomer,
  aggregateCustomers,
  type CustomerAggregates,
  JOINED_CONTENT_LIMIT,
} from './aggregate-customer.ts';
export {
  type AgeBand,
  ageBand,
  type BuildProfilesOptions,
  buildCustomerProfiles,
  type CustomerProfile,
  type IncomeBand,
  incomeBand,
  type ProfileMetadata,
  profileMetadata,
} from './build-profiles.ts';
export { cleanText } from './clean-text.ts';
export { type Cutoff, parseCutoff } from './cutoff.ts';
export { type ActivityTables, type CustomerActivity, groupActivityByCustomer } from './group-activity.ts';
export { REMOVED_MARKER, type ScreenedText, screenInstructions } from './injection-filter.ts';
export { STORED_ISSUE_LIMIT } from './issue-log.ts';
export {
  DATA_FILES,
  type Dataset,
  type DatasetTables,
  type LoadDatasetOptions,
  type LoadReport,
  loadDataset,
} from './load-dataset.ts';
export { buildProfileDocument, formatMoney } from './profile-document.ts';
export {
  CADENCES,
  type Cadence,
  detectRecurringPayment,
  type MerchantPayments,
  PAYMENTS_PER_YEAR,
  type RecurringPayment,
} from './recurring-payments.ts';
export { sanitiseCustomerText } from './sanitise-customer-text.ts';
export {
  MIN_TEXTS_FOR_WORKER,
  type ScoredPost,
  type SentimentJob,
  sentimentScore,
  startSentimentScoring,
  withSentiment,
  withSentiments,
} from './sentiment.ts';
export {
  buildSpendingHistory,
  HISTORY_MONTHS,
  latestTransactionDate,
  type MerchantTotal,
  monthText,
  type SpendingHistory,
  TOP_MERCHANT_COUNT,
} from './spending-history.ts';
export { splitByTime, type TimeSplit } from './split-by-time.ts';
