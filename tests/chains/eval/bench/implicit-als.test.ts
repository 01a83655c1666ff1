import { describe, expect, it } from 'vitest';
import { fitImplicitAls } from '../../../../chains/eval/bench/implicit-als.ts';

// Two clear taste groups: savers hold SAV-01 with SAV-02, investors FND-01 with RET-01.
const BASKETS = [
  ...Array.from({ length: 40 }, () => ['SAV-01', 'SAV-02']),
  ...Array.from({ length: 40 }, () => ['FND-01', 'RET-01']),
  ...Array.from({ length: 20 }, () => []),
];
const ITEMS = ['FND-01', 'RET-01', 'SAV-01', 'SAV-02'];

describe('fitImplicitAls', () => {
  it('scores an item co-held with the basket above items of the other group', () => {
    const scores = fitImplicitAls(BASKETS, ITEMS, { factors: 2, seed: 1 }).score(['SAV-01']);
    const saver = scores.get('SAV-02') ?? 0;
    expect(saver).toBeGreaterThan(scores.get('FND-01') ?? 0);
    expect(saver).toBeGreaterThan(scores.get('RET-01') ?? 0);
  });

  it('gives a customer with no holdings all-zero scores, and ignores unknown ids', () => {
    const model = fitImplicitAls(BASKETS, ITEMS, { factors: 2, seed: 1 });
    expect([...model.score([]).values()]).toEqual([0, 0, 0, 0]);
    expect(model.score(['XX-99'])).toEqual(model.score([]));
  });

  it('is deterministic for a seed', () => {
    const first = fitImplicitAls(BASKETS, ITEMS, { seed: 9 }).score(['FND-01']);
    const second = fitImplicitAls(BASKETS, ITEMS, { seed: 9 }).score(['FND-01']);
    expect(second).toEqual(first);
  });
});
