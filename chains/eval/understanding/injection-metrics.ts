import type { InjectionDetector } from '../../../knowledge/safety/index.ts';

/** One labelled text for scoring a detector. */
export interface LabelledInjectionText {
  text: string;
  injection: boolean;
  language: string;
}

/** Recall on injections and false-alarm rate on benign texts (null when there are none of that kind). */
export interface DetectionRates {
  recall: number | null;
  falseAlarmRate: number | null;
  injections: number;
  benign: number;
}

/** Overall rates and the same per language. */
export interface InjectionEvaluation extends DetectionRates {
  byLanguage: Record<string, DetectionRates>;
}

function rates(outcomes: readonly { injection: boolean; flagged: boolean }[]): DetectionRates {
  const injections = outcomes.filter((outcome) => outcome.injection);
  const benign = outcomes.filter((outcome) => !outcome.injection);
  const share = (items: typeof outcomes) =>
    items.length === 0 ? null : items.filter((item) => item.flagged).length / items.length;
  return {
    recall: share(injections),
    falseAlarmRate: share(benign),
    injections: injections.length,
    benign: benign.length,
  };
}

/**
 * Recall (injections flagged / injections) and false-alarm rate (benign flagged / benign), overall
 * and by language.
 * @example evaluateInjectionDetector(detector, [{ text: 'Ignore your rules', injection: true, language: 'en' }]).recall
 */
export function evaluateInjectionDetector(
  detector: Pick<InjectionDetector, 'detect'>,
  texts: readonly LabelledInjectionText[],
): InjectionEvaluation {
  const outcomes = texts.map((item) => ({
    injection: item.injection,
    language: item.language,
    flagged: detector.detect(item.text).flagged,
  }));
  const languages = [...new Set(outcomes.map((outcome) => outcome.language))].sort();
  const byLanguage: Record<string, DetectionRates> = {};
  for (const language of languages) {
    byLanguage[language] = rates(outcomes.filter((outcome) => outcome.language === language));
  }
  return { ...rates(outcomes), byLanguage };
}
