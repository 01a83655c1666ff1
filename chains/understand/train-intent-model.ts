import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  type EnsembleClassifier,
  type FastTextOptions,
  type LinearSvmOptions,
  type LinearTextClassifier,
  type LinearTextOptions,
  loadLinearTextClassifier,
  loadTextClassifier,
  type TextClassifier,
  trainLinearSvmClassifier,
  trainLinearTextClassifier,
  trainTextClassifier,
  weightedEnsemble,
} from '../../knowledge/classifier/index.ts';
import { ChainError } from '../chain-error.ts';
import {
  ConfidenceCalibration,
  calibrateConfidence,
  OUT_OF_SCOPE_INTENT,
  type ScoredPrediction,
} from './confidence-calibration.ts';
import {
  type IntentExample,
  intentSourceFiles,
  loadBanking77Examples,
  loadProjectExamples,
} from './intent-examples.ts';
import { IN_SCOPE_LABEL, type IntentModel, intentModelFrom } from './intent-model.ts';
import { intentText } from './intent-text.ts';
import type { UnderstandingConfig } from './understanding-config.ts';
import { splitForValidation, type ValidationSplit } from './validation-split.ts';

/** How the intent model is trained and calibrated; all of it is part of the fingerprint. */
export interface IntentTrainingOptions {
  fastText: Partial<FastTextOptions>;
  /** The second learner: one-vs-rest linear SVMs over TF-IDF word and character n-grams. */
  linear: Partial<LinearSvmOptions>;
  /** Candidate shares of fastText in the averaged probabilities. */
  fastTextWeights: readonly number[];
  /** Candidate softmax temperatures that turn the SVM's scores into probabilities. */
  temperatures: readonly number[];
  /**
   * How the share and temperature are chosen on the inner split: 'log-loss' (the mean −log probability of the
   * right intent: smooth, so a 10% split decides it steadily) or 'accuracy' (top-1 hits, ties to the first).
   */
  selectBy: 'log-loss' | 'accuracy';
  /** The in-scope/out-of-scope gate (a binary linear model over every example), or null for none. */
  gate: Partial<LinearTextOptions> | null;
  validationFraction: number;
  /** Larger held-out shares for intents whose figure needs more examples (out of scope: ≥ 150). */
  validationFractionByIntent: Readonly<Record<string, number>>;
  splitSeed: number;
  /** Accuracy the answers given without a clarifying question must reach on the inner split. */
  targetAccuracy: number;
  /** Out-of-scope precision the thresholds must keep on the inner split (recall is maximised under it). */
  targetOutOfScopePrecision: number;
  /** Keep a confident in-scope guess whatever the gate says. */
  gateYieldsToConfident: boolean;
  /** Tune a minimum probability for a predicted "out of scope" to count (below it the best in-scope guess stands). */
  predictedFloor: boolean;
  /** How the out-of-scope thresholds trade precision against recall on the inner split. */
  outOfScopeObjective: 'recall-at-precision' | 'balanced';
}

/**
 * The ensemble weight, the SVM's temperature and every threshold are chosen on an inner split of the TRAINING
 * examples (models trained on the rest), never on the validation split the evaluation reports; the served models
 * are trained on the whole training split, at the same time as the inner ones (both cores busy). Out of scope:
 * no gate (it called short chit-chat and advisor questions out of scope); a predicted "out of scope" counts from a
 * floor, and the floors keep the out-of-scope precision target on the inner split with the most recall (since the
 * out-of-scope examples written by topic, this holds both ≥ 90% on every split seed; "balanced" let precision
 * fall to 88.9% on one).
 */
export const DEFAULT_INTENT_TRAINING: IntentTrainingOptions = {
  fastText: { epoch: 50, lr: 0.3 },
  linear: { cost: 1 },
  fastTextWeights: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6],
  temperatures: [0.05, 0.1, 0.15, 0.2, 0.3, 0.5],
  selectBy: 'log-loss',
  gate: null,
  validationFraction: 0.1,
  validationFractionByIntent: { out_of_scope: 0.25 },
  splitSeed: 11,
  targetAccuracy: 0.95,
  targetOutOfScopePrecision: 0.92,
  gateYieldsToConfident: false,
  predictedFloor: true,
  outOfScopeObjective: 'recall-at-precision',
};

