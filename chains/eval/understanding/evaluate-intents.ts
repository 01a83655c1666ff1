import type { IntentExample, IntentModel } from '../../understand/index.ts';
import { OUT_OF_SCOPE_INTENT, outOfScopeRule } from '../../understand/index.ts';
import {
  type ConfusedPair,
  type IntentOutcome,
  intentAccuracy,
  labelPrecisionRecall,
  macroF1,
  mostConfusedPairs,
  type PrecisionRecall,
} from './intent-metrics.ts';

/** The intent model measured on a labelled set (the seeded validation split or a user's file). */
export interface IntentEvaluation {
  examples: number;
  /** Top-1 accuracy over every example. */
  accuracy: number;
  /** Top-1 accuracy over the Banking77 examples only (the target), null when there are none. */
  banking77Accuracy: number | null;
  banking77Examples: number;
  macroF1: number;
  confusedPairs: ConfusedPair[];
  /** Out of scope as the assistant decides it: predicted, gated, or confidence below the calibrated floor. */
  outOfScope: PrecisionRecall;
  /** Share answered without a clarifying question, and their accuracy. */
  coverage: number;
  confidentAccuracy: number;
  /** Mean prediction time in milliseconds. */
  predictionMs: number;
}

/** Runs the model over labelled examples and computes every intent metric the eval command prints. */
export function evaluateIntents(
  model: IntentModel,
  examples: readonly IntentExample[],
  isBanking77: (example: IntentExample) => boolean,
): IntentEvaluation {
  const { clarifyBelow } = model.calibration;
  const raw: IntentOutcome[] = [];
  const decided: IntentOutcome[] = [];
  const banking77: IntentOutcome[] = [];
  let answered = 0;
  let answeredRight = 0;
  const started = performance.now();
  const guesses = examples.map((example) => model.predict(example.text, 2));
  const gated = examples.map((example) => model.outOfScopeProbability?.(example.text));
  const predictionMs = examples.length > 0 ? (performance.now() - started) / examples.length : 0;
  examples.forEach((example, index) => {
    const top = guesses[index]?.[0] ?? { intent: OUT_OF_SCOPE_INTENT, confidence: 0 };
    // A predicted "out of scope" below its floor is not out of scope: the best in-scope guess stands.
    const inScope = top.intent === OUT_OF_SCOPE_INTENT ? (guesses[index]?.[1] ?? top) : top;
    const outcome = { expected: example.intent, predicted: top.intent };
    raw.push(outcome);
    if (isBanking77(example)) banking77.push(outcome);
    const outOfScope = outOfScopeRule(top, gated[index], model.calibration) !== null;
    decided.push({ expected: example.intent, predicted: outOfScope ? OUT_OF_SCOPE_INTENT : inScope.intent });
    if (!outOfScope && inScope.confidence >= clarifyBelow) {
      answered++;
      if (inScope.intent === example.intent) answeredRight++;
    }
  });
  return {
    examples: examples.length,
    accuracy: intentAccuracy(raw),
    banking77Accuracy: banking77.length > 0 ? intentAccuracy(banking77) : null,
    banking77Examples: banking77.length,
    macroF1: macroF1(raw),
    confusedPairs: mostConfusedPairs(raw, 10),
    outOfScope: labelPrecisionRecall(decided, OUT_OF_SCOPE_INTENT),
    coverage: examples.length > 0 ? answered / examples.length : 0,
    confidentAccuracy: answered > 0 ? answeredRight / answered : 0,
    predictionMs,
  };
}
