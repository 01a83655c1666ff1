import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../bot/audit/index.ts';

/** Rebuilds a JSON value with every object's keys inserted in a shuffled order. */
function reorderKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => reorderKeys(item, random));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  for (let index = keys.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [keys[index], keys[other]] = [keys[other] as string, keys[index] as string];
  }
  const reordered: Record<string, unknown> = {};
  for (const key of keys) {
    Object.defineProperty(reordered, key, {
      value: reorderKeys((value as Record<string, unknown>)[key], random),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return reordered;
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('canonicalJson', () => {
  it('sorts keys recursively and writes no whitespace', () => {
    expect(canonicalJson({ b: [{ z: 1, a: 'x y' }], a: null, c: { e: true, d: -1.5 } })).toBe(
      '{"a":null,"b":[{"a":"x y","z":1}],"c":{"d":-1.5,"e":true}}',
    );
  });

  it('drops undefined object fields like JSON.stringify and refuses values JSON cannot hold', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ at: new Date(0) })).toThrow(/plain objects only/);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
  });

  it('is independent of key insertion order (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
        const shuffled = reorderKeys(value, seededRandom(seed));
        expect(canonicalJson(shuffled)).toBe(canonicalJson(value));
      }),
      { numRuns: 500 },
    );
  });

  it('is valid JSON that parses back to a value with the same canonical form (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
