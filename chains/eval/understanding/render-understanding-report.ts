import type { IntentEvaluation } from './evaluate-intents.ts';

/** The terminal report of one intent evaluation. */
export function renderIntentEvaluation(title: string, evaluation: IntentEvaluation): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const lines = [
    `${title} (${evaluation.examples} examples)`,
    ...(evaluation.banking77Accuracy === null
      ? []
      : [
          `  Banking77 intent accuracy: ${percent(evaluation.banking77Accuracy)} (${evaluation.banking77Examples} examples)`,
        ]),
    `  Intent accuracy (all intents): ${percent(evaluation.accuracy)}`,
    `  Macro-F1: ${percent(evaluation.macroF1)}`,
    `  Out of scope: precision ${percent(evaluation.outOfScope.precision)}, recall ${percent(evaluation.outOfScope.recall)} (${evaluation.outOfScope.support} out-of-scope examples)`,
    `  Answered without a clarifying question: ${percent(evaluation.coverage)}, of which correct: ${percent(evaluation.confidentAccuracy)}`,
    `  Prediction: ${evaluation.predictionMs.toFixed(3)} ms per message`,
    '  Most confused (expected → predicted: count):',
    ...(evaluation.confusedPairs.length === 0
      ? ['    none']
      : evaluation.confusedPairs.map((pair) => `    ${pair.expected} → ${pair.predicted}: ${pair.count}`)),
  ];
  return lines.join('\n');
}
