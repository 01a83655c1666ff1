import { describe, expect, it } from 'vitest';
import { rankProducts, SCORE_WEIGHTS } from '../../../chains/recommend/rank-products.ts';
import { PRODUCT_CATALOG } from '../../../knowledge/generate/product-catalog.ts';
import type { Product } from '../../../knowledge/schemas.ts';
import { makeCustomer, makeInput, makeProduct } from './recommendation-fixtures.ts';

const ids = (products: readonly { product: Product }[]): string[] =>
  products.map((entry) => entry.product.id);

/** A small catalogue with one product per need, so each known answer has one right product. */
const SMALL_CATALOG: Product[] = [
  makeProduct({ id: 'SAV-01', tags: ['emergency_fund'] }),
  makeProduct({
    id: 'TRV-01',
    type: 'credit_card',
    risk_level: 2,
    min_income: 50_000,
    fees: { annual: 95, description: '$95 a year.' },
    eligibility: { min_age: 21, max_debt_to_income: 0.35 },
    tags: ['travel_rewards', 'travel'],
  }),
  makeProduct({
    id: 'CSH-01',
    type: 'credit_card',
    risk_level: 2,
    tags: ['cashback'],
    eligibility: { max_debt_to_income: 0.45 },
  }),
  makeProduct({
    id: 'LN-01',
    type: 'loan',
    risk_level: 2,
    tags: ['debt_consolidation'],
    eligibility: { max_debt_to_income: 0.6 },
  }),
  makeProduct({
    id: 'FND-01',
    type: 'fund',
    risk_level: 4,
    tags: ['wealth_growth'],
    eligibility: { min_horizon_years: 7 },
  }),
];

const TRAVELLER = makeInput({
  customer: makeCustomer({
    income: 80_000,
    debt_balance: 0,
    savings_balance: 30_000,
    investment_horizon_years: 3,
  }),
  spending: {
    monthlySpendByCategory: { travel: 420, groceries: 150 },
    avgMonthlySpend: 2_400,
    savingsRatio: 0.64,
    spendTrend: 0,
  },
});

describe('rankProducts: known answers', () => {
  it('recommends the travel card to a $420-a-month traveller, naming the $420', () => {
    const [top] = rankProducts(TRAVELLER, SMALL_CATALOG);
    expect(top?.product.id).toBe('TRV-01');
    expect(top?.reasons).toEqual([
      'You spend about $420 a month on travel',
      'Risk level 2 of 5, within the limit for a medium risk tolerance',
    ]);
    expect(top?.components.spendingSignal).toBe(1);
    // 0.15 × spending 1 + 0.1 × neutral feedback 0.5; nothing else applies.
    expect(top?.score).toBeCloseTo(0.2, 10);
  });

  it('recommends the real catalogue’s travel card (CC-02) to the same traveller, with the same reason', () => {
    const recommendations = rankProducts(TRAVELLER, PRODUCT_CATALOG);
    const travelCard = recommendations.find((recommendation) => recommendation.product.id === 'CC-02');
    expect(travelCard?.reasons).toContain('You spend about $420 a month on travel');
    expect(ids(recommendations)[0]).toBe('CC-02');
  });

  it('rounds spend in reasons the way a person would say it', () => {
    const input = {
      ...TRAVELLER,
      spending: { ...TRAVELLER.spending, monthlySpendByCategory: { travel: 1_447.6 } },
    };
    expect(rankProducts(input, SMALL_CATALOG)[0]?.reasons[0]).toBe(
      'You spend about $1,450 a month on travel',
    );
  });

  it('puts an emergency fund first for a customer with less than a month of savings', () => {
    const input = makeInput({
      customer: makeCustomer({
        income: 45_000,
        debt_balance: 0,
        savings_balance: 1_000,
        investment_horizon_years: 2,
      }),
      spending: { monthlySpendByCategory: {}, avgMonthlySpend: 3_900, savingsRatio: -0.04, spendTrend: 0 },
    });
    const [top] = rankProducts(input, SMALL_CATALOG);
    expect(top?.product.id).toBe('SAV-01');
    // Reasons come strongest first: the spending signal (weight 0.15) now outweighs the need fit (0.12).
    expect(top?.reasons).toEqual([
      'Your spending is about 4% more than your income',
      'Your savings of $1,000 cover less than a month of spending',
    ]);
  });

  it('offers consolidation to a customer whose spending rises while carrying debt', () => {
    const input = makeInput({
      customer: makeCustomer({
        income: 50_000,
        debt_balance: 22_000,
        savings_balance: 15_000,
        investment_horizon_years: 3,
      }),
      spending: { monthlySpendByCategory: {}, avgMonthlySpend: 2_800, savingsRatio: 0.33, spendTrend: 0.04 },
    });
    const [top] = rankProducts(input, SMALL_CATALOG);
    expect(top?.product.id).toBe('LN-01');
    expect(top?.reasons).toEqual([
      'Your monthly spending is rising by about 4% a month while you carry $22,000 of debt',
      'Your debt of $22,000 is about 44% of your income',
    ]);
  });

  it('fits a growth fund to a high tolerance and a long horizon', () => {
    const input = makeInput({
      customer: makeCustomer({
        risk_tolerance: 'high',
        investment_horizon_years: 25,
        savings_balance: 50_000,
      }),
      spending: { monthlySpendByCategory: {}, avgMonthlySpend: 3_000, savingsRatio: 0.4, spendTrend: 0 },
    });
    const [top] = rankProducts(input, SMALL_CATALOG);
    expect(top?.product.id).toBe('FND-01');
    expect(top?.reasons[0]).toBe('Fits a high risk tolerance and a 25-year horizon');
  });

  it('scores similar customers as a share shrunk toward the neighbourhood average, and says "12 of 20"', () => {
    const catalog = [makeProduct({ id: 'SAV-01' }), makeProduct({ id: 'SAV-02' })];
    const input = makeInput({ neighbourAdoptions: new Map([['SAV-01', 12]]), neighbourCount: 20 });
    const [top, second] = rankProducts(input, catalog);
    // Average rate over the catalogue: 12 / (20 × 2) = 0.3; share = (12 + 2 × 0.3) / (20 + 2).
    expect(top?.components.similarCustomers).toBeCloseTo(12.6 / 22, 12);
    expect(second?.components.similarCustomers).toBeCloseTo(0.6 / 22, 12);
    expect(top?.reasons[0]).toBe('12 of 20 similar customers hold it');
  });

  it('rescales content similarity to [0, 1], treating negative similarity as no match', () => {
    const catalog = [
      makeProduct({ id: 'SAV-01' }),
      makeProduct({ id: 'SAV-02' }),
      makeProduct({ id: 'SAV-03' }),
    ];
    const input = makeInput({
      contentSimilarity: new Map([
        ['SAV-01', 0.8],
        ['SAV-02', -0.4],
        ['SAV-03', 1.7],
      ]),
    });
    const byId = new Map(
      rankProducts(input, catalog).map((entry) => [entry.product.id, entry.components.contentMatch]),
    );
    expect(Object.fromEntries(byId)).toEqual({ 'SAV-01': 0.8, 'SAV-02': 0, 'SAV-03': 1 });
  });
});

