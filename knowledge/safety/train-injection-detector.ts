import type { EnsembleClassifier, FastTextOptions, LinearSvmOptions } from '../classifier/index.ts';
import { createRandom } from '../seeded-random.ts';
import {
  type Blend,
  type BlendCandidates,
  type BlendMembers,
  type BlendSample,
  blendedClassifier,
  blendedProbability,
  blendSample,
  chooseBlend,
  trainBlendMembers,
} from './binary-blend.ts';
import type { InjectionExample } from './injection-corpus.ts';
import { BENIGN_LABEL, INJECTION_LABEL, rulesOnlyDetector } from './injection-detector.ts';

/** How the detector is trained and its threshold chosen. */
export interface InjectionTrainingOptions {
  /** False alarms allowed on benign text, measured out of fold on the training split. */
  maxFalseAlarmRate: number;
  /**
   * The stricter budget for screening posts at ingest (a dropped post silently loses profile facts). Half the
   * chat budget: on two seeded generated datasets 0.47% / 0.37% of ordinary posts are dropped, every planted
   * injection is caught, and the posts screen keeps 81% recall on the injection validation split (0.25% gave
   * 0.01% dropped but 59% recall).
   */
  maxPostFalseAlarmRate: number;
  /**
   * False alarms allowed on the project's own benign examples (written with attack words in innocent senses),
   * out of fold. Most benign training texts are plain Banking77 questions, so the overall budget alone lets the
   * threshold fall as easy benign texts are added. At 1.5% (split seed 42) the threshold rises from 0.41 to 0.48:
   * validation recall stays 93.5% with false alarms 1.7% → 1.5%, and on a held-out set written blind (150 + 150)
   * recall 95.3% → 94.7% with false alarms 2.0% → 1.3%.
   */
  maxHardFalseAlarmRate: number;
  /** Folds for the out-of-fold probabilities the threshold is tuned on. */
  folds: number;
  seed: number;
  fastText: Partial<FastTextOptions>;
  /** The second member: one-vs-rest linear SVMs over TF-IDF word and character n-grams. */
  svm: Partial<LinearSvmOptions>;
  /** fastText's share and the SVM's temperature, chosen by out-of-fold log loss (1 = fastText alone). */
  blend: BlendCandidates;
}

/**
 * A small binary task: fewer buckets than the intent model (a 5 MB file instead of 20 MB) lose nothing
 * measurable. The false-alarm budget (1%) sits below the 2% target: validation false alarms run ~1 point above it.
 * The folds choose fastText 0.8 + SVM at temperature 0.5 on split seeds 42, 7 and 123; against fastText alone,
 * chat recall on the validation split is −1.2 / +1.1 / +1.2 points at equal or fewer false alarms, and the posts
 * screen's recall +2.3 / +5.8 / +2.4 points (blind set: chat equal or better, posts +1.4 to +4.2 points).
 */
export const DEFAULT_INJECTION_TRAINING: InjectionTrainingOptions = {
  maxFalseAlarmRate: 0.01,
  maxPostFalseAlarmRate: 0.005,
  maxHardFalseAlarmRate: 0.015,
  folds: 4,
  seed: 42,
  fastText: { bucket: 25_000, dim: 50, epoch: 25, lr: 0.5, wordNgrams: 2, minn: 3, maxn: 5 },
  svm: { buckets: 1 << 17, cost: 1 },
  blend: {
    fastTextWeights: [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1],
    temperatures: [0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2],
  },
};

/** A trained classifier and the probability from which it flags a text. */
export interface TrainedInjectionModel {
  members: BlendMembers;
  /** fastText's share and the SVM's temperature, chosen on the out-of-fold probabilities. */
  blend: Blend;
  /** The members read as one. */
  classifier: EnsembleClassifier;
  threshold: number;
  /** The threshold for posts (`forUse('posts')`), tuned for `maxPostFalseAlarmRate`. */
  postThreshold: number;
  /** Out-of-fold false-alarm rate and recall of rules-or-classifier at that threshold (training split). */
  outOfFold: { recall: number; falseAlarmRate: number };
}

const labelled = (examples: readonly InjectionExample[]) =>
  examples.map((example) => ({
    text: example.text,
    label: example.injection ? INJECTION_LABEL : BENIGN_LABEL,
  }));

