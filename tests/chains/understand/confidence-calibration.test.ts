import { describe, expect, it } from 'vitest';
import { calibrateConfidence, type ScoredPrediction } from '../../../chains/understand/index.ts';

const prediction = (expected: string, predicted: string, confidence: number): ScoredPrediction => ({
  expected,
  predicted,
  confidence,
});

describe('calibrateConfidence', () => {
  it('picks the lowest clarify threshold whose confident answers reach the target accuracy', () => {
    // At ≥ 0.60 the answers are 0.9 ✓, 0.8 ✓, 0.6 ✓ (3/3); at ≥ 0.40 the 0.4 ✗ joins (3/4 = 75%).
    const predictions = [
      prediction('a', 'a', 0.9),
      prediction('b', 'b', 0.8),
      prediction('a', 'a', 0.6),
      prediction('a', 'b', 0.4),
      prediction('b', 'a', 0.2),
    ];
    const calibration = calibrateConfidence(predictions, 0.95);
    expect(calibration.clarifyBelow).toBe(0.41);
    expect(calibration.confidentAccuracy).toBe(1);
    expect(calibration.coverage).toBeCloseTo(3 / 5, 10);
  });

  it('sets the out-of-scope floor where low confidence best separates out-of-scope messages', () => {
    // Both real out-of-scope messages score low (0.15, 0.1); every in-scope one scores ≥ 0.5.
    const predictions = [
      prediction('a', 'a', 0.9),
      prediction('b', 'b', 0.7),
      prediction('a', 'a', 0.5),
      prediction('out_of_scope', 'a', 0.15),
      prediction('out_of_scope', 'b', 0.1),
    ];
    const calibration = calibrateConfidence(predictions, 0.95);
    expect(calibration.outOfScopeBelow).toBe(0.16);
    expect(calibration.outOfScopeBelow).toBeLessThanOrEqual(calibration.clarifyBelow);
  });

  it('refuses an empty validation set', () => {
    expect(() => calibrateConfidence([])).toThrow(/at least one validation prediction/);
  });
});
