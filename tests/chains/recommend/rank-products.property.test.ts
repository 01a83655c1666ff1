import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainDollars, plainPercent } from '../../../chains/recommend/plain-numbers.ts';
import { rankProducts } from '../../../chains/recommend/rank-products.ts';
import type { Recommendation, RecommendationInput } from '../../../chains/recommend/recommendation.ts';
import { checkSuitability } from '../../../chains/recommend/suitability.ts';
import { PRODUCT_CATALOG } from '../../../knowledge/generate/product-catalog.ts';
import { GENDERS, type Product } from '../../../knowledge/schemas.ts';
import { inputArbitrary, makeProduct } from './recommendation-fixtures.ts';

const HAND_MADE: Product[] = [
  makeProduct({ id: 'SAV-01', tags: ['emergency_fund', 'short_term_saving'] }),
  makeProduct({
    id: 'SAV-02',
    tags: ['education_saving', 'family_protection'],
    eligibility: { max_age: 50 },
  }),
  makeProduct({
    id: 'CC-01',
    type: 'credit_card',
    risk_level: 2,
    min_income: 20_000,
    tags: ['cashback'],
    eligibility: { max_debt_to_income: 0.45 },
  }),
  makeProduct({
    id: 'CC-02',
    type: 'credit_card',
    risk_level: 2,
    min_income: 50_000,
    tags: ['travel'],
    eligibility: { min_age: 21, max_debt_to_income: 0.35 },
  }),
  makeProduct({
    id: 'FND-01',
    type: 'fund',
    risk_level: 3,
    tags: ['wealth_growth'],
    eligibility: { min_horizon_years: 3, risk_tolerances: ['medium', 'high'] },
  }),
  makeProduct({
    id: 'FND-02',
    type: 'fund',
    risk_level: 5,
    tags: ['wealth_growth', 'retirement'],
    eligibility: { min_horizon_years: 10, risk_tolerances: ['high'] },
  }),
  makeProduct({
    id: 'RET-01',
    type: 'retirement',
    risk_level: 2,
    tags: ['retirement', 'income'],
    eligibility: { min_age: 50, max_age: 85 },
  }),
];

const scenario = fc.constantFrom(PRODUCT_CATALOG, HAND_MADE).chain((catalog) =>
  fc.record({
    catalog: fc.constant(catalog),
    input: inputArbitrary(catalog),
    limit: fc.integer({ min: 0, max: 8 }),
  }),
);

const RUNS = { numRuns: 500 };

describe('rankProducts: properties', () => {
  it('returns only suitable, unheld products, scored in [0, 1], sorted, within the limit, deterministically', () => {
    fc.assert(
      fc.property(scenario, ({ catalog, input, limit }) => {
        const ranking = rankProducts(input, catalog, { limit });
        expect(ranking.length).toBeLessThanOrEqual(limit);
        for (const [index, recommendation] of ranking.entries()) {
          const { product, score } = recommendation;
          expect(checkSuitability(input.customer, input.heldProductIds, product)).toEqual({ suitable: true });
          expect(input.heldProductIds).not.toContain(product.id);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(1);
          for (const value of Object.values(recommendation.components)) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
          expect(recommendation.reasons.length).toBeGreaterThanOrEqual(2);
          expect(recommendation.reasons.length).toBeLessThanOrEqual(4);
          const next = ranking[index + 1];
          if (next !== undefined) {
            expect(next.score <= score).toBe(true);
            if (next.score === score) expect(next.product.id > product.id).toBe(true);
          }
        }
        expect(rankProducts(input, catalog, { limit })).toEqual(ranking);
      }),
      RUNS,
    );
  });

  it('gives identical output for all three gender values', () => {
    fc.assert(
      fc.property(scenario, ({ catalog, input, limit }) => {
        const [first, ...others] = GENDERS.map((gender) =>
          rankProducts({ ...input, customer: { ...input.customer, gender } }, catalog, { limit }),
        );
        for (const other of others) expect(other).toEqual(first);
      }),
      RUNS,
    );
  });

  it('lets age act only through eligibility: products suitable at both ages score the same', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 18, max: 100 }), ({ catalog, input }, otherAge) => {
        const limit = catalog.length;
        const older = { ...input, customer: { ...input.customer, age: otherAge } };
        const scoresOf = (ranking: Recommendation[]) =>
          new Map(ranking.map((entry) => [entry.product.id, entry.components]));
        const before = scoresOf(rankProducts(input, catalog, { limit }));
        const after = scoresOf(rankProducts(older, catalog, { limit }));
        for (const [id, components] of before) if (after.has(id)) expect(after.get(id)).toEqual(components);
      }),
      RUNS,
    );
  });

  it('does not depend on catalogue order', () => {
    fc.assert(
      fc.property(scenario, fc.integer(), ({ catalog, input, limit }, seed) => {
        const shuffled = [...catalog].sort(
          (left, right) => hash(left.id, seed) - hash(right.id, seed) || left.id.localeCompare(right.id),
        );
        expect(rankProducts(input, shuffled, { limit })).toEqual(rankProducts(input, catalog, { limit }));
      }),
      { numRuns: 200 },
    );
  });

  it('states only figures taken from the input', () => {
    fc.assert(
      fc.property(scenario, ({ catalog, input }) => {
        for (const recommendation of rankProducts(input, catalog, { limit: catalog.length })) {
          const grounded = groundedFigures(input, recommendation.product);
          for (const reason of recommendation.reasons) {
            for (const [dollars] of reason.matchAll(/\$[\d,]+/g)) expect(grounded.dollars).toContain(dollars);
            for (const [percent] of reason.matchAll(/-?\d+%/g)) expect(grounded.percents).toContain(percent);
            const holders = /^(\d+) of (\d+) similar customers hold it$/.exec(reason);
            if (holders !== null) {
              expect(Number(holders[1])).toBe(input.neighbourAdoptions.get(recommendation.product.id));
              expect(Number(holders[2])).toBe(input.neighbourCount);
            }
            const horizon = /(\d+)-year horizon/.exec(reason);
            if (horizon !== null) expect(Number(horizon[1])).toBe(input.customer.investment_horizon_years);
          }
        }
      }),
      RUNS,
    );
  });
});

/** Every rounded figure a reason may legitimately state for this input and product. */
function groundedFigures(input: RecommendationInput, product: Product) {
  const { customer, spending } = input;
  const dollars = [
    ...Object.values(spending.monthlySpendByCategory),
    customer.savings_balance,
    customer.debt_balance,
    customer.income,
    product.fees.annual,
  ].map(plainDollars);
  const fractions = [spending.spendTrend];
  if (spending.savingsRatio !== null) fractions.push(spending.savingsRatio, -spending.savingsRatio);
  if (customer.income > 0) fractions.push(customer.debt_balance / customer.income);
  const percents = fractions.map(plainPercent);
  if (product.rate !== null) percents.push(`${product.rate.value}%`);
  return { dollars, percents };
}

function hash(text: string, seed: number): number {
  let value = seed | 0;
  for (const character of text) value = Math.imul(value ^ character.charCodeAt(0), 0x5bd1e995);
  return value;
}