/** Bump when the training procedure changes in a way the options do not show. */
const TRAINING_VERSION = 'intent-model-v6';
const FOLDER = 'understanding';
const MODEL_FILE = 'intent-model.bin';
const LINEAR_MODEL_FILE = 'intent-linear.bin';
const GATE_MODEL_FILE = 'intent-gate.bin';
const MANIFEST_FILE = 'intent-model.json';

const Manifest = z.strictObject({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  trainedAt: z.string(),
  trainingSeconds: z.number().min(0),
  trainingExamples: z.number().int().min(0),
  validationExamples: z.number().int().min(0),
  /** fastText's share of the averaged probabilities, as chosen on the inner split. */
  fastTextWeight: z.number().min(0).max(1),
  /** The SVM's softmax temperature, as chosen on the inner split. */
  temperature: z.number().positive(),
  hasGate: z.boolean(),
  calibration: ConfidenceCalibration,
});
type Manifest = z.infer<typeof Manifest>;

/** A ready intent model and how it was obtained. */
export interface PreparedIntentModel {
  model: IntentModel;
  /** False when a stored model with the same fingerprint was loaded instead of training. */
  trained: boolean;
  trainingSeconds: number;
  folder: string;
}

/** The examples and their split, exactly as training sees them (the evaluation reuses it). */
export interface IntentData {
  split: ValidationSplit;
  sourceFiles: string[];
}

/** Loads Banking77 and the project's examples and carves the seeded validation split. */
export async function loadIntentData(
  config: UnderstandingConfig,
  options: IntentTrainingOptions = DEFAULT_INTENT_TRAINING,
): Promise<IntentData> {
  const [banking77, project, sourceFiles] = await Promise.all([
    loadBanking77Examples(config.banking77File),
    loadProjectExamples(config.examplesDirectory),
    intentSourceFiles(config.banking77File, config.examplesDirectory),
  ]);
  const split = splitForValidation([...banking77, ...project], {
    fraction: options.validationFraction,
    fractionByIntent: options.validationFractionByIntent,
    seed: options.splitSeed,
  });
  return { split, sourceFiles };
}

/** sha256 of every input file's content and the options: an unchanged input is never retrained. */
export async function intentFingerprint(
  config: UnderstandingConfig,
  options: IntentTrainingOptions = DEFAULT_INTENT_TRAINING,
): Promise<string> {
  const hash = createHash('sha256').update(TRAINING_VERSION).update(JSON.stringify(options));
  for (const file of await intentSourceFiles(config.banking77File, config.examplesDirectory)) {
    hash.update(path.basename(file)).update('\0');
    try {
      hash.update(await readFile(file));
    } catch (error) {
      throw new ChainError('INVALID_INPUT', `cannot read the intent training file ${file}`, { cause: error });
    }
  }
  return hash.digest('hex');
}

/**
 * The intent model for a store folder: loaded from `<storeDir>/understanding/` when its fingerprint matches
 * the inputs, otherwise calibrated on an inner split of the training split, trained on the whole training split
 * and saved there.
 */
