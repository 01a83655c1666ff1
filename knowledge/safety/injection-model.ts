import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { KnowledgeError } from '../errors.ts';
import { INSTRUCTION_RULE_SOURCES } from '../preprocess/injection-filter.ts';
import { blendedClassifier, loadBlendMembers, saveBlendMembers } from './binary-blend.ts';
import { loadExampleLanguage } from './example-language.ts';
import {
  DEFAULT_INJECTION_SOURCES,
  type InjectionSources,
  loadInjectionCorpus,
  splitInjectionCorpus,
} from './injection-corpus.ts';
import { createInjectionDetector, type InjectionDetector, rulesOnlyDetector } from './injection-detector.ts';
import {
  DEFAULT_INJECTION_TRAINING,
  type InjectionTrainingOptions,
  trainInjectionDetector,
} from './train-injection-detector.ts';

/** Bumped when training changes in a way the input files do not show (features, split, tuning). */
const TRAINING_VERSION = 3;
/** Share of every (source, label) group held out for the reported figures. */
export const INJECTION_VALIDATION_SHARE = 0.2;

const ModelInfo = z.object({
  fingerprint: z.string().min(1),
  threshold: z.number().min(0).max(1.000001),
  postThreshold: z.number().min(0).max(1.000001),
  trainedAt: z.string(),
  trainingExamples: z.number().int(),
  seconds: z.number(),
  outOfFold: z.object({ recall: z.number(), falseAlarmRate: z.number() }),
  /** fastText's share of the averaged probabilities and the SVM's temperature (`injection-svm.bin`). */
  blend: z.object({ fastTextWeight: z.number().min(0).max(1), temperature: z.number().positive() }),
});
/** What is recorded beside the model: its input fingerprint, threshold and how it was trained. */
export type InjectionModelInfo = z.infer<typeof ModelInfo>;

/** `<storeDir>/understanding/injection.bin`: the trained fastText member, the SVM beside it in `injection-svm.bin` (never committed). */
export function injectionModelFile(storeDir: string): string {
  return path.join(storeDir, 'understanding', 'injection.bin');
}

function infoFile(modelFile: string): string {
  return `${modelFile.replace(/\.bin$/, '')}.json`;
}

/** A hash of every training input and setting: equal hashes, equal models. */
export async function injectionFingerprint(
  sources: InjectionSources,
  training: InjectionTrainingOptions,
): Promise<string> {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      TRAINING_VERSION,
      training,
      perCategory: sources.banking77PerCategory,
      rules: INSTRUCTION_RULE_SOURCES,
    }),
  );
  for (const file of [
    sources.promptInjectionsCsv,
    sources.banking77Csv,
    sources.injectionsFile,
    sources.benignFile,
  ]) {
    hash.update(`\u0000${path.basename(file)}\u0000`);
    try {
      hash.update(await readFile(file));
    } catch (error) {
      throw new KnowledgeError('MISSING_FILE', `cannot read injection training data ${file}`, {
        cause: error,
      });
    }
  }
  let articleNames: string[];
  try {
    articleNames = (await readdir(sources.articlesDir)).filter((name) => name.endsWith('.md')).sort();
  } catch (error) {
    throw new KnowledgeError('MISSING_FILE', `cannot read the articles folder ${sources.articlesDir}`, {
      cause: error,
    });
  }
  for (const name of articleNames) {
    hash.update(`\u0000${name}\u0000`);
    hash.update(await readFile(path.join(sources.articlesDir, name)));
  }
  return hash.digest('hex');
}

/**
 * Loads a detector written by {@link ensureInjectionDetector}: both members plus the blend, threshold and
 * fingerprint recorded beside them (`injection.json`).
 */
export async function loadInjectionDetector(file: string): Promise<InjectionDetector> {
  const info = await readModelInfo(file);
  if (!info)
    throw new KnowledgeError('MISSING_FILE', `no valid model record ${infoFile(file)} beside ${file}`);
  const classifier = blendedClassifier(await loadBlendMembers(file), info.blend);
  return createInjectionDetector(classifier, info.threshold, info.fingerprint, info.postThreshold);
}

