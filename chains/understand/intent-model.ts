import type { EnsembleClassifier, TextClassifier } from '../../knowledge/classifier/index.ts';
import { type ConfidenceCalibration, OUT_OF_SCOPE_INTENT } from './confidence-calibration.ts';
import { intentText } from './intent-text.ts';

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
  /** The in-scope/out-of-scope gate's probability that the text is out of scope (absent: no gate). */
  outOfScopeProbability?(text: string): number;
}

/** The label the gate uses for everything the assistant does handle. */
export const IN_SCOPE_LABEL = 'in_scope';

/**
 * Wraps the trained classifiers (fastText and the linear model, averaged), the optional in-scope/out-of-scope
 * gate and the calibration as an IntentModel.
 */
export function intentModelFrom(
  classifier: EnsembleClassifier,
  calibration: ConfidenceCalibration,
  fingerprint: string,
  gate?: Pick<TextClassifier, 'predict'>,
): IntentModel {
  return {
    labels: classifier.labels,
    calibration,
    fingerprint,
    predict: (text, k = 3) =>
      classifier
        .predict(intentText(text), k)
        .map((score) => ({ intent: score.label, confidence: score.probability })),
    ...(gate
      ? {
          outOfScopeProbability: (text: string) =>
            gate.predict(intentText(text), 2).find((score) => score.label === OUT_OF_SCOPE_INTENT)
              ?.probability ?? 0,
        }
      : {}),
  };
}