export async function prepareIntentModel(
  storeDir: string,
  config: UnderstandingConfig,
  options: IntentTrainingOptions = DEFAULT_INTENT_TRAINING,
): Promise<PreparedIntentModel> {
  const folder = path.join(storeDir, FOLDER);
  const fingerprint = await intentFingerprint(config, options);
  const stored = await readManifest(folder);
  if (stored?.fingerprint === fingerprint) {
    const [fastText, linear, gate] = await Promise.all([
      loadTextClassifier(path.join(folder, MODEL_FILE)).catch(() => null),
      loadLinearTextClassifier(path.join(folder, LINEAR_MODEL_FILE)).catch(() => null),
      stored.hasGate ? loadLinearTextClassifier(path.join(folder, GATE_MODEL_FILE)).catch(() => null) : null,
    ]);
    if (fastText && linear && (gate || !stored.hasGate)) {
      const members = { fastText, linear: linear.withTemperature(stored.temperature), gate };
      return {
        model: servedModel(members, stored.fastTextWeight, stored.calibration, fingerprint),
        trained: false,
        trainingSeconds: 0,
        folder,
      };
    }
  }
  const data = await loadIntentData(config, options);
  const started = performance.now();
  const inner = splitForValidation(data.split.training, {
    fraction: options.validationFraction,
    fractionByIntent: options.validationFractionByIntent,
    seed: options.splitSeed + 1,
  });
  // The inner and the served models train together: fastText on two worker threads, the SVMs here.
  const [innerMembers, servedMembers] = await Promise.all([
    trainMembers(inner.training, options),
    trainMembers(data.split.training, options),
  ]);
  const chosen = chooseOnInnerSplit(innerMembers, inner.validation, options);
  const members = { ...servedMembers, linear: servedMembers.linear.withTemperature(chosen.temperature) };
  const trainingSeconds = (performance.now() - started) / 1000;
  await mkdir(folder, { recursive: true });
  await members.fastText.save(path.join(folder, MODEL_FILE));
  await members.linear.save(path.join(folder, LINEAR_MODEL_FILE));
  if (members.gate) await members.gate.save(path.join(folder, GATE_MODEL_FILE));
  // The manifest is written last: a crash before it leaves no fingerprint, so the next start retrains.
  await writeManifest(folder, {
    fingerprint,
    trainedAt: new Date().toISOString(),
    trainingSeconds,
    trainingExamples: data.split.training.length,
    validationExamples: data.split.validation.length,
    fastTextWeight: chosen.fastTextWeight,
    temperature: chosen.temperature,
    hasGate: members.gate !== null,
    calibration: chosen.calibration,
  });
  return {
    model: servedModel(members, chosen.fastTextWeight, chosen.calibration, fingerprint),
    trained: true,
    trainingSeconds,
    folder,
  };
}

/** The trained learners of one intent model. */
export interface IntentMembers {
  fastText: TextClassifier;
  linear: LinearTextClassifier;
  gate: TextClassifier | null;
}

/** Trains fastText (on a worker thread), the linear SVMs and the gate (here): the work uses both cores. */
async function trainMembers(
  examples: readonly IntentExample[],
  options: IntentTrainingOptions,
): Promise<IntentMembers> {
  const labelled = toLabelled(examples);
  const gateLabelled = labelled.map((example) => ({
    text: example.text,
    label: example.label === OUT_OF_SCOPE_INTENT ? OUT_OF_SCOPE_INTENT : IN_SCOPE_LABEL,
  }));
  const [fastText, linear, gate] = await Promise.all([
    trainTextClassifier(labelled, options.fastText),
    trainLinearSvmClassifier(labelled, options.linear),
    options.gate ? trainLinearTextClassifier(gateLabelled, options.gate) : null,
  ]);
  return { fastText, linear, gate };
}

/**
 * The fastText share and SVM temperature that fit the inner split best (by `selectBy`; ties: the first
 * candidates), and the thresholds calibrated there with them.
 */
export function chooseOnInnerSplit(
  members: IntentMembers,
  innerValidation: readonly IntentExample[],
  options: IntentTrainingOptions,
): { fastTextWeight: number; temperature: number; calibration: ConfidenceCalibration } {
  const inner = innerValidation.map((example) => ({ ...example, text: intentText(example.text) }));
  let best = {
    fastTextWeight: options.fastTextWeights[0] ?? 0,
    temperature: options.temperatures[0] ?? members.linear.temperature,
    score: Number.NEGATIVE_INFINITY,
  };
  // Each member reads each text once (the SVM once per temperature); the grid only re-weighs the probabilities.
  const fastText = inner.map((example) => distributionOf(members.fastText, example.text));
  for (const temperature of options.temperatures) {
    const linearAt = members.linear.withTemperature(temperature);
    const linear = inner.map((example) => distributionOf(linearAt, example.text));
    for (const fastTextWeight of options.fastTextWeights) {
      const score = fitScore(inner, fastText, linear, fastTextWeight, options.selectBy);
      if (score > best.score + 1e-9) best = { fastTextWeight, temperature, score };
    }
  }
  const ensemble = ensembleOf(
    { ...members, linear: members.linear.withTemperature(best.temperature) },
    best.fastTextWeight,
  );
  const gate = members.gate;
  const predictions = scorePredictions(inner, (text) => ensemble.predict(text, 1)[0]).map(
    (prediction, index) =>
      gate
        ? { ...prediction, outOfScopeProbability: gateProbability(gate, inner[index]?.text ?? '') }
        : prediction,
  );
  return {
    fastTextWeight: best.fastTextWeight,
    temperature: best.temperature,
    calibration: calibrateConfidence(predictions, {
      accuracy: options.targetAccuracy,
      outOfScopePrecision: options.targetOutOfScopePrecision,
      gateYieldsToConfident: options.gateYieldsToConfident,
      predictedFloor: options.predictedFloor,
      outOfScopeObjective: options.outOfScopeObjective,
    }),
  };
}

