import { describe, expect, it } from 'vitest';
import {
  calibrateConfidence,
  outOfScopeRule,
  type ScoredPrediction,
} from '../../../chains/understand/index.ts';

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

  it('sets the gate threshold with the best out-of-scope recall at the target precision', () => {
    // The gate catches the confident out-of-scope guesses (0.9, 0.8) that no confidence floor can; an in-scope
    // message scores 0.6 on the gate, so a gate at 0.61–0.80 flags both without a false alarm.
    const gated = (
      expected: string,
      predicted: string,
      confidence: number,
      gate: number,
    ): ScoredPrediction => ({
      ...prediction(expected, predicted, confidence),
      outOfScopeProbability: gate,
    });
    const predictions = [
      gated('a', 'a', 0.9, 0.05),
      gated('b', 'b', 0.8, 0.6),
      gated('a', 'a', 0.7, 0.1),
      gated('out_of_scope', 'a', 0.9, 0.9),
      gated('out_of_scope', 'b', 0.8, 0.81),
    ];
    const calibration = calibrateConfidence(predictions, { accuracy: 0.95, outOfScopePrecision: 0.9 });
    expect(calibration.outOfScopeGateAbove).toBe(0.61);
    expect(calibration.outOfScopeBelow).toBe(0);
    // Without gate probabilities there is no gate threshold at all.
    expect(
      calibrateConfidence(predictions.map(({ outOfScopeProbability: _, ...rest }) => rest))
        .outOfScopeGateAbove,
    ).toBeUndefined();
  });

  it('decides out of scope by prediction, gate or low confidence, in that order', () => {
    const calibration = { outOfScopeBelow: 0.2, outOfScopeGateAbove: 0.7 };
    expect(outOfScopeRule({ intent: 'out_of_scope', confidence: 0.9 }, 0.1, calibration)).toBe('predicted');
    expect(outOfScopeRule({ intent: 'card_arrival', confidence: 0.9 }, 0.7, calibration)).toBe('gate');
    expect(outOfScopeRule({ intent: 'card_arrival', confidence: 0.1 }, 0.2, calibration)).toBe('unsure');
    expect(outOfScopeRule({ intent: 'card_arrival', confidence: 0.9 }, 0.69, calibration)).toBeNull();
    expect(
      outOfScopeRule({ intent: 'card_arrival', confidence: 0.9 }, 0.99, { outOfScopeBelow: 0.2 }),
    ).toBeNull();
  });

  it('keeps a confident in-scope guess whatever the gate says, when asked to', () => {
    const calibration = { outOfScopeBelow: 0.1, outOfScopeGateAbove: 0.7, gateYieldsAbove: 0.5 };
    expect(outOfScopeRule({ intent: 'small_talk', confidence: 0.8 }, 0.95, calibration)).toBeNull();
    expect(outOfScopeRule({ intent: 'small_talk', confidence: 0.49 }, 0.95, calibration)).toBe('gate');
  });

  it('counts a predicted "out of scope" only at or above its floor', () => {
    const calibration = { outOfScopeBelow: 0.1, outOfScopePredictedAbove: 0.4 };
    expect(outOfScopeRule({ intent: 'out_of_scope', confidence: 0.4 }, undefined, calibration)).toBe(
      'predicted',
    );
    expect(outOfScopeRule({ intent: 'out_of_scope', confidence: 0.3 }, undefined, calibration)).toBeNull();
  });

  it('tunes the predicted-out-of-scope floor that keeps the target precision', () => {
    // Two in-scope messages are wrongly predicted out of scope at 0.3 and 0.35; the real ones score ≥ 0.6.
    const predictions = [
      prediction('a', 'a', 0.9),
      prediction('small_talk', 'out_of_scope', 0.3),
      prediction('b', 'out_of_scope', 0.35),
      prediction('out_of_scope', 'out_of_scope', 0.6),
      prediction('out_of_scope', 'out_of_scope', 0.8),
    ];
    const targets = { accuracy: 0.95, outOfScopePrecision: 0.9 };
    expect(calibrateConfidence(predictions, targets).outOfScopePredictedAbove).toBeUndefined();
    expect(
      calibrateConfidence(predictions, { ...targets, predictedFloor: true }).outOfScopePredictedAbove,
    ).toBe(0.4);
  });

  it('balances out-of-scope precision and recall when asked to, instead of recall at the precision target', () => {
    // Floor 0.35 keeps precision 100% at recall 2/3 (lower of the two: 67%); no floor catches 3/3 with one
    // false alarm (precision 75%, recall 100%: lower of the two 75%).
    const predictions = [
      prediction('a', 'a', 0.9),
      prediction('b', 'out_of_scope', 0.3),
      prediction('out_of_scope', 'out_of_scope', 0.25),
      prediction('out_of_scope', 'out_of_scope', 0.6),
      prediction('out_of_scope', 'out_of_scope', 0.8),
    ];
    const targets = { accuracy: 0.95, outOfScopePrecision: 0.9, predictedFloor: true };
    expect(calibrateConfidence(predictions, targets).outOfScopePredictedAbove).toBe(0.35);
    const balanced = calibrateConfidence(predictions, { ...targets, outOfScopeObjective: 'balanced' });
    expect(balanced.outOfScopePredictedAbove).toBeUndefined();
  });

  it('refuses an empty validation set', () => {
    expect(() => calibrateConfidence([])).toThrow(/at least one validation prediction/);
  });
});
