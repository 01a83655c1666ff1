import { describe, expect, it } from 'vitest';
import { ndcgAt } from '../../../chains/eval/bench/ranking-metrics.ts';
import { fairRerank, loadFairRerankingConfig, minimumFavourable } from '../../../chains/recommend/index.ts';

const favourable = (id: string): boolean => id.startsWith('f');

describe('fairRerank (hand-worked)', () => {
  it('promotes the best favourable item to the first position where the prefix falls short', () => {
    // Share 0.34, k 3: minimum counts per prefix ⌊0.34⌋ 0, ⌊0.68⌋ 0, ⌊1.02⌋ 1 → f1 moves to third place.
    expect(fairRerank(['n1', 'n2', 'n3', 'f1', 'f2'], favourable, { k: 3, minimumShare: 0.34 })).toEqual([
      'n1',
      'n2',
      'f1',
      'n3',
      'f2',
    ]);
  });

  it('meets every prefix minimum with a larger share, keeping the rest in order', () => {
    // Share 2/3: minimum counts 0, 1, 2 → n1, f1, f2, then n2, n3 in their order.
    expect(fairRerank(['n1', 'n2', 'n3', 'f1', 'f2'], favourable, { k: 3, minimumShare: 2 / 3 })).toEqual([
      'n1',
      'f1',
      'f2',
      'n2',
      'n3',
    ]);
  });

  it('leaves a list that already meets the minimum, or has nothing favourable, unchanged', () => {
    expect(fairRerank(['f1', 'n1', 'n2', 'n3'], favourable, { k: 3, minimumShare: 0.34 })).toEqual([
      'f1',
      'n1',
      'n2',
      'n3',
    ]);
    expect(fairRerank(['n1', 'n2', 'n3', 'n4'], favourable, { k: 3, minimumShare: 1 })).toEqual([
      'n1',
      'n2',
      'n3',
      'n4',
    ]);
  });

  it('only reorders: nothing outside the given (suitable) list can appear', () => {
    const suitable = ['n1', 'n2', 'n3', 'n4', 'f1'];
    const reranked = fairRerank(suitable, favourable, { k: 3, minimumShare: 1 });
    expect([...reranked].sort()).toEqual([...suitable].sort());
    expect(reranked.slice(0, 3)).toEqual(['f1', 'n1', 'n2']);
  });

  it('computes prefix minimums robustly to rounded decimals', () => {
    expect([1, 2, 3, 6].map((position) => minimumFavourable(position, 0.34))).toEqual([0, 0, 1, 2]);
    expect(minimumFavourable(10, 0.3)).toBe(3);
    expect(minimumFavourable(3, 1 / 3)).toBe(1);
  });

  it('refuses a bad k or share, naming it', () => {
    expect(() => fairRerank(['n1'], favourable, { k: 0, minimumShare: 0.5 })).toThrow(/k must be/);
    expect(() => fairRerank(['n1'], favourable, { k: 3, minimumShare: 1.5 })).toThrow(/minimumShare/);
  });
});

describe('NDCG@5 before and after the re-ranking (hand-computed)', () => {
  const ranked = ['n1', 'n2', 'n3', 'f1', 'f2'];
  const reranked = fairRerank(ranked, favourable, { k: 3, minimumShare: 0.34 });

  it('costs NDCG when the adopted product is pushed down: 1/log2(4) = 0.5 → 1/log2(5)', () => {
    const relevant = new Set(['n3']);
    expect(ndcgAt(ranked, relevant, 5)).toBeCloseTo(0.5, 12);
    expect(ndcgAt(reranked, relevant, 5)).toBeCloseTo(1 / Math.log2(5), 12);
    expect(ndcgAt(ranked, relevant, 5) - ndcgAt(reranked, relevant, 5)).toBeCloseTo(0.0693234, 6);
  });

  it('gains NDCG when the adopted product is the promoted one: 1/log2(5) → 0.5', () => {
    const relevant = new Set(['f1']);
    expect(ndcgAt(ranked, relevant, 5)).toBeCloseTo(1 / Math.log2(5), 12);
    expect(ndcgAt(reranked, relevant, 5)).toBeCloseTo(0.5, 12);
  });
});

describe('loadFairRerankingConfig', () => {
  it('is off by default with a one-in-three share over the three products shown', () => {
    expect(loadFairRerankingConfig({})).toEqual({ enabled: false, minimumShare: 0.34, k: 3 });
  });

  it('reads FAIR_RERANKING and FAIR_RERANKING_MIN_SHARE', () => {
    expect(loadFairRerankingConfig({ FAIR_RERANKING: 'on', FAIR_RERANKING_MIN_SHARE: '0.67' })).toEqual({
      enabled: true,
      minimumShare: 0.67,
      k: 3,
    });
  });

  it('names the variable of a bad value', () => {
    expect(() => loadFairRerankingConfig({ FAIR_RERANKING: 'yes' })).toThrow(
      /FAIR_RERANKING: expected on or off/,
    );
    expect(() => loadFairRerankingConfig({ FAIR_RERANKING_MIN_SHARE: '2' })).toThrow(
      /FAIR_RERANKING_MIN_SHARE: must be from 0 to 1/,
    );
  });
});
