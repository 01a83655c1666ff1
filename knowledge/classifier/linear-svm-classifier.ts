import { setImmediate as nextTurn } from 'node:timers/promises';
import { createRandom, type Random } from '../seeded-random.ts';
import type { LabelledText } from './fasttext-classifier.ts';
import type { HashedFeatures } from './hashed-text-features.ts';
import { type LinearTextClassifier, linearClassifier, tfidfTrainingSet } from './linear-model.ts';

/** Settings of the linear support-vector learner. */
export interface LinearSvmOptions {
  /** Hash buckets for word and character n-grams; the model holds `buckets × labels` weights. */
  buckets: number;
  /** C: how much a margin violation costs against a small weight vector (scikit-learn's LinearSVC default is 1). */
  cost: number;
  /** Stop a label's problem when its projected gradients span less than this (LIBLINEAR's dual default is 0.1). */
  tolerance: number;
  /** Upper bound on passes over the examples per label. */
  maxEpochs: number;
  /** Softmax temperature the returned classifier reads its scores at (a calibration, chosen after training). */
  temperature: number;
  seed: number;
}

/** LIBLINEAR's defaults for an L2-regularised squared-hinge SVM; the temperature is the intent model's usual choice. */
export const DEFAULT_LINEAR_SVM_OPTIONS: LinearSvmOptions = {
  buckets: 1 << 17,
  cost: 1,
  tolerance: 0.1,
  maxEpochs: 1000,
  temperature: 0.2,
  seed: 42,
};

/** TF-IDF rows packed flat: row r's features are positions starts[r] … starts[r + 1] − 1. */
interface PackedRows {
  starts: Int32Array;
  buckets: Int32Array;
  values: Float64Array;
}

/**
 * Trains one-vs-rest linear SVMs (L2-regularised squared hinge) over hashed TF-IDF word and character n-grams by
 * dual coordinate descent with shrinking (Hsieh et al., ICML 2008: the algorithm of LIBLINEAR and scikit-learn's
 * LinearSVC). It reaches the exact optimum in a few passes, where SGD on a softmax stops short; the scores become
 * probabilities through a softmax at `temperature`.
 */
export async function trainLinearSvmClassifier(
  examples: readonly LabelledText[],
  options: Partial<LinearSvmOptions> = {},
): Promise<LinearTextClassifier> {
  const settings = { ...DEFAULT_LINEAR_SVM_OPTIONS, ...options };
  if (!(settings.cost > 0)) throw new RangeError(`cost must be > 0, got ${settings.cost}`);
  const { labels, rows: weighted, inverseFrequency } = tfidfTrainingSet(examples, settings.buckets);
  const rows = packRows(weighted.map((row) => row.features));
  const targets = Int32Array.from(weighted, (row) => row.label);
  const classes = labels.length;
  const weights = new Float32Array(settings.buckets * classes);
  const bias = new Float32Array(classes);
  const random = createRandom(settings.seed);
  const labelWeights = new Float64Array(settings.buckets);
  for (let label = 0; label < classes; label++) {
    labelWeights.fill(0);
    bias[label] = solveBinary(rows, targets, label, labelWeights, settings, random);
    for (let bucket = 0; bucket < settings.buckets; bucket++) {
      const weight = labelWeights[bucket] ?? 0;
      if (weight !== 0) weights[bucket * classes + label] = weight;
    }
    // The work is CPU-bound for seconds: let the event loop breathe between labels.
    await nextTurn();
  }
  return linearClassifier(
    { labels, buckets: settings.buckets, inverseFrequency, weights, bias },
    settings.temperature,
  );
}

/**
 * One label against the rest: fills `weights` and returns the bias (learnt as the weight of a constant feature 1,
 * regularised like the others, as LIBLINEAR does).
 */
function solveBinary(
  rows: PackedRows,
  targets: Int32Array,
  label: number,
  weights: Float64Array,
  settings: LinearSvmOptions,
  random: Random,
): number {
  const { starts, buckets, values } = rows;
  const count = targets.length;
  const diagonal = 1 / (2 * settings.cost);
  const alpha = new Float64Array(count);
  const order = Int32Array.from({ length: count }, (_, index) => index);
  const squaredNorm = new Float64Array(count);
  for (let row = 0; row < count; row++) {
    let sum = diagonal + 1;
    for (let position = starts[row] ?? 0; position < (starts[row + 1] ?? 0); position++)
      sum += (values[position] ?? 0) ** 2;
    squaredNorm[row] = sum;
  }
  let bias = 0;
  let active = count;
  let highestBefore = Number.POSITIVE_INFINITY;
  for (let epoch = 0; epoch < settings.maxEpochs; epoch++) {
    shufflePrefix(order, active, random);
    let highest = Number.NEGATIVE_INFINITY;
    let lowest = Number.POSITIVE_INFINITY;
    for (let slot = 0; slot < active; slot++) {
      const row = order[slot] ?? 0;
      const sign = targets[row] === label ? 1 : -1;
      const end = starts[row + 1] ?? 0;
      let score = bias;
      for (let position = starts[row] ?? 0; position < end; position++)
        score += (weights[buckets[position] ?? 0] ?? 0) * (values[position] ?? 0);
      const current = alpha[row] ?? 0;
      const gradient = sign * score - 1 + current * diagonal;
      let projected = gradient;
      if (current === 0) {
        if (gradient > highestBefore) {
          // Shrinking: a row far on the right side of the margin leaves the active set for now.
          active--;
          order[slot] = order[active] ?? 0;
          order[active] = row;
          slot--;
          continue;
        }
        projected = Math.min(gradient, 0);
      }
      highest = Math.max(highest, projected);
      lowest = Math.min(lowest, projected);
      if (Math.abs(projected) > 1e-12) {
        const next = Math.max(current - gradient / (squaredNorm[row] ?? 1), 0);
        alpha[row] = next;
        const step = (next - current) * sign;
        for (let position = starts[row] ?? 0; position < end; position++) {
          const bucket = buckets[position] ?? 0;
          weights[bucket] = (weights[bucket] ?? 0) + step * (values[position] ?? 0);
        }
        bias += step;
      }
    }
    if (highest - lowest <= settings.tolerance) {
      if (active === count) break;
      // Converged on the shrunk set: check once more on every row before stopping.
      active = count;
      highestBefore = Number.POSITIVE_INFINITY;
      continue;
    }
    highestBefore = highest > 0 ? highest : Number.POSITIVE_INFINITY;
  }
  return bias;
}

function packRows(features: readonly HashedFeatures[]): PackedRows {
  const starts = new Int32Array(features.length + 1);
  let total = 0;
  features.forEach((row, index) => {
    starts[index] = total;
    total += row.indices.length;
  });
  starts[features.length] = total;
  const buckets = new Int32Array(total);
  const values = new Float64Array(total);
  features.forEach((row, index) => {
    const start = starts[index] ?? 0;
    buckets.set(row.indices, start);
    values.set(row.values, start);
  });
  return { starts, buckets, values };
}

/** Fisher–Yates over the first `length` entries. */
function shufflePrefix(order: Int32Array, length: number, random: Random): void {
  for (let index = length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    const held = order[index] ?? 0;
    order[index] = order[other] ?? 0;
    order[other] = held;
  }
}
