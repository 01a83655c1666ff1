import { z } from 'zod';

/**
 * The data contract of the pipeline: one Zod schema per input file, the single source of truth
 * for the generator (what it writes), preprocessing (what it accepts) and everything downstream.
 */

export const GENDERS = ['Female', 'Male', 'Other'] as const;
export const RISK_TOLERANCES = ['low', 'medium', 'high'] as const;
export const EDUCATION_LEVELS = ['High school', 'Vocational', 'Bachelor', 'Master', 'Doctorate'] as const;
export const PLATFORMS = ['Twitter', 'Facebook', 'Instagram', 'LinkedIn', 'Reddit'] as const;
export const SPEND_CATEGORIES = [
  'groceries',
  'dining',
  'travel',
  'transport',
  'utilities',
  'housing',
  'healthcare',
  'education',
  'entertainment',
  'shopping',
  'electronics',
  'sports',
  'childcare',
  'gifts',
  'subscriptions',
] as const;
export const PRODUCT_TYPES = [
  'savings',
  'credit_card',
  'loan',
  'mortgage',
  'fund',
  'retirement',
  'insurance',
] as const;
/** Product types whose value can fall: mentioning one obliges a risk disclosure. */
export const INVESTMENT_PRODUCT_TYPES: readonly ProductType[] = ['fund', 'retirement'];

export type Gender = (typeof GENDERS)[number];
export type RiskTolerance = (typeof RISK_TOLERANCES)[number];
export type SpendCategory = (typeof SPEND_CATEGORIES)[number];
export type ProductType = (typeof PRODUCT_TYPES)[number];

export const CUSTOMER_ID = /^C-\d{4,}$/;
export const PRODUCT_ID = /^[A-Z]{2,4}-\d{2,3}$/;
const isoDate = z.iso.date();

/** A number parsed from CSV text; empty text is an error, not 0. */
const csvNumber = z
  .string()
  .trim()
  .min(1, 'is empty')
  .transform((text, context) => {
    const value = Number(text);
    if (!Number.isFinite(value)) {
      context.addIssue({ code: 'custom', message: `expected a number, got "${text}"` });
      return z.NEVER;
    }
    return value;
  });
const csvInteger = csvNumber.pipe(z.number().int('expected a whole number'));
const nonEmpty = z.string().trim().min(1, 'is empty');
const csvList = z
  .string()
  .trim()
  .transform((text) =>
    text
      .split(';')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  );

/** customers.csv — one row per customer. `interests` is a `;`-separated list. */
export const CustomerRow = z.object({
  customer_id: z.string().regex(CUSTOMER_ID, 'expected an id like C-000123'),
  name: nonEmpty,
  age: csvInteger.pipe(z.number().min(18, 'must be at least 18').max(110, 'must be at most 110')),
  gender: z.enum(GENDERS),
  location: nonEmpty,
  interests: csvList,
  income: csvNumber.pipe(z.number().nonnegative('must not be negative')),
  education: z.enum(EDUCATION_LEVELS),
  occupation: nonEmpty,
  risk_tolerance: z.enum(RISK_TOLERANCES),
  investment_horizon_years: csvInteger.pipe(z.number().min(0).max(60)),
  savings_balance: csvNumber.pipe(z.number().nonnegative('must not be negative')),
  debt_balance: csvNumber.pipe(z.number().nonnegative('must not be negative')),
});
export type Customer = z.output<typeof CustomerRow>;

/** social_media.csv — public posts; `sentiment_score` (VADER compound, −1…1) is optional. */
export const SocialPostRow = z.object({
  post_id: nonEmpty,
  customer_id: z.string().regex(CUSTOMER_ID, 'expected an id like C-000123'),
  timestamp: z.iso.datetime({ offset: true }),
  platform: z.enum(PLATFORMS),
  content: z.string(),
  sentiment_score: z
    .string()
    .trim()
    .optional()
    .transform((text, context) => {
      if (text === undefined || text === '') return undefined;
      const value = Number(text);
      if (!Number.isFinite(value) || value < -1 || value > 1) {
        context.addIssue({ code: 'custom', message: `expected a number between -1 and 1, got "${text}"` });
        return z.NEVER;
      }
      return value;
    }),
});
export type SocialPost = z.output<typeof SocialPostRow>;

/** transactions.csv — card and account spending. */
export const TransactionRow = z.object({
  transaction_id: nonEmpty,
  customer_id: z.string().regex(CUSTOMER_ID, 'expected an id like C-000123'),
  date: isoDate,
  amount: csvNumber.pipe(z.number().positive('must be positive')),
  category: z.enum(SPEND_CATEGORIES),
  merchant: nonEmpty,
});
export type Transaction = z.output<typeof TransactionRow>;

/** adoptions.csv — which product a customer took up, and when. */
export const AdoptionRow = z.object({
  customer_id: z.string().regex(CUSTOMER_ID, 'expected an id like C-000123'),
  product_id: z.string().regex(PRODUCT_ID, 'expected a product id like SAV-01'),
  date: isoDate,
});
export type Adoption = z.output<typeof AdoptionRow>;

/** What a product demands of a customer before it may be offered (hard suitability rules). */
export const Eligibility = z.object({
  min_age: z.number().int().min(18),
  max_age: z.number().int().max(120),
  /** Shortest investment horizon, in years, for which the product is suitable. */
  min_horizon_years: z.number().int().min(0),
  /** Highest debt/income ratio at which credit may be offered; null when not a credit product. */
  max_debt_to_income: z.number().positive().nullable(),
  /** Risk tolerances allowed to hold the product. */
  risk_tolerances: z.array(z.enum(RISK_TOLERANCES)).min(1),
});

/** products.json — the bank's catalogue; the only products the bot may ever name. */
export const Product = z.object({
  id: z.string().regex(PRODUCT_ID),
  name: nonEmpty,
  type: z.enum(PRODUCT_TYPES),
  risk_level: z.number().int().min(1).max(5),
  min_income: z.number().nonnegative(),
  fees: z.object({
    annual: z.number().nonnegative(),
    description: z.string(),
  }),
  /** Headline rate in percent: AER for savings, APR for credit, expected annual return for funds. */
  rate: z
    .object({
      kind: z.enum(['AER', 'APR', 'expected_return', 'monthly_premium']),
      value: z.number(),
    })
    .nullable(),
  features: z.array(z.string()).min(1),
  description: nonEmpty,
  eligibility: Eligibility,
  /** Public segment tags (what the product is for), used for content matching. */
  tags: z.array(z.string()).min(1),
});
export type Product = z.output<typeof Product>;
export const ProductCatalog = z.array(Product).min(1);

/** The header each CSV file must have, in the order the generator writes it. */
export const CSV_COLUMNS = {
  'customers.csv': Object.keys(CustomerRow.shape),
  'social_media.csv': Object.keys(SocialPostRow.shape),
  'transactions.csv': Object.keys(TransactionRow.shape),
  'adoptions.csv': Object.keys(AdoptionRow.shape),
} as const;
/** Columns that may be absent from a file's header. */
export const OPTIONAL_COLUMNS: Record<keyof typeof CSV_COLUMNS, readonly string[]> = {
  'customers.csv': [],
  'social_media.csv': ['sentiment_score'],
  'transactions.csv': [],
  'adoptions.csv': [],
};
