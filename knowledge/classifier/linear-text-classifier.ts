import { readFile, rename, writeFile } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { KnowledgeError } from '../errors.ts';
import { createRandom } from '../seeded-random.ts';
import type { LabelledText, LabelScore, TextClassifier } from './fasttext-classifier.ts';
import { type HashedFeatures, hashedTextFeatures } from './hashed-text-features.ts';

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

const FORMAT = 'finadvisor-linear-text-v1';

/** Trains a multinomial logistic regression over hashed TF-IDF word and character n-grams (seeded SGD). */
export async function trainLinearTextClassifier(
  examples: readonly LabelledText[],
  options: Partial<LinearTextOptions> = {},
): Promise<TextClassifier> {
  const settings = { ...DEFAULT_LINEAR_TEXT_OPTIONS, ...options };
  const labels = [...new Set(examples.map((example) => example.label))].sort();
  if (labels.length < 2)
    throw new KnowledgeError('INVALID_INPUT', 'training needs examples of at least two labels');
  const labelIndex = new Map(labels.map((label, index) => [label, index]));
  const raw = examples.map((example, index) => {
    const features = hashedTextFeatures(example.text, settings.buckets);
    if (features.indices.length === 0) {
      throw new KnowledgeError('INVALID_INPUT', `training example ${index + 1}: text is empty`);
    }
    return { features, label: labelIndex.get(example.label) ?? 0 };
  });
  const inverseFrequency = inverseDocumentFrequency(
    raw.map((entry) => entry.features),
    settings.buckets,
  );
  const rows = raw.map((entry) => ({
    features: weighted(entry.features, inverseFrequency),
    label: entry.label,
  }));
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
      softmaxScores(row.features, weights, bias, classes, scores);
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
  return linearClassifier(labels, settings.buckets, inverseFrequency, weights, bias);
}

/** Loads a model written by the linear classifier's `save`. */
export async function loadLinearTextClassifier(file: string): Promise<TextClassifier> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new KnowledgeError('MISSING_FILE', `cannot read the classifier model ${file}`, { cause: error });
  }
  try {
    const headerLength = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as {
      format: string;
      labels: string[];
      buckets: number;
    };
    if (header.format !== FORMAT) throw new Error(`format "${header.format}", expected "${FORMAT}"`);
    const classes = header.labels.length;
    const start = 4 + headerLength + ((4 - ((4 + headerLength) % 4)) % 4);
    const floats = new Float32Array(
      bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + bytes.length),
    );
    const inverseFrequency = floats.slice(0, header.buckets);
    const bias = floats.slice(header.buckets, header.buckets + classes);
    const weights = floats.slice(header.buckets + classes);
    if (weights.length !== header.buckets * classes) throw new Error('weights are truncated');
    return linearClassifier(header.labels, header.buckets, inverseFrequency, weights, bias);
  } catch (error) {
    throw new KnowledgeError('INVALID_INPUT', `${file} is not a linear text classifier model`, {
      cause: error,
    });
  }
}

function linearClassifier(
  labels: readonly string[],
  buckets: number,
  inverseFrequency: Float32Array,
  weights: Float32Array,
  bias: Float32Array,
): TextClassifier {
  const classes = labels.length;
  return {
    labels,
    predict(text: string, k = 1): LabelScore[] {
      const scores = new Float64Array(classes);
      softmaxScores(
        weighted(hashedTextFeatures(text, buckets), inverseFrequency),
        weights,
        bias,
        classes,
        scores,
      );
      return [...scores]
        .map((probability, index) => ({ label: labels[index] ?? '', probability }))
        .sort((first, second) => second.probability - first.probability)
        .slice(0, k);
    },
    async save(file: string): Promise<void> {
      const header = Buffer.from(JSON.stringify({ format: FORMAT, labels, buckets }), 'utf8');
      const padding = (4 - ((4 + header.length) % 4)) % 4;
      const length = Buffer.alloc(4);
      length.writeUInt32LE(header.length + padding);
      const body = Buffer.concat([
        length,
        header,
        Buffer.alloc(padding, 0x20),
        Buffer.from(inverseFrequency.buffer, inverseFrequency.byteOffset, inverseFrequency.byteLength),
        Buffer.from(bias.buffer, bias.byteOffset, bias.byteLength),
        Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength),
      ]);
      const partial = `${file}.partial`;
      await writeFile(partial, body);
      await rename(partial, file);
    },
  };
}

function inverseDocumentFrequency(documents: readonly HashedFeatures[], buckets: number): Float32Array {
  const frequency = new Float32Array(buckets);
  for (const document of documents)
    for (const index of document.indices) frequency[index] = (frequency[index] ?? 0) + 1;
  const idf = new Float32Array(buckets);
  for (let index = 0; index < buckets; index++) {
    idf[index] = Math.log((1 + documents.length) / (1 + (frequency[index] ?? 0))) + 1;
  }
  return idf;
}

/** Sublinear term frequency × IDF, L2-normalised, as scikit-learn's TfidfVectorizer(sublinear_tf=True). */
function weighted(features: HashedFeatures, inverseFrequency: Float32Array): HashedFeatures {
  const values = features.values.map(
    (count, position) => (1 + Math.log(count)) * (inverseFrequency[features.indices[position] ?? 0] ?? 1),
  );
  const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0)) || 1;
  return { indices: features.indices, values: values.map((value) => value / norm) };
}

function softmaxScores(
  features: HashedFeatures,
  weights: Float32Array,
  bias: Float32Array,
  classes: number,
  scores: Float64Array,
): void {
  for (let label = 0; label < classes; label++) scores[label] = bias[label] ?? 0;
  for (let position = 0; position < features.indices.length; position++) {
    const offset = (features.indices[position] ?? 0) * classes;
    const value = features.values[position] ?? 0;
    for (let label = 0; label < classes; label++)
      scores[label] = (scores[label] ?? 0) + (weights[offset + label] ?? 0) * value;
  }
  let highest = Number.NEGATIVE_INFINITY;
  for (let label = 0; label < classes; label++) highest = Math.max(highest, scores[label] ?? 0);
  let total = 0;
  for (let label = 0; label < classes; label++) {
    const exponent = Math.exp((scores[label] ?? 0) - highest);
    scores[label] = exponent;
    total += exponent;
  }
  for (let label = 0; label < classes; label++) scores[label] = (scores[label] ?? 0) / total;
}

function shuffle(order: number[], random: () => number): void {
  for (let index = order.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other] ?? 0, order[index] ?? 0];
  }
}
