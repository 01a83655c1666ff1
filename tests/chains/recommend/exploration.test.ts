import { describe, expect, it } from 'vitest';
import {
  checkSuitability,
  EXPLORATION_BONUS,
  explorationBonus,
  type ProductExposure,
  rankProducts,
} from '../../../chains/recommend/index.ts';
import { makeInput, makeProduct } from './recommendation-fixtures.ts';

const exposure = (shown: Record<string, number>): ProductExposure => ({
  shown: new Map(Object.entries(shown)),
  total: Object.values(shown).reduce((sum, count) => sum + count, 0),
});

describe('explorationBonus', () => {
  it('is 0.2 × (1 − shown / fair share), 0 at or above the fair share and before any showing', () => {
    expect(EXPLORATION_BONUS).toBe(0.2);
    const seen = exposure({ 'SAV-01': 5, 'SAV-02': 25, 'SAV-03': 70 });
    // 100 showings over 4 products: a fair share is 25.
    expect(explorationBonus('SAV-01', seen, 4)).toBeCloseTo(0.16, 12);
    expect(explorationBonus('FND-01', seen, 4)).toBe(0.2);
    expect(explorationBonus('SAV-02', seen, 4)).toBe(0);
    expect(explorationBonus('SAV-03', seen, 4)).toBe(0);
    expect(explorationBonus('SAV-01', exposure({}), 4)).toBe(0);
  });
});

describe('rankProducts with exposure', () => {
  const catalog = ['SAV-01', 'SAV-02', 'SAV-03'].map((id) => makeProduct({ id }));
  const neighbours = { neighbourAdoptions: new Map([['SAV-01', 5]]), neighbourCount: 10 };
  // 60 showings over 3 products (fair share 20): SAV-03 was never shown, so it gets the full bonus.
  const rarelySeenThird = exposure({ 'SAV-01': 30, 'SAV-02': 30 });

  it('lifts a never-shown product past a tie by exactly 0.01 of score, and labels only it as explored', () => {
    const plain = rankProducts(makeInput(neighbours), catalog);
    const explored = rankProducts(makeInput({ ...neighbours, exposure: rarelySeenThird }), catalog);
    expect(plain.map((entry) => entry.product.id)).toEqual(['SAV-01', 'SAV-02', 'SAV-03']);
    expect(explored.map((entry) => entry.product.id)).toEqual(['SAV-01', 'SAV-03', 'SAV-02']);
    expect(explored.map((entry) => entry.explored)).toEqual([false, true, false]);
    expect(explored.map((entry) => entry.movedByFeedback)).toEqual([false, false, false]);
    expect(explored[1]?.components.feedback).toBeCloseTo(0.6, 12);
    expect((explored[1]?.score ?? 0) - (plain[2]?.score ?? 0)).toBeCloseTo(0.01, 12);
    expect(explored[1]?.reasons.some((reason) => /feedback/i.test(reason))).toBe(false);
    expect(rankProducts(makeInput({ ...neighbours, exposure: rarelySeenThird }), catalog)).toEqual(explored);
  });

  it('separates learned feedback from exploration in the flags', () => {
    const ranked = rankProducts(
      makeInput({ ...neighbours, exposure: rarelySeenThird, feedbackAdjustments: new Map([['SAV-02', 1]]) }),
      catalog,
    );
    // Learned +1 on SAV-02 (+0.05) beats SAV-03's bonus (+0.01); without the learned part SAV-03 would lead it.
    expect(ranked.map((entry) => entry.product.id)).toEqual(['SAV-01', 'SAV-02', 'SAV-03']);
    expect(ranked.map((entry) => entry.movedByFeedback)).toEqual([false, true, true]);
    expect(ranked.map((entry) => entry.explored)).toEqual([false, false, false]);
  });

  it('never beats real evidence and never admits an ineligible product', () => {
    const unaffordable = makeProduct({ id: 'SAV-09', min_income: 10_000_000 });
    const input = makeInput({
      ...neighbours,
      exposure: exposure({ 'SAV-01': 90, 'SAV-02': 30, 'SAV-03': 30 }),
    });
    expect(checkSuitability(input.customer, [], unaffordable).suitable).toBe(false);
    const ranked = rankProducts(
      { ...input, feedbackAdjustments: new Map([['SAV-09', 1]]) },
      [...catalog, unaffordable],
      { limit: 4 },
    );
    expect(ranked.map((entry) => entry.product.id)).toEqual(['SAV-01', 'SAV-02', 'SAV-03']);
    expect(ranked[0]?.explored).toBe(false);
  });
});