describe('rankProducts: rules and ordering', () => {
  it('never returns an unsuitable or already-held product', () => {
    const input = makeInput({
      customer: makeCustomer({ age: 19, income: 20_000, debt_balance: 15_000, investment_horizon_years: 2 }),
      heldProductIds: ['SAV-01'],
    });
    // TRV-01: too young and too little income; LN-01/CSH-01: debt 0.75 of income; FND-01: risk 4, horizon 2.
    expect(rankProducts(input, SMALL_CATALOG, { limit: 10 })).toEqual([]);
  });

  it('breaks ties by product id, whatever the catalogue order', () => {
    const catalog = ['SAV-03', 'SAV-01', 'SAV-02'].map((id) => makeProduct({ id }));
    expect(ids(rankProducts(makeInput(), catalog))).toEqual(['SAV-01', 'SAV-02', 'SAV-03']);
    expect(ids(rankProducts(makeInput(), [...catalog].reverse()))).toEqual(['SAV-01', 'SAV-02', 'SAV-03']);
  });

  it('returns three by default and honours a limit', () => {
    const catalog = ['SAV-01', 'SAV-02', 'SAV-03', 'SAV-04', 'SAV-05'].map((id) => makeProduct({ id }));
    expect(rankProducts(makeInput(), catalog)).toHaveLength(3);
    expect(rankProducts(makeInput(), catalog, { limit: 1 })).toHaveLength(1);
    expect(rankProducts(makeInput(), catalog, { limit: 0 })).toEqual([]);
  });

  it('weights sum to 1', () => {
    const total = Object.values(SCORE_WEIGHTS).reduce((sum, weight) => sum + weight, 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it('marks exactly the products whose position feedback changed', () => {
    const catalog = ['SAV-01', 'SAV-02', 'SAV-03'].map((id) => makeProduct({ id }));
    const neighbours = { neighbourAdoptions: new Map([['SAV-01', 5]]), neighbourCount: 10 };
    const plain = rankProducts(makeInput(neighbours), catalog);
    expect(plain.map((entry) => entry.movedByFeedback)).toEqual([false, false, false]);

    const boosted = rankProducts(
      makeInput({ ...neighbours, feedbackAdjustments: new Map([['SAV-03', 1]]) }),
      catalog,
    );
    // Without feedback: SAV-01 (neighbours), then SAV-02, SAV-03 by id. The boost lifts SAV-03 above SAV-02 only.
    expect(ids(boosted)).toEqual(['SAV-01', 'SAV-03', 'SAV-02']);
    expect(boosted.map((entry) => entry.movedByFeedback)).toEqual([false, true, true]);
    expect(boosted[1]?.components.feedback).toBe(1);
    // Feedback moves the product but is no reason of the ranker's: the core words whose feedback it was.
    expect(boosted[1]?.reasons.some((reason) => /feedback/i.test(reason))).toBe(false);
  });

  it('bounds feedback: a huge adjustment counts the same as 1', () => {
    const catalog = [makeProduct({ id: 'SAV-01' }), makeProduct({ id: 'SAV-02' })];
    const huge = rankProducts(makeInput({ feedbackAdjustments: new Map([['SAV-02', 1e9]]) }), catalog);
    const one = rankProducts(makeInput({ feedbackAdjustments: new Map([['SAV-02', 1]]) }), catalog);
    expect(huge).toEqual(one);
    expect(huge[0]?.score).toBeCloseTo(0.1, 12);
  });

  it('rejects neighbour counts that would make a reason false', () => {
    const input = makeInput({ neighbourAdoptions: new Map([['SAV-01', 21]]), neighbourCount: 20 });
    expect(() => rankProducts(input, SMALL_CATALOG)).toThrow(/neighbourAdoptions for SAV-01 .* 0–20, got 21/);
    expect(() => rankProducts(makeInput(), SMALL_CATALOG, { limit: -1 })).toThrow(RangeError);
  });
});
