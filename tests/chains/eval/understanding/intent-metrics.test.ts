import { describe, expect, it } from 'vitest';
import {
  type IntentOutcome,
  intentAccuracy,
  labelPrecisionRecall,
  macroF1,
  mostConfusedPairs,
} from '../../../../chains/eval/understanding/index.ts';

const outcome = (expected: string, predicted: string): IntentOutcome => ({ expected, predicted });

// Ten hand-labelled outcomes over three intents:
//   a: expected 4, predicted right 3 (one → b)        TP 3, FN 1, FP 1 (one c → a)
//   b: expected 3, predicted right 2 (one → oos)      TP 2, FN 1, FP 1 (one a → b)
//   out_of_scope: expected 3, right 2 (one → a… no: one c → a below)
const OUTCOMES: IntentOutcome[] = [
  outcome('a', 'a'),
  outcome('a', 'a'),
  outcome('a', 'a'),
  outcome('a', 'b'),
  outcome('b', 'b'),
  outcome('b', 'b'),
  outcome('b', 'out_of_scope'),
  outcome('out_of_scope', 'out_of_scope'),
  outcome('out_of_scope', 'out_of_scope'),
  outcome('out_of_scope', 'a'),
];

describe('intent metrics (known answers computed by hand)', () => {
  it('accuracy is the share of exact matches: 7 of 10', () => {
    expect(intentAccuracy(OUTCOMES)).toBeCloseTo(0.7, 10);
    expect(intentAccuracy([])).toBe(0);
  });

  it('macro-F1 averages per-intent F1 = 2TP / (2TP + FP + FN)', () => {
    // a: TP 3, FP 1 (oos→a), FN 1 (a→b) → 6/8 = 0.75
    // b: TP 2, FP 1 (a→b), FN 1 (b→oos) → 4/6 = 0.6667
    // out_of_scope: TP 2, FP 1 (b→oos), FN 1 (oos→a) → 4/6 = 0.6667
    expect(macroF1(OUTCOMES)).toBeCloseTo((0.75 + 4 / 6 + 4 / 6) / 3, 10);
  });

  it('an intent predicted but never expected counts with F1 0', () => {
    expect(macroF1([outcome('a', 'a'), outcome('a', 'z')])).toBeCloseTo((2 / 3 + 0) / 2, 10);
  });

  it('out-of-scope precision and recall: 2 of 3 flagged are right, 2 of 3 real ones found', () => {
    expect(labelPrecisionRecall(OUTCOMES)).toEqual({ precision: 2 / 3, recall: 2 / 3, support: 3 });
    expect(labelPrecisionRecall([outcome('a', 'a')])).toEqual({ precision: 0, recall: 0, support: 0 });
  });

  it('confused pairs are counted per direction, most frequent first, ties by name, limited', () => {
    const pairs = mostConfusedPairs([...OUTCOMES, outcome('b', 'out_of_scope')], 3);
    expect(pairs).toEqual([
      { expected: 'b', predicted: 'out_of_scope', count: 2 },
      { expected: 'a', predicted: 'b', count: 1 },
      { expected: 'out_of_scope', predicted: 'a', count: 1 },
    ]);
  });
});
