import {
  type EnsembleClassifier,
  type FastTextOptions,
  type LabelledText,
  type LinearSvmOptions,
  type LinearTextClassifier,
  loadLinearTextClassifier,
  loadTextClassifier,
  type TextClassifier,
  trainLinearSvmClassifier,
  trainTextClassifier,
  weightedEnsemble,
} from '../classifier/index.ts';

/** The two learners of a binary safety classifier: fastText and one-vs-rest linear SVMs over TF-IDF n-grams. */
export interface BlendMembers {
  fastText: TextClassifier;
  svm: LinearTextClassifier;
}

/** How the two members are read together: fastText's share of the averaged probabilities and the SVM's temperature. */
export interface Blend {
  fastTextWeight: number;
  temperature: number;
}

/** Candidate blends, chosen among by log loss on out-of-fold probabilities. */
export interface BlendCandidates {
  /** fastText's candidate shares; 1 keeps fastText alone, so the folds can turn the SVM down. */
  fastTextWeights: readonly number[];
  /** Candidate softmax temperatures for the SVM's scores. */
  temperatures: readonly number[];
}

/** Trains both members at once: fastText on its worker thread, the SVM here. */
export async function trainBlendMembers(
  examples: readonly LabelledText[],
  fastText: Partial<FastTextOptions>,
  svm: Partial<LinearSvmOptions>,
): Promise<BlendMembers> {
  const [fastTextModel, svmModel] = await Promise.all([
    trainTextClassifier(examples, fastText),
    trainLinearSvmClassifier(examples, svm),
  ]);
  return { fastText: fastTextModel, svm: svmModel };
}

/** The members read as one classifier: the weighted mean of their probabilities, the SVM at the blend's temperature. */
export function blendedClassifier(members: BlendMembers, blend: Blend): EnsembleClassifier {
  return weightedEnsemble([
    { classifier: members.fastText, weight: blend.fastTextWeight },
    { classifier: members.svm.withTemperature(blend.temperature), weight: 1 - blend.fastTextWeight },
  ]);
}

/** `<name>-svm.bin` beside a fastText `<name>.bin`. */
export function svmMemberFile(fastTextFile: string): string {
  return `${fastTextFile.replace(/\.bin$/, '')}-svm.bin`;
}

/** Writes both members: fastText to `file`, the SVM to {@link svmMemberFile}. */
export async function saveBlendMembers(members: BlendMembers, file: string): Promise<void> {
  await members.fastText.save(file);
  await members.svm.save(svmMemberFile(file));
}

/** Reads both members written by {@link saveBlendMembers}; rejects (naming the file) when either is missing or damaged. */
export async function loadBlendMembers(file: string): Promise<BlendMembers> {
  const [fastText, svm] = await Promise.all([
    loadTextClassifier(file),
    loadLinearTextClassifier(svmMemberFile(file)),
  ]);
  return { fastText, svm };
}

/** One out-of-fold example: its label and, per input text, fastText's probability and the SVM's at each temperature. */
export interface BlendSample {
  positive: boolean;
  inputs: readonly { fastText: number; svmByTemperature: readonly number[] }[];
}

/** Scores an example's inputs with one fold's members for every candidate temperature. */
export function blendSample(
  members: BlendMembers,
  positiveLabel: string,
  inputs: readonly string[],
  positive: boolean,
  temperatures: readonly number[],
): BlendSample {
  const svmAt = temperatures.map((temperature) => members.svm.withTemperature(temperature));
  const probability = (classifier: Pick<TextClassifier, 'predict'>, text: string) =>
    classifier.predict(text, 2).find((score) => score.label === positiveLabel)?.probability ?? 0;
  return {
    positive,
    inputs: inputs.map((text) => ({
      fastText: probability(members.fastText, text),
      svmByTemperature: svmAt.map((svm) => probability(svm, text)),
    })),
  };
}

/** The blended probability of a sample: the highest over its inputs (0 without inputs). */
export function blendedProbability(
  sample: BlendSample,
  fastTextWeight: number,
  temperatureIndex: number,
): number {
  let highest = 0;
  for (const input of sample.inputs) {
    const svm = input.svmByTemperature[temperatureIndex] ?? 0;
    highest = Math.max(highest, fastTextWeight * input.fastText + (1 - fastTextWeight) * svm);
  }
  return highest;
}

/**
 * The blend with the lowest mean binary log loss over the samples (ties: the earlier candidate, temperatures
 * outermost), as the intent model chooses its share and temperature on its inner split.
 */
export function chooseBlend(
  samples: readonly BlendSample[],
  candidates: BlendCandidates,
): Blend & { logLoss: number } {
  if (candidates.fastTextWeights.length === 0 || candidates.temperatures.length === 0)
    throw new RangeError('blend candidates need at least one fastText share and one temperature');
  let best = { fastTextWeight: 1, temperature: 1, logLoss: Number.POSITIVE_INFINITY };
  candidates.temperatures.forEach((temperature, temperatureIndex) => {
    for (const fastTextWeight of candidates.fastTextWeights) {
      if (!(fastTextWeight >= 0 && fastTextWeight <= 1))
        throw new RangeError(`a fastText share must lie in [0, 1], got ${fastTextWeight}`);
      let total = 0;
      for (const sample of samples) {
        const probability = blendedProbability(sample, fastTextWeight, temperatureIndex);
        total -= Math.log(Math.max(sample.positive ? probability : 1 - probability, 1e-12));
      }
      const logLoss = total / Math.max(1, samples.length);
      if (logLoss < best.logLoss - 1e-12) best = { fastTextWeight, temperature, logLoss };
    }
  });
  return best;
}
