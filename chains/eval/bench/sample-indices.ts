import type { Random } from '../../../knowledge/seeded-random.ts';

/** Up to `size` distinct indices below `count`, drawn without replacement (a partial Fisher–Yates); all when size ≥ count. */
export function sampleIndices(count: number, size: number, random: Random): number[] {
  const indices = Array.from({ length: count }, (_, index) => index);
  const take = Math.max(0, Math.min(size, count));
  for (let position = 0; position < take; position++) {
    const swap = position + Math.floor(random() * (count - position));
    [indices[position], indices[swap]] = [indices[swap] as number, indices[position] as number];
  }
  return indices.slice(0, take);
}
