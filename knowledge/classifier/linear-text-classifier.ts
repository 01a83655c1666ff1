import { setImmediate as nextTurn } from 'node:timers/promises';
import { createRandom } from '../seeded-random.ts';
import type { LabelledText } from './fasttext-classifier.ts';
import {
  type LinearTextClassifier,
  linearClassifier,
  softmaxScores,
  tfidfTrainingSet,
} from './linear-model.ts';

/** Settings of the TF-IDF logistic-regression learner. */
export interface LinearTextOptions {
  /** Hash buckets for word and character n-grams; the model holds `buckets × labels` weights. */
  buckets: number;
  epochs: number;
  learningRate: number;
  /** L2 penalty per update, applied as weight decay on the touched weights. */
  l2: number;
  /**
   * How far rare labels are up-weighted: each example's step is scaled by (mean label count / its label's
   * count) ^ balance, so 0 is plain SGD and 1 fully balanced; a large catch-all label then cannot swamp
   * small ones.
   */
  balance: number;
  seed: number;
}

/**
 * A second, different learner beside fastText (exact sparse TF-IDF features and a softmax over them instead
 * of a low-dimensional embedding): their mistakes differ, so averaging the two is more accurate than either.
 */
export const DEFAULT_LINEAR_TEXT_OPTIONS: LinearTextOptions = {
  buckets: 1 << 17,
  epochs: 12,
  learningRate: 0.4,
  l2: 1e-6,
  balance: 0,
  seed: 42,
};

/** Trains a multinomial logistic regression over hashed TF-IDF word and character n-grams (seeded SGD). */
export async function trainLinearTextClassifier(
  examples: readonly LabelledText[],
  options: Partial<LinearTextOptions> = {},
): Promise<LinearTextClassifier> {
  const settings = { ...DEFAULT_LINEAR_TEXT_OPTIONS, ...options };
  const { labels, rows, inverseFrequency } = tfidfTrainingSet(examples, settings.buckets);
  const classes = labels.length;
  const labelCounts = new Float64Array(classes);
  for (const row of rows) labelCounts[row.label] = (labelCounts[row.label] ?? 0) + 1;
  const stepScale = [...labelCounts].map(
    (count) => (rows.length / classes / Math.max(1, count)) ** settings.balance,
  );
  const weights = new Float32Array(settings.buckets * classes);
  const bias = new Float32Array(classes);
  const scores = new Float64Array(classes);
  const random = createRandom(settings.seed);
  const order = rows.map((_, index) => index);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    shuffle(order, random);
    const rate = settings.learningRate * (1 - epoch / settings.epochs);
    for (const rowIndex of order) {
      const row = rows[rowIndex];
      if (!row) continue;
      softmaxScores(row.features, weights, bias, 1, scores);
      scores[row.label] = (scores[row.label] ?? 0) - 1;
      const step = rate * (stepScale[row.label] ?? 1);
      const decay = 1 - step * settings.l2;
      for (let position = 0; position < row.features.indices.length; position++) {
        const offset = (row.features.indices[position] ?? 0) * classes;
        const value = row.features.values[position] ?? 0;
        for (let label = 0; label < classes; label++) {
          weights[offset + label] =
            (weights[offset + label] ?? 0) * decay - step * (scores[label] ?? 0) * value;
        }
      }
      for (let label = 0; label < classes; label++)
        bias[label] = (bias[label] ?? 0) - step * (scores[label] ?? 0);
    }
    // The loop is CPU-bound for a few seconds: let the event loop breathe between epochs.
    await nextTurn();
  }
  return linearClassifier({ labels, buckets: settings.buckets, inverseFrequency, weights, bias });
}

function shuffle(order: number[], random: () => number): void {
  for (let index = order.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other] ?? 0, order[index] ?? 0];
  }
}
