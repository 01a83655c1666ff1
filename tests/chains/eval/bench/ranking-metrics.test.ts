import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  averagePrecisionAt,
  catalogueCoverage,
  mapAt7,
  meanAveragePrecisionAt,
  ndcgAt,
  precisionAt,
  recallAt,
} from '../../../../chains/eval/bench/ranking-metrics.ts';

// One user throughout the known answers: hits at ranks 1 and 3, and one relevant item (F) never ranked.
const RANKED = ['A', 'B', 'C', 'D', 'E'];
const RELEVANT = new Set(['A', 'C', 'F']);

describe('ranking metrics, known answers', () => {
  it('precision@k divides the hits in the top k by k', () => {
    expect(precisionAt(RANKED, RELEVANT, 3)).toBeCloseTo(2 / 3, 12); // A, C of A B C
    expect(precisionAt(RANKED, RELEVANT, 5)).toBeCloseTo(0.4, 12); // 2 of 5
    expect(precisionAt(['A'], RELEVANT, 3)).toBeCloseTo(1 / 3, 12); // a short list is not excused
  });

  it('recall@k divides the hits in the top k by the number of relevant items', () => {
    expect(recallAt(RANKED, RELEVANT, 1)).toBeCloseTo(1 / 3, 12); // A of {A, C, F}
    expect(recallAt(RANKED, RELEVANT, 5)).toBeCloseTo(2 / 3, 12); // A, C of {A, C, F}
    expect(recallAt(RANKED, new Set(), 5)).toBe(0);
  });

  it('NDCG@5 uses log2 discounts and an ideal list of min(|relevant|, k) hits', () => {
    // DCG = 1/log2(2) + 1/log2(4) = 1.5; IDCG = 1 + 1/log2(3) + 1/log2(4) = 2.1309297536; 1.5 / 2.1309297536 = 0.7039180890
    expect(ndcgAt(RANKED, RELEVANT, 5)).toBeCloseTo(0.703918089, 9);
    // k = 2: DCG = 1; IDCG = 1 + 1/log2(3) = 1.6309297536 → 0.6131471928
    expect(ndcgAt(RANKED, RELEVANT, 2)).toBeCloseTo(0.6131471928, 9);
    // a single hit at rank 3 of one relevant item: (1/log2(4)) / 1 = 0.5
    expect(ndcgAt(['X', 'Y', 'Z'], new Set(['Z']), 5)).toBeCloseTo(0.5, 12);
  });

  it('AP@k sums precision at each hit and divides by min(|relevant|, k), as in the Santander metric', () => {
    // hits at 1 and 3: (1/1 + 2/3) / min(3, 7) = 0.5555…
    expect(averagePrecisionAt(RANKED, RELEVANT, 7)).toBeCloseTo(5 / 9, 12);
    // k = 2: only the hit at 1 counts, divided by min(3, 2) = 2 → 0.5
    expect(averagePrecisionAt(RANKED, RELEVANT, 2)).toBeCloseTo(0.5, 12);
  });

  it('MAP@7 averages AP@7 over the users with at least one relevant item only', () => {
    const users = [
      { ranked: RANKED, relevant: RELEVANT }, // AP@7 = 5/9
      { ranked: ['X', 'Y', 'Z'], relevant: new Set(['Z']) }, // (1/3) / 1 = 1/3
      { ranked: ['A'], relevant: new Set<string>() }, // no relevant item: not counted
    ];
    // (5/9 + 1/3) / 2 = 4/9
    expect(mapAt7(users)).toBeCloseTo(4 / 9, 12);
    expect(meanAveragePrecisionAt([{ ranked: ['A'], relevant: new Set<string>() }], 7)).toBe(0);
  });

  it('a repeated id counts once, where it first appears', () => {
    // A twice: one hit in three places → 1/3, and AP@3 = (1/1) / min(1, 3) = 1
    expect(precisionAt(['A', 'A', 'B'], new Set(['A']), 3)).toBeCloseTo(1 / 3, 12);
    expect(averagePrecisionAt(['A', 'A', 'B'], new Set(['A']), 3)).toBe(1);
    expect(ndcgAt(['A', 'A'], new Set(['A', 'B']), 2)).toBeCloseTo(1 / (1 + 1 / Math.log2(3)), 12);
  });

  it('catalogue coverage counts distinct catalogue ids shown in any top-k list', () => {
    // top-2 lists: A B | A D → {A, B, D} of 5; Z is not in the catalogue and C is below k
    const rankings = [
      ['A', 'B', 'C'],
      ['A', 'D', 'Z'],
    ];
    expect(catalogueCoverage(rankings, ['A', 'B', 'C', 'D', 'E'], 2)).toBeCloseTo(0.6, 12);
    expect(catalogueCoverage([], ['A'], 2)).toBe(0);
  });

  it('rejects a k that is not a whole number ≥ 1', () => {
    expect(() => precisionAt(RANKED, RELEVANT, 0)).toThrow(RangeError);
    expect(() => ndcgAt(RANKED, RELEVANT, 2.5)).toThrow(RangeError);
  });
});

