import { describe, expect, it } from 'vitest';
import { quantileOfSorted } from '../../../chains/eval/fairness/fairness-metrics.ts';
import {
  binomialSampler,
  bootstrapInterval,
  disparateImpact,
  disparateImpactInterval,
  equalOpportunityDifference,
  fourFifthsFlag,
  groupDifference,
  groupRatio,
  type OutcomeRow,
  selectionRate,
  statisticalParityDifference,
  truePositiveRate,
} from '../../../chains/eval/fairness/index.ts';
import { createRandom } from '../../../knowledge/seeded-random.ts';

/** `size` rows of one group, the first `favourable` of them favourable. */
function group(name: string, size: number, favourable: number): OutcomeRow[] {
  return Array.from({ length: size }, (_, index) => ({ group: name, favourable: index < favourable }));
}

/** Rows of one group from (favourable, label) cell counts. */
function labelled(
  name: string,
  cells: { favPos: number; favNeg: number; unfavPos: number; unfavNeg: number },
): OutcomeRow[] {
  const repeat = (count: number, favourable: boolean, label: boolean): OutcomeRow[] =>
    Array.from({ length: count }, () => ({ group: name, favourable, label }));
  return [
    ...repeat(cells.favPos, true, true),
    ...repeat(cells.favNeg, true, false),
    ...repeat(cells.unfavPos, false, true),
    ...repeat(cells.unfavNeg, false, false),
  ];
}

