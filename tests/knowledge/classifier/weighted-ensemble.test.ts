import { describe, expect, it } from 'vitest';
import { type LabelScore, weightedEnsemble } from '../../../knowledge/classifier/index.ts';

const fixed = (scores: LabelScore[]) => ({
  labels: scores.map((score) => score.label),
  predict: (_text: string, k = 1) => scores.slice(0, k),
});

describe('weightedEnsemble', () => {
  it('averages the members’ probabilities by weight (known answer)', () => {
    const ensemble = weightedEnsemble([
      {
        classifier: fixed([
          { label: 'a', probability: 0.9 },
          { label: 'b', probability: 0.1 },
        ]),
        weight: 1,
      },
      {
        classifier: fixed([
          { label: 'b', probability: 0.7 },
          { label: 'a', probability: 0.3 },
        ]),
        weight: 3,
      },
    ]);
    // a: 0.25 × 0.9 + 0.75 × 0.3 = 0.45; b: 0.25 × 0.1 + 0.75 × 0.7 = 0.55
    const scores = ensemble.predict('anything', 2);
    expect(scores.map((score) => score.label)).toEqual(['b', 'a']);
    expect(scores[0]?.probability).toBeCloseTo(0.55, 10);
    expect(scores[1]?.probability).toBeCloseTo(0.45, 10);
    expect(ensemble.predict('anything')).toHaveLength(1);
  });

  it('rejects members with different labels and weights that are negative or all zero', () => {
    const ab = fixed([
      { label: 'a', probability: 1 },
      { label: 'b', probability: 0 },
    ]);
    const ac = fixed([
      { label: 'a', probability: 1 },
      { label: 'c', probability: 0 },
    ]);
    expect(() =>
      weightedEnsemble([
        { classifier: ab, weight: 1 },
        { classifier: ac, weight: 1 },
      ]),
    ).toThrow(/disagree on labels .*"b"/);
    expect(() => weightedEnsemble([{ classifier: ab, weight: -1 }])).toThrow(/weight must be ≥ 0, got -1/);
    expect(() => weightedEnsemble([{ classifier: ab, weight: 0 }])).toThrow(/must not all be 0/);
    expect(() => weightedEnsemble([])).toThrow(/at least one classifier/);
  });
});