const productId: fc.Arbitrary<string> = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J');
const anyUser = fc.record({
  ranked: fc.array(productId, { maxLength: 12 }),
  relevant: fc.uniqueArray(productId, { maxLength: 10 }).map((ids) => new Set(ids)),
  k: fc.integer({ min: 1, max: 12 }),
});
/** A perfect ranking: every relevant id first (in any order), then the rest. */
const perfectUser = fc
  .uniqueArray(productId, { minLength: 1, maxLength: 10 })
  .chain((ids) =>
    fc.record({
      relevantCount: fc.integer({ min: 1, max: ids.length }),
      ids: fc.constant(ids),
      k: fc.integer({ min: 1, max: 12 }),
    }),
  )
  .map(({ ids, relevantCount, k }) => ({ ranked: ids, relevant: new Set(ids.slice(0, relevantCount)), k }));

describe('ranking metrics, properties', () => {
  it('NDCG, precision, recall and AP stay within [0, 1]', () => {
    fc.assert(
      fc.property(anyUser, ({ ranked, relevant, k }) => {
        for (const metric of [ndcgAt, precisionAt, recallAt, averagePrecisionAt]) {
          const value = metric(ranked, relevant, k);
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
    );
  });

  it('a perfect ranking has NDCG 1 and AP 1 at any k', () => {
    fc.assert(
      fc.property(perfectUser, ({ ranked, relevant, k }) => {
        expect(ndcgAt(ranked, relevant, k)).toBeCloseTo(1, 12);
        expect(averagePrecisionAt(ranked, relevant, k)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('MAP@7 of perfect rankings is 1', () => {
    fc.assert(
      fc.property(fc.array(perfectUser, { minLength: 1, maxLength: 8 }), (users) => {
        expect(mapAt7(users)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('moving a hit up a list without repeats never lowers NDCG', () => {
    const distinctUser = anyUser.chain((user) =>
      fc.record({
        ranked: fc.uniqueArray(productId, { maxLength: 10 }),
        relevant: fc.constant(user.relevant),
        k: fc.constant(user.k),
      }),
    );
    fc.assert(
      fc.property(distinctUser, fc.nat(), ({ ranked, relevant, k }, seed) => {
        const hits = ranked.map((id, position) => ({ id, position })).filter(({ id }) => relevant.has(id));
        if (hits.length === 0 || ranked.length < 2) return;
        const { position } = hits[seed % hits.length] as { position: number };
        if (position === 0) return;
        const promoted = [...ranked];
        [promoted[position - 1], promoted[position]] = [
          promoted[position] as string,
          promoted[position - 1] as string,
        ];
        expect(ndcgAt(promoted, relevant, k)).toBeGreaterThanOrEqual(ndcgAt(ranked, relevant, k) - 1e-12);
      }),
    );
  });
});