/** A member's probability for every label it knows. */
function distributionOf(classifier: TextClassifier, text: string): Map<string, number> {
  return new Map(
    classifier.predict(text, classifier.labels.length).map((score) => [score.label, score.probability]),
  );
}

/**
 * Higher is better: the share of top-1 hits, or minus the mean −log probability of the right intent, of the
 * members' probabilities averaged exactly as `weightedEnsemble` averages them (ties: the alphabetically first label).
 */
function fitScore(
  examples: readonly IntentExample[],
  fastText: readonly Map<string, number>[],
  linear: readonly Map<string, number>[],
  fastTextWeight: number,
  selectBy: IntentTrainingOptions['selectBy'],
): number {
  const total = fastTextWeight + (1 - fastTextWeight);
  const averaged = (index: number, label: string) =>
    0 +
    (fastTextWeight / total) * (fastText[index]?.get(label) ?? 0) +
    ((1 - fastTextWeight) / total) * (linear[index]?.get(label) ?? 0);
  let sum = 0;
  examples.forEach((example, index) => {
    if (selectBy === 'accuracy') {
      let top = { label: '', probability: Number.NEGATIVE_INFINITY };
      for (const label of fastText[index]?.keys() ?? []) {
        const probability = averaged(index, label);
        if (
          probability > top.probability ||
          (probability === top.probability && label.localeCompare(top.label) < 0)
        )
          top = { label, probability };
      }
      sum += top.label === example.intent ? 1 : 0;
    } else sum += Math.log(Math.max(averaged(index, example.intent), 1e-12));
  });
  return sum / Math.max(1, examples.length);
}

function gateProbability(gate: TextClassifier, text: string): number {
  return gate.predict(text, 2).find((score) => score.label === OUT_OF_SCOPE_INTENT)?.probability ?? 0;
}

function servedModel(
  members: IntentMembers,
  fastTextWeight: number,
  calibration: ConfidenceCalibration,
  fingerprint: string,
): IntentModel {
  return intentModelFrom(
    ensembleOf(members, fastTextWeight),
    calibration,
    fingerprint,
    members.gate ?? undefined,
  );
}

/** The model's top guess for each example, next to the right answer. */
export function scorePredictions(
  examples: readonly IntentExample[],
  top: (text: string) => { label: string; probability: number } | undefined,
): ScoredPrediction[] {
  return examples.map((example) => {
    const best = top(example.text);
    return { expected: example.intent, predicted: best?.label ?? '', confidence: best?.probability ?? 0 };
  });
}

function ensembleOf(members: IntentMembers, fastTextWeight: number): EnsembleClassifier {
  return weightedEnsemble([
    { classifier: members.fastText, weight: fastTextWeight },
    { classifier: members.linear, weight: 1 - fastTextWeight },
  ]);
}

function toLabelled(examples: readonly IntentExample[]): { text: string; label: string }[] {
  return examples.map((example) => ({ text: intentText(example.text), label: example.intent }));
}

async function readManifest(folder: string): Promise<Manifest | null> {
  try {
    const parsed = Manifest.safeParse(JSON.parse(await readFile(path.join(folder, MANIFEST_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function writeManifest(folder: string, manifest: Manifest): Promise<void> {
  const target = path.join(folder, MANIFEST_FILE);
  const partial = `${target}.partial`;
  await writeFile(partial, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(partial, target);
}
