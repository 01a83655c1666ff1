import { describe, expect, it } from 'vitest';
import { guardRecommendations, guardReply } from '../../../chains/guard/bias-guard.ts';
import type { Ranker } from '../../../chains/guard/counterfactual-check.ts';
import { rankProducts } from '../../../chains/recommend/rank-products.ts';
import { PRODUCT_CATALOG } from '../../../knowledge/generate/product-catalog.ts';
import { makeCustomer, makeInput } from '../recommend/recommendation-fixtures.ts';

const fair: Ranker = (input) => rankProducts(input, PRODUCT_CATALOG);
const hidesFundsFromWomen: Ranker = (input) =>
  rankProducts(input, PRODUCT_CATALOG, { limit: PRODUCT_CATALOG.length })
    .filter((entry) => input.customer.gender !== 'Female' || entry.product.type !== 'fund')
    .slice(0, 3);

const input = makeInput({
  customer: makeCustomer({
    gender: 'Female',
    risk_tolerance: 'high',
    investment_horizon_years: 25,
    savings_balance: 90_000,
    income: 120_000,
    debt_balance: 0,
  }),
  spending: { monthlySpendByCategory: {}, avgMonthlySpend: 4_000, savingsRatio: 0.6, spendTrend: 0 },
});

describe('guardRecommendations', () => {
  it('passes a fair ranking through unchanged, with nothing to log', () => {
    expect(guardRecommendations(fair, input)).toEqual({
      flagged: false,
      reasons: [],
      recommendations: fair(input),
    });
  });

  it('flags a biased ranking, explains it, and hands back the gender-neutral recommendations', () => {
    const verdict = guardRecommendations(hidesFundsFromWomen, input);
    expect(verdict.flagged).toBe(true);
    expect(verdict.reasons).toHaveLength(2);
    expect(verdict.reasons.every((reason) => reason.startsWith('With gender set to '))).toBe(true);
    expect(verdict.recommendations).toEqual(fair(input));
  });
});

describe('guardReply', () => {
  it('returns one audit reason per offending phrase', () => {
    expect(guardReply('As a woman, and at your age, keep it simple.')).toEqual({
      flagged: true,
      reasons: [
        'Stereotyped or protected-attribute wording: "As a woman"',
        'Stereotyped or protected-attribute wording: "at your age"',
      ],
    });
  });

  it('passes a factual reply', () => {
    expect(
      guardReply(
        'You spend about $420 a month on travel, and 12 of 20 similar customers hold the Voyager card.',
      ),
    ).toEqual({ flagged: false, reasons: [] });
  });
});
