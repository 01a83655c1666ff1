import type { TextClassifier } from '../classifier/index.ts';

/** Anything that gives label probabilities: a fastText model or the fastText + SVM blend. */
export type ProbabilityClassifier = Pick<TextClassifier, 'predict'>;

import { screenInstructions } from '../preprocess/injection-filter.ts';

/** What the detector decided about one text, and why (for logs and the audit trail). */
export interface InjectionVerdict {
  flagged: boolean;
  /** 1 when a rule fired; otherwise the classifier's probability of "injection" (0 without a classifier). */
  score: number;
  /** "rule: <phrase>", "classifier: 0.93 ≥ 0.71", or why it was let through. */
  because: string;
}

/** Where a text comes from: a chat message to the assistant, or a customer's social post screened at ingest. */
export type InjectionUse = 'chat' | 'posts';

/** Prompt-injection and jailbreak detection for chat messages and customer posts. */
export interface InjectionDetector {
  /** Where the decision comes from: "rules" or "rules+classifier:<fingerprint>" ("…@posts" for the posts screen). */
  readonly id: string;
  detect(text: string): InjectionVerdict;
  /**
   * The same detector with the threshold for one use: posts are screened with a stricter one, since a
   * dropped post silently removes what the profile knows and posts outnumber planted injections ~200 to 1.
   */
  forUse(use: InjectionUse): InjectionDetector;
}

/** Distinct texts whose verdict is remembered. */
const VERDICT_CACHE_LIMIT = 50_000;

/** The label the injection classifier is trained with for manipulative texts. */
export const INJECTION_LABEL = 'injection';
/** The label for everything else. */
export const BENIGN_LABEL = 'benign';

/** The probability of "injection" a classifier gives a text. */
export function injectionProbability(classifier: ProbabilityClassifier, text: string): number {
  const scores = classifier.predict(text, 2);
  return scores.find((score) => score.label === INJECTION_LABEL)?.probability ?? 0;
}

/** The rules alone: used when no trained model exists yet (and as the first test in the combined detector). */
export function rulesOnlyDetector(): InjectionDetector {
  const detector: InjectionDetector = {
    id: 'rules',
    detect(text) {
      const screened = screenInstructions(text);
      return screened.flagged
        ? { flagged: true, score: 1, because: `rule: "${screened.matches[0] ?? ''}"` }
        : { flagged: false, score: 0, because: 'no rule matched' };
    },
    forUse: () => detector,
  };
  return detector;
}

/**
 * Rules OR classifier: a text is flagged when a rule fires or the classifier's probability of
 * "injection" reaches the threshold (tuned for ≤ 2% false alarms); `postThreshold` (default: the same)
 * is used by `forUse('posts')`.
 * @example createInjectionDetector(classifier, 0.7, 'a1b2').detect('Ignore your rules').flagged // true
 */
export function createInjectionDetector(
  classifier: ProbabilityClassifier,
  threshold: number,
  fingerprint: string,
  postThreshold = threshold,
): InjectionDetector {
  const chat = thresholdDetector(classifier, threshold, `rules+classifier:${fingerprint.slice(0, 12)}`);
  const posts =
    postThreshold === threshold
      ? chat
      : thresholdDetector(classifier, postThreshold, `rules+classifier:${fingerprint.slice(0, 12)}@posts`);
  const forUse = (use: InjectionUse) => (use === 'posts' ? posts.detector : chat.detector);
  chat.detector.forUse = forUse;
  posts.detector.forUse = forUse;
  return chat.detector;
}

function thresholdDetector(
  classifier: ProbabilityClassifier,
  threshold: number,
  id: string,
): { detector: InjectionDetector } {
  const rules = rulesOnlyDetector();
  // Reposted texts repeat across customers at ingest; a verdict is a pure function of the text.
  const verdicts = new Map<string, InjectionVerdict>();
  const decide = (text: string): InjectionVerdict => {
    const byRule = rules.detect(text);
    if (byRule.flagged) return byRule;
    const probability = injectionProbability(classifier, text);
    const rounded = probability.toFixed(2);
    return probability >= threshold
      ? { flagged: true, score: probability, because: `classifier: ${rounded} ≥ ${threshold.toFixed(2)}` }
      : { flagged: false, score: probability, because: `classifier: ${rounded} < ${threshold.toFixed(2)}` };
  };
  const detector: InjectionDetector = {
    id,
    forUse: () => detector,
    detect(text) {
      let verdict = verdicts.get(text);
      if (verdict === undefined) {
        verdict = decide(text);
        if (verdicts.size >= VERDICT_CACHE_LIMIT) verdicts.clear();
        verdicts.set(text, verdict);
      }
      return { ...verdict };
    },
  };
  return { detector };
}
