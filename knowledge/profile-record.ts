import { z } from 'zod';
import { KnowledgeError } from './errors.ts';
import { CADENCES, type CustomerProfile } from './preprocess/index.ts';
import { EDUCATION_LEVELS, GENDERS, RISK_TOLERANCES, SPEND_CATEGORIES } from './schemas.ts';

const YEAR_MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;

/** Spending by month, top merchants and recurring payments, as stored (see SpendingHistory). */
export const StoredSpendingHistory = z.object({
  asOf: z.iso.date().nullable(),
  firstMonth: z.string().regex(YEAR_MONTH, 'expected YYYY-MM').nullable(),
  monthlySpend: z.partialRecord(
    z.enum(SPEND_CATEGORIES),
    z.array(z.tuple([z.number().int().nonnegative(), z.number().positive()])),
  ),
  topMerchants: z.array(
    z.object({
      merchant: z.string(),
      category: z.enum(SPEND_CATEGORIES),
      total: z.number().nonnegative(),
      count: z.number().int().positive(),
    }),
  ),
  recurring: z.array(
    z.object({
      merchant: z.string(),
      category: z.enum(SPEND_CATEGORIES),
      amount: z.number().positive(),
      cadence: z.enum(CADENCES),
      count: z.number().int().positive(),
      lastDate: z.iso.date(),
    }),
  ),
});
export type StoredSpendingHistory = z.output<typeof StoredSpendingHistory>;

/**
 * The customer facts stored beside each profile (metadata key `record`), so the advisor chain reads
 * one customer's record from the store by id — no CSVs at chat time, and never anyone else's data.
 */
export const ProfileRecord = z.object({
  customer: z.object({
    customer_id: z.string(),
    name: z.string(),
    age: z.number(),
    gender: z.enum(GENDERS),
    location: z.string(),
    interests: z.array(z.string()),
    income: z.number(),
    education: z.enum(EDUCATION_LEVELS),
    occupation: z.string(),
    risk_tolerance: z.enum(RISK_TOLERANCES),
    investment_horizon_years: z.number(),
    savings_balance: z.number(),
    debt_balance: z.number(),
  }),
  spending: z.object({
    monthlySpendByCategory: z.partialRecord(z.enum(SPEND_CATEGORIES), z.number()),
    avgMonthlySpend: z.number(),
    savingsRatio: z.number().nullable(),
    spendTrend: z.number(),
  }),
  heldProductIds: z.array(z.string()),
  postCount: z.number(),
  meanSentiment: z.number().nullable(),
  flaggedPostCount: z.number(),
  /**
   * Absent in stores ingested before it existed (PIPELINE_VERSION 1): such a store still serves every other
   * answer, and own-data answers say a re-ingest is needed instead of failing the turn.
   */
  history: StoredSpendingHistory.optional(),
});
export type ProfileRecord = z.output<typeof ProfileRecord>;

/** Metadata key under which the record is stored. */
export const PROFILE_RECORD_KEY = 'record';

/** The spending facts of a built profile, as stored and as the recommender reads them. */
export function spendingOf(aggregates: CustomerProfile['aggregates']): ProfileRecord['spending'] {
  return {
    monthlySpendByCategory: aggregates.monthlySpendByCategory,
    avgMonthlySpend: aggregates.avgMonthlySpend,
    savingsRatio: aggregates.savingsRatio,
    spendTrend: aggregates.spendTrend,
  };
}

/** Serialises the facts of a built profile for storage. */
export function serializeProfileRecord(profile: CustomerProfile): string {
  const { customer, aggregates } = profile;
  const record: ProfileRecord = {
    customer,
    spending: spendingOf(aggregates),
    heldProductIds: aggregates.heldProductIds,
    postCount: aggregates.postCount,
    meanSentiment: aggregates.meanSentiment,
    flaggedPostCount: aggregates.flaggedPostCount,
    history: aggregates.history,
  };
  return JSON.stringify(record);
}

/** Reads a stored record back, failing loudly if the store holds something else. */
export function parseProfileRecord(json: unknown, customerId: string): ProfileRecord {
  try {
    return ProfileRecord.parse(JSON.parse(String(json)));
  } catch (error) {
    throw new KnowledgeError(
      'INVALID_INPUT',
      `Stored profile record of ${customerId} is unreadable; re-run \`npm run ingest\`.`,
      { cause: error },
    );
  }
}
