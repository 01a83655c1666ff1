import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  type FastTextOptions,
  loadTextClassifier,
  type TextClassifier,
  trainTextClassifier,
} from '../../knowledge/classifier/index.ts';
import { KnowledgeError } from '../../knowledge/errors.ts';
import { tuneThreshold } from '../../knowledge/safety/index.ts';
import { createRandom } from '../../knowledge/seeded-random.ts';
import { promissoryClassifierInputs } from './check-promissory-language.ts';
import {
  loadPromissorySuite,
  PROMISSORY_SUITE_FILES,
  type PromissorySuite,
  splitPromissorySuite,
} from './promissory-suite.ts';

/** A trained promissory-sentence classifier and the probability from which it rejects a sentence. */
export interface PromissoryModel {
  /** "classifier:<fingerprint>" — shown in verdicts and reports. */
  readonly id: string;
  readonly threshold: number;
  /** Probability that one sentence promises an outcome. */
  probability(sentence: string): number;
}

/** How the classifier is trained and its threshold chosen. */
export interface PromissoryTrainingOptions {
  /** False rejections allowed on compliant sentences the patterns and structure pass, measured out of fold (1%: the rules may add their own on unseen text, the total must stay ≤ 2%). */
  maxFalseRejectionRate: number;
  folds: number;
  seed: number;
  fastText: Partial<FastTextOptions>;
}

/** Small data (a few hundred sentences): word bigrams and character n-grams, few buckets. */
export const DEFAULT_PROMISSORY_TRAINING: PromissoryTrainingOptions = {
  maxFalseRejectionRate: 0.01,
  folds: 4,
  seed: 42,
  fastText: { bucket: 20_000, dim: 32, epoch: 40, lr: 0.5, wordNgrams: 2, minn: 3, maxn: 5 },
};

const PROMISSORY = 'promissory';
const COMPLIANT = 'compliant';
/** Bumped when training changes in a way the suite files do not show. */
const TRAINING_VERSION = 8;

/** Wraps a trained classifier as the validator's model. */
export function createPromissoryModel(
  classifier: TextClassifier,
  threshold: number,
  fingerprint: string,
): PromissoryModel {
  return {
    id: `classifier:${fingerprint.slice(0, 12)}`,
    threshold,
    probability(sentence) {
      return classifier.predict(sentence, 2).find((score) => score.label === PROMISSORY)?.probability ?? 0;
    },
  };
}

const labelled = (suite: PromissorySuite) => [
  ...suite.promissory.map((text) => ({ text, label: PROMISSORY })),
  ...suite.compliant.map((text) => ({ text, label: COMPLIANT })),
];

/**
 * The lowest threshold within the false-rejection budget is the most aggressive one with that recall: every
 * out-of-fold promissory sentence it catches scores at or above the lowest promissory score above it, so
 * the threshold is raised to that score — same recall out of fold, the widest margin for compliant text.
 */
export function widenedThreshold(
  scored: readonly { probability: number; injection: boolean; byRule: boolean }[],
  lowest: number,
): number {
  const caught = scored
    .filter((item) => item.injection && !item.byRule && item.probability >= lowest)
    .map((item) => item.probability);
  return caught.length === 0 ? lowest : Math.min(...caught);
}

/**
 * Trains on a suite; the threshold comes from out-of-fold probabilities, counting as false rejections
 * only compliant sentences the patterns (`byPatterns`) pass, since those are the ones the model adds.
 */
export async function trainPromissoryModel(
  suite: PromissorySuite,
  byPatterns: (sentence: string) => boolean,
  options: Partial<PromissoryTrainingOptions> = {},
  /** More compliant prose (the help-centre articles) to learn from; not used to tune the threshold. */
  extraCompliant: readonly string[] = [],
): Promise<{ classifier: TextClassifier; threshold: number }> {
  const settings = { ...DEFAULT_PROMISSORY_TRAINING, ...options };
  const fastText = { ...settings.fastText, seed: settings.seed };
  const examples = labelled(suite);
  const extra = extraCompliant.map((text) => ({ text, label: COMPLIANT }));
  const random = createRandom(settings.seed);
  const fold = examples.map(() => Math.floor(random() * settings.folds));
  const scored: { probability: number; injection: boolean; byRule: boolean }[] = [];
  for (let index = 0; index < settings.folds; index++) {
    const inside = examples.filter((_, position) => fold[position] !== index);
    const outside = examples.filter((_, position) => fold[position] === index);
    const classifier = await trainTextClassifier([...inside, ...extra], fastText);
    const model = createPromissoryModel(classifier, 1, 'fold');
    for (const example of outside) {
      // Scored as the check will score it: the highest probability among its visible sentences.
      const inputs = promissoryClassifierInputs(example.text);
      scored.push({
        probability: Math.max(0, ...inputs.map((input) => model.probability(input))),
        injection: example.label === PROMISSORY,
        byRule: byPatterns(example.text),
      });
    }
  }
  const tuned = tuneThreshold(scored, settings.maxFalseRejectionRate);
  return {
    classifier: await trainTextClassifier([...examples, ...extra], fastText),
    threshold: widenedThreshold(scored, tuned.threshold),
  };
}

