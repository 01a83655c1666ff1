import { readFile, rename, writeFile } from 'node:fs/promises';
import { KnowledgeError } from '../errors.ts';
import type { LabelledText, LabelScore, TextClassifier } from './fasttext-classifier.ts';
import { type HashedFeatures, hashedTextFeatures } from './hashed-text-features.ts';

/** A linear model over hashed TF-IDF features whose softmax temperature can be set after training. */
export interface LinearTextClassifier extends TextClassifier {
  /** Scores are divided by it before the softmax: lower is more confident; the ranking never changes. */
  readonly temperature: number;
  /** The same weights read at another temperature (no copy). */
  withTemperature(temperature: number): LinearTextClassifier;
}

/** What a trained linear model holds: one weight per (bucket, label), bucket-major, and a bias per label. */
export interface LinearWeights {
  labels: readonly string[];
  buckets: number;
  inverseFrequency: Float32Array;
  weights: Float32Array;
  bias: Float32Array;
}

const FORMAT = 'finadvisor-linear-text-v1';

/** Wraps trained weights as a classifier: softmax of (weights · TF-IDF features + bias) / temperature. */
export function linearClassifier(model: LinearWeights, temperature = 1): LinearTextClassifier {
  if (!(temperature > 0)) throw new RangeError(`temperature must be > 0, got ${temperature}`);
  const { labels, buckets, inverseFrequency, weights, bias } = model;
  const classes = labels.length;
  return {
    labels,
    temperature,
    withTemperature: (next: number) => linearClassifier(model, next),
    predict(text: string, k = 1): LabelScore[] {
      const scores = new Float64Array(classes);
      softmaxScores(
        tfidfWeighted(hashedTextFeatures(text, buckets), inverseFrequency),
        weights,
        bias,
        temperature,
        scores,
      );
      return [...scores]
        .map((probability, index) => ({ label: labels[index] ?? '', probability }))
        .sort((first, second) => second.probability - first.probability)
        .slice(0, k);
    },
    async save(file: string): Promise<void> {
      const header = Buffer.from(JSON.stringify({ format: FORMAT, labels, buckets, temperature }), 'utf8');
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

/** Loads a model written by a linear classifier's `save` (logistic regression or SVM alike). */
export async function loadLinearTextClassifier(file: string): Promise<LinearTextClassifier> {
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
      temperature?: number;
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
    return linearClassifier(
      { labels: header.labels, buckets: header.buckets, inverseFrequency, weights, bias },
      header.temperature ?? 1,
    );
  } catch (error) {
    throw new KnowledgeError('INVALID_INPUT', `${file} is not a linear text classifier model`, {
      cause: error,
    });
  }
}

/** Labelled texts as a linear learner trains on them: sorted labels, TF-IDF rows with label indices, and the IDF. */
export interface TfidfTrainingSet {
  labels: string[];
  rows: { features: HashedFeatures; label: number }[];
  inverseFrequency: Float32Array;
}

/** Hashes, weighs and labels the examples; rejects fewer than two labels or an empty text, naming the example. */
export function tfidfTrainingSet(examples: readonly LabelledText[], buckets: number): TfidfTrainingSet {
  const labels = [...new Set(examples.map((example) => example.label))].sort();
  if (labels.length < 2)
    throw new KnowledgeError('INVALID_INPUT', 'training needs examples of at least two labels');
  const labelIndex = new Map(labels.map((label, index) => [label, index]));
  const raw = examples.map((example, index) => {
    const features = hashedTextFeatures(example.text, buckets);
    if (features.indices.length === 0) {
      throw new KnowledgeError('INVALID_INPUT', `training example ${index + 1}: text is empty`);
    }
    return { features, label: labelIndex.get(example.label) ?? 0 };
  });
  const inverseFrequency = inverseDocumentFrequency(
    raw.map((entry) => entry.features),
    buckets,
  );
  const rows = raw.map((entry) => ({
    features: tfidfWeighted(entry.features, inverseFrequency),
    label: entry.label,
  }));
  return { labels, rows, inverseFrequency };
}

/** Smoothed inverse document frequency per bucket, as scikit-learn's TfidfVectorizer(smooth_idf=True). */
export function inverseDocumentFrequency(
  documents: readonly HashedFeatures[],
  buckets: number,
): Float32Array {
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
export function tfidfWeighted(features: HashedFeatures, inverseFrequency: Float32Array): HashedFeatures {
  const values = features.values.map(
    (count, position) => (1 + Math.log(count)) * (inverseFrequency[features.indices[position] ?? 0] ?? 1),
  );
  const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0)) || 1;
  return { indices: features.indices, values: values.map((value) => value / norm) };
}

/** Writes softmax((weights · features + bias) / temperature) into `scores`. */
export function softmaxScores(
  features: HashedFeatures,
  weights: Float32Array,
  bias: Float32Array,
  temperature: number,
  scores: Float64Array,
): void {
  const classes = bias.length;
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
    const exponent = Math.exp(((scores[label] ?? 0) - highest) / temperature);
    scores[label] = exponent;
    total += exponent;
  }
  for (let label = 0; label < classes; label++) scores[label] = (scores[label] ?? 0) / total;
}
