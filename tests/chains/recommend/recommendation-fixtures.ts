import fc from 'fast-check';
import type { RecommendationInput } from '../../../chains/recommend/recommendation.ts';
import {
  type Customer,
  GENDERS,
  type Product,
  RISK_TOLERANCES,
  SPEND_CATEGORIES,
  type SpendCategory,
} from '../../../knowledge/schemas.ts';

/** A customer who passes every rule of `makeProduct()`'s default product. */
export function makeCustomer(overrides: Partial<Customer> = {}): Customer {
  return {
    customer_id: 'C-0001',
    name: 'Test Customer',
    age: 40,
    gender: 'Female',
    location: 'Denver, CO',
    interests: [],
    income: 60_000,
    education: 'Bachelor',
    occupation: 'Engineer',
    risk_tolerance: 'medium',
    investment_horizon_years: 10,
    savings_balance: 20_000,
    debt_balance: 5_000,
    ...overrides,
  };
}

/** A plain credit-free savings product open to everyone; override what a test is about. */
export function makeProduct(
  overrides: Partial<Omit<Product, 'eligibility'>> & {
    id: string;
    eligibility?: Partial<Product['eligibility']>;
  },
): Product {
  return {
    name: `Product ${overrides.id}`,
    type: 'savings',
    risk_level: 1,
    min_income: 0,
    fees: { annual: 0, description: 'No fees.' },
    rate: null,
    features: ['A feature'],
    description: 'A test product.',
    tags: ['general'],
    ...overrides,
    eligibility: {
      min_age: 18,
      max_age: 120,
      min_horizon_years: 0,
      max_debt_to_income: null,
      risk_tolerances: ['low', 'medium', 'high'],
      ...overrides.eligibility,
    },
  };
}

/** An input with no neighbours, no spending and no feedback: only the customer record speaks. */
export function makeInput(overrides: Partial<RecommendationInput> = {}): RecommendationInput {
  return {
    customer: makeCustomer(),
    heldProductIds: [],
    spending: { monthlySpendByCategory: {}, avgMonthlySpend: 0, savingsRatio: null, spendTrend: 0 },
    neighbourAdoptions: new Map(),
    neighbourCount: 0,
    ...overrides,
  };
}

const money = (max: number) => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });

/** Arbitrary valid customers: ages 18–100, incomes 0–500k, any tolerance, horizons 0–50, any debts. */
export const customerArbitrary: fc.Arbitrary<Customer> = fc
  .record({
    age: fc.integer({ min: 18, max: 100 }),
    gender: fc.constantFrom(...GENDERS),
    income: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 500_000 })),
    risk_tolerance: fc.constantFrom(...RISK_TOLERANCES),
    investment_horizon_years: fc.integer({ min: 0, max: 50 }),
    savings_balance: fc.oneof(fc.constant(0), money(1_000_000)),
    debt_balance: fc.oneof(fc.constant(0), money(500_000)),
  })
  .map((fields) => makeCustomer(fields));

const scoresFor = (ids: readonly string[], min: number, max: number) =>
  fc
    .subarray([...ids])
    .chain((chosen) =>
      fc.tuple(...chosen.map((id) => fc.tuple(fc.constant(id), fc.double({ min, max, noNaN: true })))),
    )
    .map((entries) => new Map(entries));

/** Arbitrary recommendation inputs over a catalogue: holdings, spending, neighbours, similarity, feedback. */
export function inputArbitrary(catalog: readonly Product[]): fc.Arbitrary<RecommendationInput> {
  const ids = catalog.map((product) => product.id);
  const neighbours = fc
    .integer({ min: 0, max: 60 })
    .chain((neighbourCount) =>
      fc
        .tuple(...ids.map((id) => fc.tuple(fc.constant(id), fc.integer({ min: 0, max: neighbourCount }))))
        .map((entries) => ({ neighbourCount, neighbourAdoptions: new Map(entries) })),
    );
  const spendByCategory = fc
    .subarray<SpendCategory>([...SPEND_CATEGORIES])
    .chain((categories) =>
      fc.tuple(...categories.map((category) => fc.tuple(fc.constant(category), money(3_000)))),
    )
    .map((entries) => Object.fromEntries(entries));
  return fc
    .record({
      customer: customerArbitrary,
      heldProductIds: fc.subarray(ids),
      spending: fc.record({
        monthlySpendByCategory: spendByCategory,
        avgMonthlySpend: money(15_000),
        savingsRatio: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: null }),
        spendTrend: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
      }),
      neighbours,
      contentSimilarity: fc.option(scoresFor(ids, -1, 1), { nil: undefined }),
      feedbackAdjustments: fc.option(scoresFor(ids, -3, 3), { nil: undefined }),
    })
    .map(({ neighbours: neighbourFields, ...rest }) => ({ ...rest, ...neighbourFields }));
}
