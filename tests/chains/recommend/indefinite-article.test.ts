import { describe, expect, it } from 'vitest';
import { articleFor } from '../../../chains/recommend/indefinite-article.ts';
import { rankProducts } from '../../../chains/recommend/rank-products.ts';
import { PRODUCT_CATALOG } from '../../../knowledge/generate/product-catalog.ts';
import { makeCustomer, makeInput } from './recommendation-fixtures.ts';

describe('articleFor: "a" or "an" by how the number is read', () => {
  it.each([
    [1, 'a'],
    [8, 'an'],
    [10, 'a'],
    [11, 'an'],
    [18, 'an'],
    [30, 'a'],
    [80, 'an'],
    [85, 'an'],
    [110, 'a'],
    [800, 'an'],
    [1_800, 'a'],
    [11_000, 'an'],
    [18_500, 'an'],
    [80_000, 'an'],
  ] as const)('%i → %s', (count, article) => {
    expect(articleFor(count)).toBe(article);
  });
});

describe('recommendation reasons read as English', () => {
  it.each([8, 11, 18])('a %i-year horizon is written "an %i-year horizon"', (years) => {
    const input = makeInput({
      customer: makeCustomer({
        investment_horizon_years: years,
        risk_tolerance: 'medium',
        savings_balance: 90_000,
      }),
    });
    const reasons = rankProducts(input, PRODUCT_CATALOG).flatMap((item) => item.reasons);
    expect(reasons).toContain(`Fits a medium risk tolerance and an ${years}-year horizon`);
    expect(reasons.join('\n')).not.toMatch(/\ba (8|11|18)-year/);
  });
});
