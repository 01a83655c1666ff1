import { describe, expect, it } from 'vitest';
import { predictWithBoostedTrees } from '../../../../chains/eval/bench/boosted-trees.ts';

// 2000 rows on a grid: the target steps from 0 to 10 at x = 0.5, and the second column is noise-free filler.
const rows = Array.from({ length: 2000 }, (_, index) => [index / 2000, (index * 7) % 13]);
const step = rows.map(([x]) => ((x ?? 0) < 0.5 ? 0 : 10));

describe('predictWithBoostedTrees', () => {
  it('learns a step with squared error, for every set of rows asked', () => {
    const [low, high] = predictWithBoostedTrees(
      { objective: 'reg:linear', rows, targets: step, seed: 1, rounds: 60 },
      [
        [[0.1, 3]],
        [
          [0.9, 3],
          [0.7, 12],
        ],
      ],
    );
    expect(low?.length).toBe(1);
    expect(high?.length).toBe(2);
    // Within 0.5 of the step, not exactly on it: column subsampling leaves some trees only the filler column.
    expect(Math.abs((low?.[0] ?? Number.NaN) - 0)).toBeLessThan(0.5);
    expect(Math.abs((high?.[0] ?? Number.NaN) - 10)).toBeLessThan(0.5);
    expect(Math.abs((high?.[1] ?? Number.NaN) - 10)).toBeLessThan(0.5);
  });

  it('predicts probabilities with log loss', () => {
    const [probabilities] = predictWithBoostedTrees(
      {
        objective: 'binary:logistic',
        rows,
        targets: step.map((value) => (value > 0 ? 1 : 0)),
        seed: 1,
        rounds: 60,
      },
      [
        [
          [0.2, 5],
          [0.8, 5],
        ],
      ],
    );
    expect(probabilities?.[0]).toBeLessThan(0.05);
    expect(probabilities?.[1]).toBeGreaterThan(0.95);
  });

  it('is deterministic for a seed and returns an empty prediction for no rows', () => {
    const plan = { objective: 'reg:linear', rows, targets: step, seed: 7, rounds: 20 } as const;
    const [first, none] = predictWithBoostedTrees(plan, [rows, []]);
    const [second] = predictWithBoostedTrees(plan, [rows]);
    expect(second).toEqual(first);
    expect(none?.length).toBe(0);
  });
});