describe('known answers, worked out by hand', () => {
  // Privileged M: 10 rows, 6 favourable → P(fav|M) = 6/10 = 0.6.
  // Unprivileged F: 10 rows, 3 favourable → P(fav|F) = 3/10 = 0.3.
  // DI = 0.3 / 0.6 = 0.5; SPD = 0.3 − 0.6 = −0.3; DI < 0.8, so the four-fifths rule flags it.
  const rows = [...group('M', 10, 6), ...group('F', 10, 3)];

  it('selection rates are favourable / size', () => {
    expect(selectionRate(rows, 'M')).toEqual({ value: 0.6 });
    expect(selectionRate(rows, 'F')).toEqual({ value: 0.3 });
  });

  it('DI is 0.5 and SPD is -0.3, and the four-fifths rule flags it', () => {
    expect(disparateImpact(rows, 'F', 'M')).toEqual({ value: 0.5 });
    const spd = statisticalParityDifference(rows, 'F', 'M');
    expect(spd.value).toBeCloseTo(-0.3, 12);
    expect(fourFifthsFlag(0.5)).toBe(true);
  });

  it('swapping the groups gives DI 2 and SPD +0.3', () => {
    // 0.6 / 0.3 = 2; 0.6 − 0.3 = +0.3.
    expect(disparateImpact(rows, 'M', 'F')).toEqual({ value: 2 });
    expect(statisticalParityDifference(rows, 'M', 'F').value).toBeCloseTo(0.3, 12);
  });

  it('EOD compares true positive rates among the rows whose label is true', () => {
    // F: 4 true labels, 1 of them favourable → TPR(F) = 1/4 = 0.25 (plus 2 favourable, 4 not, with false labels).
    // M: 5 true labels, 4 of them favourable → TPR(M) = 4/5 = 0.8 (plus 2 favourable, 3 not, with false labels).
    // EOD = 0.25 − 0.8 = −0.55. Selection rates are still 3/10 and 6/10.
    const table = [
      ...labelled('F', { favPos: 1, favNeg: 2, unfavPos: 3, unfavNeg: 4 }),
      ...labelled('M', { favPos: 4, favNeg: 2, unfavPos: 1, unfavNeg: 3 }),
    ];
    expect(truePositiveRate(table, 'F')).toEqual({ value: 0.25 });
    expect(truePositiveRate(table, 'M')).toEqual({ value: 0.8 });
    expect(equalOpportunityDifference(table, 'F', 'M').value).toBeCloseTo(-0.55, 12);
    expect(disparateImpact(table, 'F', 'M')).toEqual({ value: 0.5 });
  });

  it('EOD is undefined when a group has no true labels', () => {
    const table = [
      ...labelled('F', { favPos: 0, favNeg: 2, unfavPos: 0, unfavNeg: 3 }),
      ...labelled('M', { favPos: 1, favNeg: 0, unfavPos: 1, unfavNeg: 0 }),
    ];
    expect(equalOpportunityDifference(table, 'F', 'M')).toMatchObject({
      value: null,
      reason: 'no_positive_labels',
    });
  });

  it('groupDifference and groupRatio span the highest and lowest of three groups', () => {
    // A: 3/4 = 0.75, B: 2/5 = 0.4, C: 1/10 = 0.1.
    // difference = 0.75 − 0.1 = 0.65; ratio = 0.1 / 0.75 = 2/15 ≈ 0.1333.
    const table = [...group('A', 4, 3), ...group('B', 5, 2), ...group('C', 10, 1)];
    expect(groupDifference(table).value).toBeCloseTo(0.65, 12);
    expect(groupRatio(table).value).toBeCloseTo(2 / 15, 12);
  });

  it('groupRatio is undefined when no group has a favourable outcome; a single group has difference 0', () => {
    expect(groupRatio([...group('A', 3, 0), ...group('B', 2, 0)])).toMatchObject({ reason: 'zero_rates' });
    expect(groupDifference(group('A', 5, 2))).toEqual({ value: 0 });
    expect(groupRatio(group('A', 5, 2))).toEqual({ value: 1 });
  });

  it('DI is null, with a reason, when the privileged rate is 0 (never NaN or Infinity)', () => {
    // M: 0 of 5 favourable → P(fav|M) = 0, so 0.4 / 0 has no value. SPD is still 2/5 − 0 = 0.4.
    const table = [...group('M', 5, 0), ...group('F', 5, 2)];
    const result = disparateImpact(table, 'F', 'M');
    expect(result).toMatchObject({ value: null, reason: 'zero_privileged_rate' });
    expect(result.value === null && result.message).toContain('"M"');
    expect(statisticalParityDifference(table, 'F', 'M').value).toBeCloseTo(0.4, 12);
    // Both rates 0: still undefined, not 0/0.
    expect(disparateImpact([...group('M', 5, 0), ...group('F', 5, 0)], 'F', 'M').value).toBeNull();
  });

  it('DI is 0 when only the unprivileged rate is 0, and null for an empty group', () => {
    const table = [...group('M', 5, 2), ...group('F', 5, 0)];
    expect(disparateImpact(table, 'F', 'M')).toEqual({ value: 0 });
    expect(disparateImpact(table, 'X', 'M')).toMatchObject({ value: null, reason: 'empty_group' });
    expect(selectionRate(table, 'X')).toMatchObject({ value: null, reason: 'empty_group' });
  });

  it('the four-fifths rule passes 0.8 and 1.25 exactly and flags just outside', () => {
    expect(fourFifthsFlag(0.8)).toBe(false);
    expect(fourFifthsFlag(1.25)).toBe(false);
    expect(fourFifthsFlag(1)).toBe(false);
    expect(fourFifthsFlag(0.7999)).toBe(true);
    expect(fourFifthsFlag(1.2501)).toBe(true);
    expect(fourFifthsFlag(0)).toBe(true);
  });

  it('DI from counts lands exactly on the boundaries: 4/10 vs 5/10 is 0.8, 5/10 vs 4/10 is 1.25, 7/10 vs 7/8 is 0.8', () => {
    // (4/10)/(5/10) = 0.8, (5/10)/(4/10) = 1.25 and (7/10)/(7/8) = 56/70 = 0.8 on paper. Naively, 0.7 / 0.875
    // is 0.7999999999999999 in floating point and would be flagged; DI is computed as (7·8)/(10·7) instead.
    const low = disparateImpact([...group('F', 10, 4), ...group('M', 10, 5)], 'F', 'M');
    const high = disparateImpact([...group('F', 10, 5), ...group('M', 10, 4)], 'F', 'M');
    const lowAgain = disparateImpact([...group('F', 10, 7), ...group('M', 8, 7)], 'F', 'M');
    expect(low).toEqual({ value: 0.8 });
    expect(high).toEqual({ value: 1.25 });
    expect(lowAgain).toEqual({ value: 0.8 });
    for (const result of [low, high, lowAgain])
      expect(fourFifthsFlag(result.value ?? Number.NaN)).toBe(false);
    // 3/10 vs 4/10 → 0.75: flagged.
    const flagged = disparateImpact([...group('F', 10, 3), ...group('M', 10, 4)], 'F', 'M');
    expect(flagged).toEqual({ value: 0.75 });
    expect(fourFifthsFlag(0.75)).toBe(true);
  });
});

