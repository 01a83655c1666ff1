import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BANDS, ageBandOf } from '../../../chains/guard/age-bands.ts';
import { counterfactualCheck, type Ranker } from '../../../chains/guard/counterfactual-check.ts';
import { rankProducts } from '../../../chains/recommend/rank-products.ts';
import { PRODUCT_CATALOG } from '../../../knowledge/generate/product-catalog.ts';
import type { Product } from '../../../knowledge/schemas.ts';
import {
  inputArbitrary,
  makeCustomer,
  makeInput,
  makeProduct,
} from '../recommend/recommendation-fixtures.ts';

const fair: Ranker = (input) => rankProducts(input, PRODUCT_CATALOG);

/** The deliberately biased ranker: hides every fund from women, otherwise exactly rankProducts. */
const hidesFundsFromWomen: Ranker = (input) => {
  const all = rankProducts(input, PRODUCT_CATALOG, { limit: PRODUCT_CATALOG.length });
  const shown =
    input.customer.gender === 'Female' ? all.filter((entry) => entry.product.type !== 'fund') : all;
  return shown.slice(0, 3);
};

/** A long-horizon, high-tolerance investor: unbiased, all three recommendations are funds. */
const investor = (gender: 'Female' | 'Male' | 'Other') =>
  makeInput({
    customer: makeCustomer({
      gender,
      age: 40,
      income: 120_000,
      debt_balance: 0,
      savings_balance: 90_000,
      risk_tolerance: 'high',
      investment_horizon_years: 25,
    }),
    spending: { monthlySpendByCategory: {}, avgMonthlySpend: 4_000, savingsRatio: 0.6, spendTrend: 0 },
  });

const ids = (ranking: readonly { product: Product }[]) => ranking.map((entry) => entry.product.id);

describe('counterfactualCheck: gender', () => {
  it('flags a ranker that hides funds from a woman and returns the unbiased ranking as neutral', () => {
    const input = investor('Female');
    expect(ids(fair(input)).every((id) => id.startsWith('FND-'))).toBe(true);

    const result = counterfactualCheck(hidesFundsFromWomen, input);
    expect(result.flagged).toBe(true);
    const genderVariants = result.variants.filter((variant) => variant.attribute === 'gender');
    expect(genderVariants.map((variant) => [variant.value, variant.changed])).toEqual([
      ['Male', true],
      ['Other', true],
    ]);
    expect(genderVariants[0]?.productIds).toEqual(ids(fair(input)));
    expect(result.neutralRanking).toEqual(fair(input));
    expect(result.reasons[0]).toMatch(
      /^With gender set to Male, the recommended products changed: .*FND-05.* added$/,
    );
    expect(result.variants.filter((variant) => variant.attribute === 'age_band' && variant.changed)).toEqual(
      [],
    );
  });

  it('flags the same ranker for a man (the Female variant differs) and keeps his own, majority ranking', () => {
    const input = investor('Male');
    const result = counterfactualCheck(hidesFundsFromWomen, input);
    expect(result.flagged).toBe(true);
    expect(result.variants.find((variant) => variant.value === 'Female')?.changed).toBe(true);
    expect(result.variants.find((variant) => variant.value === 'Other')?.changed).toBe(false);
    expect(result.neutralRanking).toEqual(fair(input));
  });

  it('falls back to the first gender value when all three rankings differ', () => {
    const catalog = ['SAV-01', 'SAV-02', 'SAV-03', 'SAV-04'].map((id) => makeProduct({ id }));
    const dropByGender: Ranker = (input) => {
      const dropped = { Female: 'SAV-01', Male: 'SAV-02', Other: 'SAV-03' }[input.customer.gender];
      return rankProducts(input, catalog, { limit: 4 }).filter((entry) => entry.product.id !== dropped);
    };
    const result = counterfactualCheck(
      dropByGender,
      makeInput({ customer: makeCustomer({ gender: 'Other' }) }),
    );
    expect(result.flagged).toBe(true);
    expect(ids(result.neutralRanking)).toEqual(['SAV-02', 'SAV-03', 'SAV-04']);
  });

  it('does not flag the real rankProducts on 200 generated customers', () => {
    fc.assert(
      fc.property(inputArbitrary(PRODUCT_CATALOG), (input) => {
        const result = counterfactualCheck(fair, input);
        expect(result.reasons).toEqual([]);
        expect(result.flagged).toBe(false);
        expect(result.neutralRanking).toEqual(fair(input));
      }),
      { numRuns: 200 },
    );
  });
});

