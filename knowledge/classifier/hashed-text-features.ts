import { fastTextText } from './fasttext-text.ts';

/** A sparse feature vector: bucket indices (ascending, unique) and their values. */
export interface HashedFeatures {
  indices: number[];
  values: number[];
}

/**
 * Counts of word unigrams, word bigrams and character 2–5-grams of each word (with word boundaries) hashed
 * into `buckets`: character n-grams carry typos, inflections and unseen compounds; bigrams carry word order.
 */
export function hashedTextFeatures(text: string, buckets: number): HashedFeatures {
  const words = fastTextText(text)
    .split(' ')
    .filter((word) => word.length > 0);
  const counts = new Map<number, number>();
  const add = (feature: string) => {
    const bucket = hash(feature) % buckets;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  };
  words.forEach((word, index) => {
    add(`w:${word}`);
    const next = words[index + 1];
    if (next !== undefined) add(`b:${word} ${next}`);
    const bounded = `<${word}>`;
    for (let size = 2; size <= 5; size++) {
      for (let start = 0; start + size <= bounded.length; start++)
        add(`c:${bounded.slice(start, start + size)}`);
    }
  });
  const indices = [...counts.keys()].sort((first, second) => first - second);
  return { indices, values: indices.map((index) => counts.get(index) ?? 0) };
}

/** FNV-1a, 32-bit: fast, stable across machines and Node versions. */
function hash(feature: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < feature.length; index++) {
    value ^= feature.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}
