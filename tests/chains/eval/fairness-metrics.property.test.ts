import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bootstrapInterval,
  disparateImpact,
  disparateImpactInterval,
  type OutcomeRow,
  statisticalParityDifference,
} from '../../../chains/eval/fairness/index.ts';
import { createRandom } from '../../../knowledge/seeded-random.ts';

/** A group as a list of outcomes, in any order. */
const outcomes = (minLength: number, maxLength: number) => fc.array(fc.boolean(), { minLength, maxLength });
const rowsOf = (group: string, favourable: readonly boolean[]): OutcomeRow[] =>
  favourable.map((value) => ({ group, favourable: value }));
const rate = (favourable: readonly boolean[]): number =>
  favourable.filter(Boolean).length / Math.max(1, favourable.length);

/** A group with at least one favourable and one unfavourable row, so no resample is trivially degenerate. */
const mixedGroup = fc
  .tuple(fc.integer({ min: 10, max: 60 }), fc.double({ min: 0.05, max: 0.95, noNaN: true }))
  .map(([size, share]) => {
    const favourable = Math.min(size - 1, Math.max(1, Math.round(size * share)));
    return Array.from({ length: size }, (_, index) => index < favourable);
  });

describe('fairness metric properties', () => {
  it('DI of two groups with the same outcomes is exactly 1', () => {
    // The second group holds the same outcomes in another order.
    const sameOutcomes = outcomes(1, 80)
      .filter((values) => values.some(Boolean))
      .chain((values) =>
        fc.tuple(fc.constant(values), fc.shuffledSubarray(values, { minLength: values.length })),
      );
    fc.assert(
      fc.property(sameOutcomes, ([values, shuffled]) => {
        const rows = [...rowsOf('a', values), ...rowsOf('b', shuffled)];
        expect(disparateImpact(rows, 'a', 'b')).toEqual({ value: 1 });
      }),
    );
  });

  it('swapping the groups inverts DI and negates SPD', () => {
    fc.assert(
      fc.property(outcomes(1, 80), outcomes(1, 80), (a, b) => {
        const rows = [...rowsOf('a', a), ...rowsOf('b', b)];
        const spd = statisticalParityDifference(rows, 'a', 'b').value;
        const swappedSpd = statisticalParityDifference(rows, 'b', 'a').value;
        expect(spd).not.toBeNull();
        // Exactly opposite (their sum is 0, with no rounding left over).
        expect((swappedSpd ?? Number.NaN) + (spd ?? Number.NaN)).toBe(0);
        if (rate(a) > 0 && rate(b) > 0) {
          const forward = disparateImpact(rows, 'a', 'b').value ?? Number.NaN;
          const backward = disparateImpact(rows, 'b', 'a').value ?? Number.NaN;
          expect(forward * backward).toBeCloseTo(1, 12);
        }
      }),
    );
  });

  it('DI is finite and in [0, ∞) whenever it is defined, and null exactly when the privileged rate is 0', () => {
    fc.assert(
      fc.property(outcomes(0, 60), outcomes(0, 60), (a, b) => {
        const result = disparateImpact([...rowsOf('a', a), ...rowsOf('b', b)], 'a', 'b');
        const defined = a.length > 0 && b.some(Boolean);
        expect(result.value !== null).toBe(defined);
        if (result.value !== null) {
          expect(Number.isFinite(result.value)).toBe(true);
          expect(result.value).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('the bootstrap interval contains the point estimate for tables with mixed outcomes in every group', () => {
    fc.assert(
      fc.property(mixedGroup, mixedGroup, fc.nat(), (a, b, seed) => {
        const rows = [...rowsOf('a', a), ...rowsOf('b', b)];
        const point = disparateImpact(rows, 'a', 'b').value ?? Number.NaN;
        const options = { resamples: 1000, random: createRandom(seed) };
        const byRows = bootstrapInterval(rows, (sample) => disparateImpact(sample, 'a', 'b'), options);
        expect(byRows?.lower).toBeLessThanOrEqual(point);
        expect(byRows?.upper).toBeGreaterThanOrEqual(point);
        const counts = (values: boolean[]) => ({
          size: values.length,
          favourable: values.filter(Boolean).length,
        });
        const byCounts = disparateImpactInterval(counts(a), counts(b), {
          resamples: 1000,
          random: createRandom(seed),
        });
        expect(byCounts?.lower).toBeLessThanOrEqual(point);
        expect(byCounts?.upper).toBeGreaterThanOrEqual(point);
        const spd = statisticalParityDifference(rows, 'a', 'b').value ?? Number.NaN;
        const spdInterval = bootstrapInterval(
          rows,
          (sample) => statisticalParityDifference(sample, 'a', 'b'),
          {
            resamples: 1000,
            random: createRandom(seed),
          },
        );
        expect(spdInterval?.lower).toBeLessThanOrEqual(spd);
        expect(spdInterval?.upper).toBeGreaterThanOrEqual(spd);
      }),
      { numRuns: 40 },
    );
  });

  it('the same seed gives the same interval', () => {
    fc.assert(
      fc.property(mixedGroup, mixedGroup, fc.nat(), (a, b, seed) => {
        const rows = [...rowsOf('a', a), ...rowsOf('b', b)];
        const run = () =>
          bootstrapInterval(rows, (sample) => disparateImpact(sample, 'a', 'b'), {
            resamples: 300,
            random: createRandom(seed),
          });
        expect(run()).toEqual(run());
        const counts = (values: boolean[]) => ({
          size: values.length,
          favourable: values.filter(Boolean).length,
        });
        const byCounts = () =>
          disparateImpactInterval(counts(a), counts(b), { resamples: 300, random: createRandom(seed) });
        expect(byCounts()).toEqual(byCounts());
      }),
      { numRuns: 30 },
    );
  });
});