const ModelInfo = z.object({
  fingerprint: z.string().min(1),
  threshold: z.number().min(0).max(1.000001),
  trainedAt: z.string(),
  seconds: z.number(),
});

/** `<storeDir>/understanding/promissory.bin`: the trained model (never committed). */
export function promissoryModelFile(storeDir: string): string {
  return path.join(storeDir, 'understanding', 'promissory.bin');
}

const infoFile = (modelFile: string): string => `${modelFile.replace(/\.bin$/, '')}.json`;

async function readInfo(file: string): Promise<z.infer<typeof ModelInfo> | undefined> {
  try {
    const parsed = ModelInfo.safeParse(JSON.parse(await readFile(infoFile(file), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Loads a model written by {@link ensurePromissoryModel}. */
export async function loadPromissoryModel(file: string): Promise<PromissoryModel> {
  const info = await readInfo(file);
  if (!info)
    throw new KnowledgeError('MISSING_FILE', `no valid model record ${infoFile(file)} beside ${file}`);
  return createPromissoryModel(await loadTextClassifier(file), info.threshold, info.fingerprint);
}

/**
 * Loads the stored promissory model, training it first (on the suite's training split, so the
 * validation split stays unseen) when the suite or settings changed or the file is missing.
 * @example const model = await ensurePromissoryModel(config.storeDir, byPatterns);
 */
export async function ensurePromissoryModel(
  storeDir: string,
  byPatterns: (sentence: string) => boolean,
  options: {
    files?: typeof PROMISSORY_SUITE_FILES;
    training?: Partial<PromissoryTrainingOptions>;
    /** Compliant prose to learn from as well (e.g. the help-centre sentences); part of the fingerprint. */
    extraCompliant?: readonly string[];
    /** Labelled training-only sentences added to the suite's training split (and its threshold folds). */
    paraphraseFiles?: typeof PROMISSORY_SUITE_FILES;
  } = {},
): Promise<{ model: PromissoryModel; trained: boolean; file: string }> {
  const files = options.files ?? PROMISSORY_SUITE_FILES;
  const training = { ...DEFAULT_PROMISSORY_TRAINING, ...options.training };
  const extraCompliant = options.extraCompliant ?? [];
  const file = promissoryModelFile(storeDir);
  const hash = createHash('sha256').update(JSON.stringify({ TRAINING_VERSION, training, extraCompliant }));
  const paraphraseFiles = options.paraphraseFiles;
  const suiteFiles = [files.promissory, files.compliant];
  if (paraphraseFiles) suiteFiles.push(paraphraseFiles.promissory, paraphraseFiles.compliant);
  for (const suiteFile of suiteFiles) {
    try {
      hash.update(await readFile(suiteFile));
    } catch (error) {
      throw new KnowledgeError('MISSING_FILE', `cannot read promissory suite ${suiteFile}`, { cause: error });
    }
  }
  const fingerprint = hash.digest('hex');
  const stored = await readInfo(file);
  if (stored?.fingerprint === fingerprint) {
    try {
      return {
        model: createPromissoryModel(await loadTextClassifier(file), stored.threshold, fingerprint),
        trained: false,
        file,
      };
    } catch {
      // A damaged or missing model file is rebuilt below.
    }
  }
  const started = performance.now();
  const split = splitPromissorySuite(await loadPromissorySuite(files), undefined, training.seed);
  const paraphrases = paraphraseFiles
    ? await loadPromissorySuite(paraphraseFiles)
    : { promissory: [], compliant: [] };
  const train = {
    promissory: [...split.train.promissory, ...paraphrases.promissory],
    compliant: [...split.train.compliant, ...paraphrases.compliant],
  };
  const { classifier, threshold } = await trainPromissoryModel(train, byPatterns, training, extraCompliant);
  await mkdir(path.dirname(file), { recursive: true });
  await classifier.save(file);
  const info = {
    fingerprint,
    threshold,
    trainedAt: new Date().toISOString(),
    seconds: (performance.now() - started) / 1000,
  };
  await writeFile(`${infoFile(file)}.partial`, JSON.stringify(info, null, 2), 'utf8');
  await rename(`${infoFile(file)}.partial`, infoFile(file));
  return { model: createPromissoryModel(classifier, threshold, fingerprint), trained: true, file };
}