describe('bootstrap intervals', () => {
  it('percentiles interpolate linearly, as NumPy does', () => {
    // Positions (n − 1)·q: 3·0.5 = 1.5 → halfway between 2 and 3; 3·0.25 = 0.75 → 1 + 0.75.
    expect(quantileOfSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileOfSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileOfSorted([7], 0.975)).toBe(7);
  });

  it('is [1, 1] when every row of both groups is favourable (every resample has DI 1)', () => {
    const rows = [...group('F', 8, 8), ...group('M', 12, 12)];
    const interval = bootstrapInterval(rows, (sample) => disparateImpact(sample, 'F', 'M'), {
      resamples: 200,
      random: createRandom(1),
    });
    expect(interval).toMatchObject({
      lower: 1,
      upper: 1,
      resamples: 200,
      undefinedResamples: 0,
      level: 0.95,
    });
  });

  it('keeps group sizes fixed: a stratified resample of a table always has the same number of F rows', () => {
    const rows = [...group('F', 7, 3), ...group('M', 13, 5)];
    const sizes = new Set<number>();
    bootstrapInterval(
      rows,
      (sample) => {
        sizes.add(sample.filter((row) => row.group === 'F').length);
        return { value: 0 };
      },
      { resamples: 50, random: createRandom(3) },
    );
    expect([...sizes]).toEqual([7]);
  });

  it('counts resamples whose metric is undefined and leaves them out', () => {
    // M has 1 favourable of 3: a resample has none with probability (2/3)³ = 8/27 ≈ 0.30.
    const rows = [...group('F', 3, 2), ...group('M', 3, 1)];
    const interval = bootstrapInterval(rows, (sample) => disparateImpact(sample, 'F', 'M'), {
      resamples: 1000,
      random: createRandom(9),
    });
    expect(interval?.undefinedResamples).toBeGreaterThan(240);
    expect(interval?.undefinedResamples).toBeLessThan(350);
  });

  it('returns null when the metric is undefined in every resample', () => {
    const rows = [...group('F', 3, 2), ...group('M', 3, 0)];
    expect(
      bootstrapInterval(rows, (sample) => disparateImpact(sample, 'F', 'M'), {
        resamples: 20,
        random: createRandom(1),
      }),
    ).toBeNull();
  });

  it('rejects a resample count that is not a positive whole number', () => {
    expect(() =>
      bootstrapInterval(group('F', 2, 1), () => ({ value: 1 }), { resamples: 0, random: createRandom(1) }),
    ).toThrow(/resamples/);
  });

  it('the count-level DI interval matches the row-level one (same resampling distribution)', () => {
    // F: 20 of 50 (0.4), M: 30 of 50 (0.6) → DI 0.667. Two independent Monte Carlo runs of 4000
    // resamples: their 2.5% and 97.5% points differ by ~0.01 typically, so 0.04 is a loose bound.
    const rows = [...group('F', 50, 20), ...group('M', 50, 30)];
    const byRows = bootstrapInterval(rows, (sample) => disparateImpact(sample, 'F', 'M'), {
      resamples: 4000,
      random: createRandom(11),
    });
    const byCounts = disparateImpactInterval(
      { size: 50, favourable: 20 },
      { size: 50, favourable: 30 },
      { resamples: 4000, random: createRandom(12) },
    );
    expect(byRows && byCounts).toBeTruthy();
    expect(Math.abs((byRows?.lower ?? 0) - (byCounts?.lower ?? 9))).toBeLessThan(0.04);
    expect(Math.abs((byRows?.upper ?? 0) - (byCounts?.upper ?? 9))).toBeLessThan(0.04);
    expect(byCounts?.lower).toBeLessThan(2 / 3);
    expect(byCounts?.upper).toBeGreaterThan(2 / 3);
  });

  it('the binomial sampler has the right extremes and mean', () => {
    const random = createRandom(5);
    expect(binomialSampler(10, 0)(random)).toBe(0);
    expect(binomialSampler(10, 1)(random)).toBe(10);
    // Binomial(5000, 0.3): mean 1500, sd √(5000·0.3·0.7) ≈ 32.4; the mean of 2000 draws has sd ≈ 0.72.
    const draw = binomialSampler(5000, 0.3);
    let sum = 0;
    for (let index = 0; index < 2000; index++) sum += draw(random);
    expect(sum / 2000).toBeGreaterThan(1497);
    expect(sum / 2000).toBeLessThan(1503);
  });
});