describe('counterfactualCheck: age', () => {
  // YNG-01 is for under-31s and OLD-01 for over-59s; neighbours make both the most popular.
  const catalog: Product[] = [
    makeProduct({ id: 'YNG-01', eligibility: { max_age: 30 } }),
    makeProduct({ id: 'OLD-01', eligibility: { min_age: 60 } }),
    makeProduct({ id: 'SAV-01' }),
    makeProduct({ id: 'SAV-02' }),
    makeProduct({ id: 'SAV-03' }),
  ];
  const input = makeInput({
    customer: makeCustomer({ age: 25 }),
    neighbourCount: 10,
    neighbourAdoptions: new Map([
      ['YNG-01', 10],
      ['OLD-01', 9],
      ['SAV-01', 5],
      ['SAV-02', 4],
      ['SAV-03', 3],
    ]),
  });
  const rank: Ranker = (candidate) => rankProducts(candidate, catalog);

  it('does not flag a set that changes only because age eligibility excludes a product', () => {
    const result = counterfactualCheck(rank, input);
    expect(ids(rank(input))).toEqual(['YNG-01', 'SAV-01', 'SAV-02']);
    const byBand = new Map(
      result.variants.filter((variant) => variant.attribute === 'age_band').map((v) => [v.value, v]),
    );
    expect(byBand.get('35-44')?.productIds).toEqual(['SAV-01', 'SAV-02', 'SAV-03']);
    expect(byBand.get('65+')?.productIds).toEqual(['OLD-01', 'SAV-01', 'SAV-02']);
    expect(byBand.get('18-24')?.productIds).toEqual(['YNG-01', 'SAV-01', 'SAV-02']);
    expect([...byBand.values()].map((variant) => variant.changed)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(result.flagged).toBe(false);
    expect(result.neutralRanking).toEqual(rank(input));
  });

  it('moves age to every other band at its representative age, and gender to every other value', () => {
    const result = counterfactualCheck(rank, input);
    expect(result.variants.map((variant) => `${variant.attribute}:${variant.value}`)).toEqual([
      'gender:Male',
      'gender:Other',
      'age_band:18-24',
      'age_band:35-44',
      'age_band:45-54',
      'age_band:55-64',
      'age_band:65+',
    ]);
  });

  it('flags a ranker that drops a product for older customers when eligibility does not explain it', () => {
    const ageist: Ranker = (candidate) =>
      rankProducts(candidate, catalog, { limit: 5 })
        .filter((entry) => candidate.customer.age < 55 || entry.product.id !== 'SAV-01')
        .slice(0, 3);
    const result = counterfactualCheck(ageist, input);
    expect(result.flagged).toBe(true);
    expect(result.variants.filter((variant) => variant.changed).map((variant) => variant.value)).toEqual([
      '55-64',
      '65+',
    ]);
    expect(result.reasons).toContain(
      'With age moved to 60 (band 55-64), the recommended products changed: SAV-01 dropped; SAV-03 added',
    );
    // Age is a legal suitability input, so it is not masked: the (gender-neutral) original stands.
    expect(result.neutralRanking).toEqual(ageist(input));
  });
});

describe('ageBandOf', () => {
  it.each([
    [18, '18-24'],
    [24, '18-24'],
    [25, '25-34'],
    [44, '35-44'],
    [64, '55-64'],
    [65, '65+'],
    [110, '65+'],
  ])('puts age %i in band %s', (age, label) => {
    expect(ageBandOf(age).label).toBe(label);
  });

  it('gives every band a representative age inside it', () => {
    for (const band of AGE_BANDS) expect(ageBandOf(band.representativeAge)).toBe(band);
  });
});