/**
 * The lowest threshold whose false-alarm rate (rules or classifier) on benign texts stays within budget, and on
 * the hard benign texts (`hard`: written to look like attacks) within `maxHardFalseAlarmRate` as well.
 */
export function tuneThreshold(
  scored: readonly { probability: number; injection: boolean; byRule: boolean; hard?: boolean }[],
  maxFalseAlarmRate: number,
  maxHardFalseAlarmRate = 1,
): { threshold: number; recall: number; falseAlarmRate: number } {
  const benign = scored.filter((item) => !item.injection);
  const hardBenign = benign.filter((item) => item.hard === true);
  const injections = scored.filter((item) => item.injection);
  const candidates = [...new Set(scored.map((item) => item.probability)), 1.000001].sort((a, b) => a - b);
  for (const threshold of candidates) {
    const flagged = (item: (typeof scored)[number]) => item.byRule || item.probability >= threshold;
    const falseAlarmRate = benign.filter(flagged).length / Math.max(1, benign.length);
    const hardRate = hardBenign.filter(flagged).length / Math.max(1, hardBenign.length);
    if (falseAlarmRate <= maxFalseAlarmRate && hardRate <= maxHardFalseAlarmRate) {
      return {
        threshold,
        recall: injections.filter(flagged).length / Math.max(1, injections.length),
        falseAlarmRate,
      };
    }
  }
  return { threshold: 1.000001, recall: 0, falseAlarmRate: 0 };
}

/**
 * Trains the injection classifier (fastText and linear SVMs, averaged) on the training split; the blend and the
 * threshold come from out-of-fold probabilities (k folds), so the validation split stays unseen for the reported
 * figures.
 */
export async function trainInjectionDetector(
  train: readonly InjectionExample[],
  options: Partial<InjectionTrainingOptions> = {},
): Promise<TrainedInjectionModel> {
  const settings = { ...DEFAULT_INJECTION_TRAINING, ...options };
  const fastText = { ...settings.fastText, seed: settings.seed };
  const svm = { ...settings.svm, seed: settings.seed };
  const { temperatures } = settings.blend;
  const random = createRandom(settings.seed);
  const fold = train.map(() => Math.floor(random() * settings.folds));
  const rules = rulesOnlyDetector();
  const samples: BlendSample[] = [];
  const byRule: boolean[] = [];
  const hard: boolean[] = [];
  // The fold models and the served one train together (fastText on worker threads, the SVMs here).
  const [folded, members] = await Promise.all([
    Promise.all(
      Array.from({ length: settings.folds }, (_, index) =>
        // Article sentences only teach what plain statements look like; they are too easy to tune the threshold on.
        trainBlendMembers(
          labelled(
            train.filter((example, position) => fold[position] !== index || example.source === 'articles'),
          ),
          fastText,
          svm,
        ),
      ),
    ),
    trainBlendMembers(labelled(train), fastText, svm),
  ]);
  folded.forEach((foldMembers, index) => {
    const outside = train.filter(
      (example, position) => fold[position] === index && example.source !== 'articles',
    );
    for (const example of outside) {
      samples.push(
        blendSample(foldMembers, INJECTION_LABEL, [example.text], example.injection, temperatures),
      );
      byRule.push(rules.detect(example.text).flagged);
      hard.push(example.source === 'examples');
    }
  });
  const chosen = chooseBlend(samples, settings.blend);
  const temperatureIndex = temperatures.indexOf(chosen.temperature);
  const scored = samples.map((sample, index) => ({
    probability: blendedProbability(sample, chosen.fastTextWeight, temperatureIndex),
    injection: sample.positive,
    byRule: byRule[index] ?? false,
    hard: hard[index] ?? false,
  }));
  const tuned = tuneThreshold(scored, settings.maxFalseAlarmRate, settings.maxHardFalseAlarmRate);
  const forPosts = tuneThreshold(
    scored,
    Math.min(settings.maxPostFalseAlarmRate, settings.maxFalseAlarmRate),
  );
  const blend = { fastTextWeight: chosen.fastTextWeight, temperature: chosen.temperature };
  return {
    members,
    blend,
    classifier: blendedClassifier(members, blend),
    threshold: tuned.threshold,
    postThreshold: Math.max(tuned.threshold, forPosts.threshold),
    outOfFold: { recall: tuned.recall, falseAlarmRate: tuned.falseAlarmRate },
  };
}
