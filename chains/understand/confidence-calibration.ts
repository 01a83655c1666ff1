import { z } from 'zod';

/** How far the model's top probability is trusted, tuned on an inner split of the training data. */
export const ConfidenceCalibration = z.strictObject({
  /** Below this top probability the assistant asks a clarifying question instead of answering. */
  clarifyBelow: z.number().min(0).max(1),
  /** Below this top probability the message is treated as out of scope. */
  outOfScopeBelow: z.number().min(0).max(1),
  /** At or above this probability from the in-scope/out-of-scope gate, the message is out of scope (absent: no gate). */
  outOfScopeGateAbove: z.number().min(0).max(1).optional(),
  /** A predicted "out of scope" counts only at or above this probability; below it the best in-scope guess stands (absent: always counts). */
  outOfScopePredictedAbove: z.number().min(0).max(1).optional(),
  /** An in-scope guess at or above this probability is kept whatever the gate says (absent: the gate always decides). */
  gateYieldsAbove: z.number().min(0).max(1).optional(),
  /** Accuracy of the answers given at or above `clarifyBelow` on the calibration split. */
  confidentAccuracy: z.number().min(0).max(1),
  /** Share of calibration messages answered without a clarifying question. */
  coverage: z.number().min(0).max(1),
});
/** The tuned thresholds, stored beside the model. */
export type ConfidenceCalibration = z.infer<typeof ConfidenceCalibration>;

/** The model's top guess for one calibration text, next to the right answer. */
export interface ScoredPrediction {
  expected: string;
  predicted: string;
  confidence: number;
  /** The gate's probability that the text is out of scope, when the model has a gate. */
  outOfScopeProbability?: number;
}

/** What calibration aims for. */
export interface CalibrationTargets {
  /** Accuracy the answers given without a clarifying question must reach. */
  accuracy: number;
  /** Precision the out-of-scope decision must keep; recall is maximised under it. */
  outOfScopePrecision: number;
  /** Whether a confident in-scope guess (at or above `clarifyBelow`) is kept whatever the gate says. */
  gateYieldsToConfident?: boolean;
  /** Whether a predicted "out of scope" needs a tuned minimum probability to count. */
  predictedFloor?: boolean;
  /** 'balanced': maximise the lower of precision and recall (both matter equally) instead of recall at the precision target. */
  outOfScopeObjective?: 'recall-at-precision' | 'balanced';
}

/** The intent id the calibration treats as "not something this assistant does". */
export const OUT_OF_SCOPE_INTENT = 'out_of_scope';

const CANDIDATES = Array.from({ length: 96 }, (_, index) => index / 100);
const GATE_CANDIDATES = Array.from({ length: 99 }, (_, index) => (index + 1) / 100);
const PREDICTED_FLOOR_CANDIDATES = Array.from({ length: 19 }, (_, index) => (index + 1) / 20);

type OutOfScopeThresholds = Pick<
  ConfidenceCalibration,
  'outOfScopeBelow' | 'outOfScopeGateAbove' | 'outOfScopePredictedAbove' | 'gateYieldsAbove'
>;

/** Which rule makes a prediction out of scope: predicted so, the gate, or too unsure. */
export type OutOfScopeRule = 'predicted' | 'gate' | 'unsure';

/**
 * The rule that makes a prediction out of scope, or null when it is in scope: the one decision `understand`
 * and the evaluation share.
 */
export function outOfScopeRule(
  top: { intent: string; confidence: number },
  outOfScopeProbability: number | undefined,
  calibration: OutOfScopeThresholds,
): OutOfScopeRule | null {
  const predictedOutOfScope = top.intent === OUT_OF_SCOPE_INTENT;
  if (predictedOutOfScope && top.confidence >= (calibration.outOfScopePredictedAbove ?? 0))
    return 'predicted';
  const gate = calibration.outOfScopeGateAbove;
  const gateYields = !predictedOutOfScope && top.confidence >= (calibration.gateYieldsAbove ?? 2);
  if (
    gate !== undefined &&
    outOfScopeProbability !== undefined &&
    outOfScopeProbability >= gate &&
    !gateYields
  )
    return 'gate';
  if (top.confidence < calibration.outOfScopeBelow) return 'unsure';
  return null;
}

/**
 * Picks the lowest `clarifyBelow` whose confident answers reach the target accuracy (so as few people as
 * possible are asked to clarify), then the out-of-scope floor (≤ it) and gate threshold with the highest
 * out-of-scope recall at the target precision (the best F1 when no pair reaches it).
 */
