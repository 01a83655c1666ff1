import { OUT_OF_SCOPE_INTENT } from '../../understand/index.ts';

/** One labelled prediction. */
export interface IntentOutcome {
  expected: string;
  predicted: string;
}

/** How often one intent was mistaken for another. */
export interface ConfusedPair {
  expected: string;
  predicted: string;
  count: number;
}

/** Precision and recall of one label treated as the positive class. */
export interface PrecisionRecall {
  precision: number;
  recall: number;
  /** How many examples truly had the label (the recall's denominator). */
  support: number;
}

/** Share of outcomes whose prediction is the expected intent (0 for none). */
export function intentAccuracy(outcomes: readonly IntentOutcome[]): number {
  if (outcomes.length === 0) return 0;
  return outcomes.filter((outcome) => outcome.expected === outcome.predicted).length / outcomes.length;
}

/**
 * Unweighted mean of per-intent F1 over every intent that was expected or predicted (an intent never expected
 * but predicted counts with F1 0, as scikit-learn's `f1_score(average='macro')` does).
 */
export function macroF1(outcomes: readonly IntentOutcome[]): number {
  const labels = new Set(outcomes.flatMap((outcome) => [outcome.expected, outcome.predicted]));
  if (labels.size === 0) return 0;
  let total = 0;
  for (const label of labels) {
    const { truePositives, falsePositives, falseNegatives } = counts(outcomes, label);
    const denominator = 2 * truePositives + falsePositives + falseNegatives;
    total += denominator === 0 ? 0 : (2 * truePositives) / denominator;
  }
  return total / labels.size;
}

/** The `limit` most frequent (expected → predicted) mistakes, most frequent first, ties by name. */
export function mostConfusedPairs(outcomes: readonly IntentOutcome[], limit = 10): ConfusedPair[] {
  const tally = new Map<string, ConfusedPair>();
  for (const { expected, predicted } of outcomes) {
    if (expected === predicted) continue;
    const key = `${expected}\u0000${predicted}`;
    const pair = tally.get(key) ?? { expected, predicted, count: 0 };
    pair.count++;
    tally.set(key, pair);
  }
  return [...tally.values()]
    .sort(
      (first, second) =>
        second.count - first.count ||
        first.expected.localeCompare(second.expected) ||
        first.predicted.localeCompare(second.predicted),
    )
    .slice(0, limit);
}

/** Precision and recall of one label (out of scope by default); 0 when undefined. */
export function labelPrecisionRecall(
  outcomes: readonly IntentOutcome[],
  label: string = OUT_OF_SCOPE_INTENT,
): PrecisionRecall {
  const { truePositives, falsePositives, falseNegatives } = counts(outcomes, label);
  return {
    precision: truePositives + falsePositives === 0 ? 0 : truePositives / (truePositives + falsePositives),
    recall: truePositives + falseNegatives === 0 ? 0 : truePositives / (truePositives + falseNegatives),
    support: truePositives + falseNegatives,
  };
}

function counts(outcomes: readonly IntentOutcome[], label: string) {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const { expected, predicted } of outcomes) {
    if (predicted === label && expected === label) truePositives++;
    else if (predicted === label) falsePositives++;
    else if (expected === label) falseNegatives++;
  }
  return { truePositives, falsePositives, falseNegatives };
}
