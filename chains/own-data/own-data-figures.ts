import type { ProfileRecord } from '../../knowledge/index.ts';

/**
 * Every figure of a record's spending history a reply may quote (monthly amounts per category, merchant
 * totals and counts, recurring payment amounts), so a reply written from the stored history passes the
 * validator's grounding check; add to `customerFigures` when the history was in the prompt.
 */
export function ownDataFigures(record: ProfileRecord): number[] {
  const history = record.history;
  if (history === undefined) return [];
  const figures = new Set<number>();
  for (const months of Object.values(history.monthlySpend)) {
    for (const [, dollars] of months) figures.add(dollars);
  }
  for (const merchant of history.topMerchants) {
    figures.add(merchant.total);
    figures.add(merchant.count);
  }
  for (const payment of history.recurring) figures.add(payment.amount);
  return [...figures];
}

/**
 * The names an own-data answer may quote from the records (merchants), as a grounding text: some merchants look
 * like product names ("US Bank Home Mortgage") and must not read as invented products.
 */
export function ownDataGroundingText(record: ProfileRecord): string {
  const history = record.history;
  if (history === undefined) return '';
  const merchants = new Set([
    ...history.topMerchants.map((merchant) => merchant.merchant),
    ...history.recurring.map((payment) => payment.merchant),
  ]);
  return `Merchants in the customer's records: ${[...merchants].join('; ')}.`;
}
