import { z } from 'zod';

/** How far the model's top probability is trusted, tuned on the held-out validation split. */
export const ConfidenceCalibration = z.strictObject({
  /** Below this top probability the assistant asks a clarifying question instead of answering. */
  clarifyBelow: z.number().min(0).max(1),
  /** Below this top probability the message is treated as out of scope. */
  outOfScopeBelow: z.number().min(0).max(1),
  /** Accuracy of the answers given at or above `clarifyBelow` on the validation split. */
  confidentAccuracy: z.number().min(0).max(1),
  /** Share of validation messages answered without a clarifying question. */
  coverage: z.number().min(0).max(1),
});
/** The tuned thresholds, stored beside the model. */
export type ConfidenceCalibration = z.infer<typeof ConfidenceCalibration>;

/** The model's top guess for one validation text, next to the right answer. */
export interface ScoredPrediction {
  expected: string;
  predicted: string;
  confidence: number;
}

/** The intent id the calibration treats as "not something this assistant does". */
export const OUT_OF_SCOPE_INTENT = 'out_of_scope';

const CANDIDATES = Array.from({ length: 96 }, (_, index) => index / 100);

/**
 * Picks the lowest `clarifyBelow` whose confident answers reach `targetAccuracy` (so as few people as possible
 * are asked to clarify), then the `outOfScopeBelow` (≤ it) that best separates out-of-scope messages (F1).
 */
export function calibrateConfidence(
  predictions: readonly ScoredPrediction[],
  targetAccuracy = 0.95,
): ConfidenceCalibration {
  if (predictions.length === 0) throw new RangeError('calibration needs at least one validation prediction');
  const inScope = predictions.filter((prediction) => prediction.predicted !== OUT_OF_SCOPE_INTENT);
  let clarifyBelow = CANDIDATES[CANDIDATES.length - 1] ?? 0.95;
  for (const threshold of CANDIDATES) {
    const confident = inScope.filter((prediction) => prediction.confidence >= threshold);
    if (confident.length > 0 && accuracy(confident) >= targetAccuracy) {
      clarifyBelow = threshold;
      break;
    }
  }
  let outOfScopeBelow = 0;
  let bestF1 = -1;
  for (const threshold of CANDIDATES.filter((candidate) => candidate <= clarifyBelow)) {
    const f1 = outOfScopeF1(predictions, threshold);
    if (f1 > bestF1 + 1e-9) {
      bestF1 = f1;
      outOfScopeBelow = threshold;
    }
  }
  const answered = inScope.filter((prediction) => prediction.confidence >= clarifyBelow);
  return {
    clarifyBelow,
    outOfScopeBelow,
    confidentAccuracy: answered.length > 0 ? accuracy(answered) : 0,
    coverage: answered.length / predictions.length,
  };
}

function accuracy(predictions: readonly ScoredPrediction[]): number {
  return (
    predictions.filter((prediction) => prediction.predicted === prediction.expected).length /
    predictions.length
  );
}

function outOfScopeF1(predictions: readonly ScoredPrediction[], threshold: number): number {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const prediction of predictions) {
    const flagged = prediction.predicted === OUT_OF_SCOPE_INTENT || prediction.confidence < threshold;
    const actual = prediction.expected === OUT_OF_SCOPE_INTENT;
    if (flagged && actual) truePositives++;
    else if (flagged) falsePositives++;
    else if (actual) falseNegatives++;
  }
  return truePositives === 0
    ? 0
    : (2 * truePositives) / (2 * truePositives + falsePositives + falseNegatives);
}
