import type { Customer } from '../../knowledge/schemas.ts';

/** The profile facts a segment is built from: the financial facts the ranker already reads, never gender or age. */
export type SegmentFacts = Pick<Customer, 'income' | 'risk_tolerance' | 'investment_horizon_years'>;

/** Horizon bands stand in for life stage: years to a goal track age without reading age itself. */
const HORIZON_BANDS = [
  { upTo: 5, label: 'short' },
  { upTo: 15, label: 'medium' },
  { upTo: Number.POSITIVE_INFINITY, label: 'long' },
] as const;
const INCOME_BANDS = [
  { below: 40_000, label: 'lower' },
  { below: 90_000, label: 'middle' },
  { below: Number.POSITIVE_INFINITY, label: 'upper' },
] as const;

/**
 * The segment whose pooled feedback a customer shares: horizon band × risk tolerance × income band
 * (27 segments), e.g. `horizon:long|risk:medium|income:middle`. It takes only SegmentFacts, so two
 * customers who differ in gender or age alone always share a segment.
 */
export function customerSegment(facts: SegmentFacts): string {
  const horizon = HORIZON_BANDS.find((band) => facts.investment_horizon_years <= band.upTo)?.label ?? 'long';
  const income = INCOME_BANDS.find((band) => facts.income < band.below)?.label ?? 'upper';
  return `horizon:${horizon}|risk:${facts.risk_tolerance}|income:${income}`;
}
