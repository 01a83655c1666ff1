import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed, pickWeighted, randomInt } from '../../knowledge/seeded-random.ts';

describe('createRandom', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const first = createRandom(42);
    const second = createRandom(42);
    const other = createRandom(43);
    const a = Array.from({ length: 5 }, first);
    expect(Array.from({ length: 5 }, second)).toEqual(a);
    expect(Array.from({ length: 5 }, other)).not.toEqual(a);
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const random = createRandom(7);
    const buckets = new Array<number>(10).fill(0);
    for (let index = 0; index < 100_000; index++) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      buckets[Math.floor(value * 10)] = (buckets[Math.floor(value * 10)] ?? 0) + 1;
    }
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('randomInt covers exactly [min, max]', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 20 }),
        (seed, min, span) => {
          const random = createRandom(seed);
          for (let index = 0; index < 50; index++) {
            const value = randomInt(random, min, min + span);
            if (value < min || value > min + span || !Number.isInteger(value)) return false;
          }
          return true;
        },
      ),
    );
  });

  it('pickWeighted never picks a zero-weight item and follows the weights', () => {
    const random = createRandom(1);
    const counts = { a: 0, b: 0, c: 0 };
    for (let index = 0; index < 30_000; index++)
      counts[pickWeighted(random, ['a', 'b', 'c'] as const, [1, 0, 3])]++;
    expect(counts.b).toBe(0);
    expect(counts.c / counts.a).toBeGreaterThan(2.7);
    expect(counts.c / counts.a).toBeLessThan(3.3);
  });

  it('deriveSeed gives distinct streams for distinct indexes', () => {
    const seeds = new Set(Array.from({ length: 10_000 }, (_, index) => deriveSeed(42, index)));
    expect(seeds.size).toBe(10_000);
  });
});
