import type { EnsembleClassifier } from '../../knowledge/classifier/index.ts';
import type { ConfidenceCalibration } from './confidence-calibration.ts';

/** One intent with the model's probability for it. */
export interface IntentScore {
  intent: string;
  confidence: number;
}

/** The trained intent classifier with its calibrated thresholds. */
export interface IntentModel {
  readonly labels: readonly string[];
  readonly calibration: ConfidenceCalibration;
  /** Where the model came from (the training fingerprint), for reports and the audit. */
  readonly fingerprint: string;
  /** The `k` most likely intents, most likely first. */
  predict(text: string, k?: number): IntentScore[];
}

/** Wraps the trained classifiers (fastText and the linear model, averaged) and the calibration as an IntentModel. */
export function intentModelFrom(
  classifier: EnsembleClassifier,
  calibration: ConfidenceCalibration,
  fingerprint: string,
): IntentModel {
  return {
    labels: classifier.labels,
    calibration,
    fingerprint,
    predict: (text, k = 3) =>
      classifier.predict(text, k).map((score) => ({ intent: score.label, confidence: score.probability })),
  };
}
