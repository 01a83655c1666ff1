import type { CsvFileName } from '../preprocess/validate-csv.ts';

/** How a field the bank lacks is filled: a fixed value, or one made from the row (its id or line). */
export interface FieldDefault {
  value: string | ((row: { customerId: string; line: number }) => string);
  /** Stated in the ingest summary beside the number of rows it touched. */
  reason: string;
}

/**
 * The stated default of every schema field a bank may lack. Fields absent here (ids, age, income,
 * dates, amounts, post text) must come from the bank's columns. The defaults lean cautious: an
 * unknown risk tolerance or horizon gets the strictest suitability rules, never a looser one.
 */
export const FIELD_DEFAULTS: Readonly<Record<CsvFileName, Readonly<Record<string, FieldDefault>>>> = {
  'customers.csv': {
    name: { value: ({ customerId }) => `Customer ${customerId}`, reason: 'no name: "Customer" and the id' },
    gender: { value: 'Other', reason: 'not given' },
    location: { value: 'not stated', reason: 'not given' },
    interests: { value: '', reason: 'not given: no interests' },
    education: {
      value: 'High school',
      reason: 'not given: the first level (used only in fairness breakdowns)',
    },
    occupation: { value: 'not stated', reason: 'not given' },
    risk_tolerance: {
      value: 'low',
      reason: 'unknown: the most cautious suitability rules (products of risk level 2 or less)',
    },
    investment_horizon_years: {
      value: '0',
      reason: 'unknown: the shortest horizon, so nothing that needs a long horizon is offered',
    },
    savings_balance: { value: '0', reason: 'not given: counted as no savings' },
    debt_balance: { value: '0', reason: 'not given: counted as no debt' },
  },
  'transactions.csv': {
    transaction_id: { value: ({ line }) => `T-${line}`, reason: 'no id: "T-" and the line in the bank file' },
    category: { value: 'shopping', reason: 'no category: counted as shopping' },
    merchant: { value: 'unknown merchant', reason: 'not given' },
  },
  'social_media.csv': {
    post_id: { value: ({ line }) => `P-${line}`, reason: 'no id: "P-" and the line in the bank file' },
    platform: { value: 'Twitter', reason: 'not given: a placeholder (the platform is not used in advice)' },
    sentiment_score: { value: '', reason: 'not given: scored with VADER at load' },
  },
  'adoptions.csv': {},
};

/** The value the bank writes for "not known", mapped to the field's cautious default. */
export const UNKNOWN_VALUES: ReadonlySet<string> = new Set(['', 'unknown', 'n/a', 'na', 'none', '?']);