export function calibrateConfidence(
  predictions: readonly ScoredPrediction[],
  targets: CalibrationTargets | number = 0.95,
): ConfidenceCalibration {
  if (predictions.length === 0) throw new RangeError('calibration needs at least one validation prediction');
  const { accuracy: targetAccuracy, outOfScopePrecision } =
    typeof targets === 'number' ? { accuracy: targets, outOfScopePrecision: 0.9 } : targets;
  const options: Partial<CalibrationTargets> = typeof targets === 'number' ? {} : targets;
  const inScope = predictions.filter((prediction) => prediction.predicted !== OUT_OF_SCOPE_INTENT);
  let clarifyBelow = CANDIDATES[CANDIDATES.length - 1] ?? 0.95;
  for (const threshold of CANDIDATES) {
    const confident = inScope.filter((prediction) => prediction.confidence >= threshold);
    if (confident.length > 0 && accuracy(confident) >= targetAccuracy) {
      clarifyBelow = threshold;
      break;
    }
  }
  const hasGate = predictions.every((prediction) => prediction.outOfScopeProbability !== undefined);
  const gates: (number | undefined)[] = hasGate ? [...GATE_CANDIDATES, undefined] : [undefined];
  const floors: (number | undefined)[] = options.predictedFloor
    ? [undefined, ...PREDICTED_FLOOR_CANDIDATES]
    : [undefined];
  const gateYieldsAbove = hasGate && options.gateYieldsToConfident ? clarifyBelow : undefined;
  let best: { thresholds: OutOfScopeThresholds; score: number[] } = {
    thresholds: { outOfScopeBelow: 0 },
    score: [-1, -1, -1],
  };
  for (const outOfScopeBelow of CANDIDATES.filter((candidate) => candidate <= clarifyBelow)) {
    for (const gate of gates) {
      for (const floor of floors) {
        const thresholds: OutOfScopeThresholds = {
          outOfScopeBelow,
          ...(gate === undefined ? {} : { outOfScopeGateAbove: gate }),
          ...(floor === undefined ? {} : { outOfScopePredictedAbove: floor }),
          ...(gate === undefined || gateYieldsAbove === undefined ? {} : { gateYieldsAbove }),
        };
        const { precision, recall, f1 } = outOfScopeQuality(predictions, thresholds);
        // Meeting the precision target first, then recall, then F1 (or, balanced, the lower of precision and
        // recall, then F1); among equals the first (lowest) thresholds.
        const score =
          options.outOfScopeObjective === 'balanced'
            ? [Math.min(precision, recall), f1]
            : precision >= outOfScopePrecision
              ? [1, recall, f1]
              : [0, f1, recall];
        if (isBetter(score, best.score)) best = { thresholds, score };
      }
    }
  }
  const answered = inScope.filter((prediction) => prediction.confidence >= clarifyBelow);
  return {
    clarifyBelow,
    ...best.thresholds,
    confidentAccuracy: answered.length > 0 ? accuracy(answered) : 0,
    coverage: answered.length / predictions.length,
  };
}

function isBetter(score: readonly number[], than: readonly number[]): boolean {
  for (let index = 0; index < score.length; index++) {
    const difference = (score[index] ?? 0) - (than[index] ?? 0);
    if (Math.abs(difference) > 1e-9) return difference > 0;
  }
  return false;
}

function accuracy(predictions: readonly ScoredPrediction[]): number {
  return (
    predictions.filter((prediction) => prediction.predicted === prediction.expected).length /
    predictions.length
  );
}

function outOfScopeQuality(
  predictions: readonly ScoredPrediction[],
  calibration: OutOfScopeThresholds,
): { precision: number; recall: number; f1: number } {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const prediction of predictions) {
    const flagged =
      outOfScopeRule(
        { intent: prediction.predicted, confidence: prediction.confidence },
        prediction.outOfScopeProbability,
        calibration,
      ) !== null;
    const actual = prediction.expected === OUT_OF_SCOPE_INTENT;
    if (flagged && actual) truePositives++;
    else if (flagged) falsePositives++;
    else if (actual) falseNegatives++;
  }
  const precision =
    truePositives + falsePositives === 0 ? 0 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 0 : truePositives / (truePositives + falseNegatives);
  const f1 =
    truePositives === 0 ? 0 : (2 * truePositives) / (2 * truePositives + falsePositives + falseNegatives);
  return { precision, recall, f1 };
}