async function readModelInfo(file: string): Promise<InjectionModelInfo | undefined> {
  try {
    const parsed = ModelInfo.safeParse(JSON.parse(await readFile(infoFile(file), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Where the detector came from on this start. */
export interface EnsuredInjectionDetector {
  detector: InjectionDetector;
  file: string;
  info: InjectionModelInfo;
  /** True when the model was (re)trained now because its inputs changed or it was missing. */
  trained: boolean;
}

/** Options for {@link ensureInjectionDetector}; defaults are the project's own files. */
export interface EnsureInjectionOptions {
  sources?: InjectionSources;
  training?: Partial<InjectionTrainingOptions>;
  onStage?: (message: string) => void;
}

/**
 * The one call `npm start`, ingest and `train:understanding` make: loads the stored injection
 * detector, training it first when its inputs changed (fingerprint) or it does not exist yet.
 * @example const { detector } = await ensureInjectionDetector(config.storeDir);
 */
export async function ensureInjectionDetector(
  storeDir: string,
  options: EnsureInjectionOptions = {},
): Promise<EnsuredInjectionDetector> {
  const sources = options.sources ?? DEFAULT_INJECTION_SOURCES;
  const training = { ...DEFAULT_INJECTION_TRAINING, ...options.training };
  const file = injectionModelFile(storeDir);
  const fingerprint = await injectionFingerprint(sources, training);
  const stored = await readModelInfo(file);
  if (stored?.fingerprint === fingerprint) {
    try {
      const classifier = blendedClassifier(await loadBlendMembers(file), stored.blend);
      return {
        detector: createInjectionDetector(classifier, stored.threshold, fingerprint, stored.postThreshold),
        file,
        info: stored,
        trained: false,
      };
    } catch {
      // A damaged or missing member file is rebuilt below.
    }
  }
  options.onStage?.('Training the injection detector (its inputs changed)');
  const started = performance.now();
  const corpus = await loadInjectionCorpus(sources, await loadExampleLanguage(), training.seed);
  const { train } = splitInjectionCorpus(corpus, INJECTION_VALIDATION_SHARE, training.seed);
  const model = await trainInjectionDetector(train, training);
  const info: InjectionModelInfo = {
    fingerprint,
    threshold: model.threshold,
    postThreshold: model.postThreshold,
    trainedAt: new Date().toISOString(),
    trainingExamples: train.length,
    seconds: (performance.now() - started) / 1000,
    outOfFold: model.outOfFold,
    blend: model.blend,
  };
  await mkdir(path.dirname(file), { recursive: true });
  await saveBlendMembers(model.members, file);
  const partial = `${infoFile(file)}.partial`;
  await writeFile(partial, JSON.stringify(info, null, 2), 'utf8');
  await rename(partial, infoFile(file));
  return {
    detector: createInjectionDetector(model.classifier, model.threshold, fingerprint, model.postThreshold),
    file,
    info,
    trained: true,
  };
}

/**
 * For `npm start` and ingest: the trained detector (trained first when its inputs changed), or the
 * rules alone, said through `onStage`, when the training data is not beside the checkout.
 */
export async function injectionDetectorOrRules(
  storeDir: string,
  onStage: (message: string) => void,
): Promise<InjectionDetector> {
  try {
    const ensured = await ensureInjectionDetector(storeDir, { onStage });
    onStage(
      `Injection detector: ${ensured.detector.id} (threshold ${ensured.info.threshold.toFixed(2)}, posts ${ensured.info.postThreshold.toFixed(2)}${ensured.trained ? `, trained in ${ensured.info.seconds.toFixed(1)} s` : ''})`,
    );
    return ensured.detector;
  } catch (error) {
    if (!(error instanceof KnowledgeError) || error.code !== 'MISSING_FILE') throw error;
    onStage(`Injection detector: rules only (${error.message})`);
    return rulesOnlyDetector();
  }
}
