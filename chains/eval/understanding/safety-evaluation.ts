import {
  DEFAULT_INJECTION_SOURCES,
  ensureInjectionDetector,
  INJECTION_VALIDATION_SHARE,
  type InjectionDetector,
  loadExampleLanguage,
  loadInjectionCorpus,
  readTextLines,
  rulesOnlyDetector,
  splitInjectionCorpus,
} from '../../../knowledge/safety/index.ts';
import {
  ensureValidatorPromissoryModel,
  loadPromissorySuite,
  splitPromissorySuite,
} from '../../validate/index.ts';
import {
  evaluateInjectionDetector,
  type InjectionEvaluation,
  type LabelledInjectionText,
} from './injection-metrics.ts';
import {
  evaluatePromissoryCheck,
  type LabelledSentence,
  type PromissoryEvaluation,
} from './promissory-metrics.ts';
import type { SavedSafetyFigures } from './understanding-run.ts';

/** The user's own files (one text per line); without them, the project's seeded validation splits are used. */
export interface SafetyEvaluationOptions {
  storeDir: string;
  injectionsFile?: string;
  benignFile?: string;
  promissoryFile?: string;
  compliantFile?: string;
}

/** Figures for the eval command: each check with the rules/patterns alone and with its classifier. */
export interface SafetyEvaluation {
  injection: {
    source: string;
    rulesOnly: InjectionEvaluation;
    detector: InjectionEvaluation;
    detectorId: string;
    /** The same texts through the posts screen (the stricter threshold used at ingest). */
    postScreen: InjectionEvaluation;
    postScreenId: string;
  };
  promissory: {
    source: string;
    patternsOnly: PromissoryEvaluation;
    withClassifier: PromissoryEvaluation | null;
  };
}

async function injectionTexts(
  options: SafetyEvaluationOptions,
): Promise<{ source: string; texts: LabelledInjectionText[] }> {
  const languageOf = await loadExampleLanguage();
  if (options.injectionsFile !== undefined || options.benignFile !== undefined) {
    const injections = options.injectionsFile ? await readTextLines(options.injectionsFile) : [];
    const benign = options.benignFile ? await readTextLines(options.benignFile) : [];
    const label = (injection: boolean) => (text: string) => ({ text, injection, language: languageOf(text) });
    return {
      source: [options.injectionsFile, options.benignFile].filter(Boolean).join(' + '),
      texts: [...injections.map(label(true)), ...benign.map(label(false))],
    };
  }
  const corpus = await loadInjectionCorpus(DEFAULT_INJECTION_SOURCES, languageOf);
  return {
    source: `seeded validation split (${INJECTION_VALIDATION_SHARE * 100}% of the public set, the project's examples and Banking77 sample)`,
    texts: splitInjectionCorpus(corpus, INJECTION_VALIDATION_SHARE).validation,
  };
}

async function promissorySentences(
  options: SafetyEvaluationOptions,
): Promise<{ source: string; sentences: LabelledSentence[] }> {
  if (options.promissoryFile !== undefined || options.compliantFile !== undefined) {
    const promissory = options.promissoryFile ? await readTextLines(options.promissoryFile) : [];
    const compliant = options.compliantFile ? await readTextLines(options.compliantFile) : [];
    return {
      source: [options.promissoryFile, options.compliantFile].filter(Boolean).join(' + '),
      sentences: [
        ...promissory.map((text) => ({ text, promissory: true })),
        ...compliant.map((text) => ({ text, promissory: false })),
      ],
    };
  }
  const { validation } = splitPromissorySuite(await loadPromissorySuite());
  return {
    source: 'seeded validation split (25% of chains/validate/suites)',
    sentences: [
      ...validation.promissory.map((text) => ({ text, promissory: true })),
      ...validation.compliant.map((text) => ({ text, promissory: false })),
    ],
  };
}

/**
 * Injection recall and false alarms (by language) and promissory recall and false rejections, on the
 * user's files or the project's validation splits. Trains the stored models first if their inputs changed.
 */
export async function evaluateSafety(options: SafetyEvaluationOptions): Promise<SafetyEvaluation> {
  const [injection, promissory] = await Promise.all([injectionTexts(options), promissorySentences(options)]);
  let detector: InjectionDetector;
  try {
    detector = (await ensureInjectionDetector(options.storeDir)).detector;
  } catch {
    detector = rulesOnlyDetector();
  }
  const model = await ensureValidatorPromissoryModel(options.storeDir);
  return {
    injection: {
      source: injection.source,
      rulesOnly: evaluateInjectionDetector(rulesOnlyDetector(), injection.texts),
      detector: evaluateInjectionDetector(detector, injection.texts),
      detectorId: detector.id,
      postScreen: evaluateInjectionDetector(detector.forUse('posts'), injection.texts),
      postScreenId: detector.forUse('posts').id,
    },
    promissory: {
      source: promissory.source,
      patternsOnly: evaluatePromissoryCheck(promissory.sentences),
      withClassifier: evaluatePromissoryCheck(promissory.sentences, model),
    },
  };
}

/** The figures a saved run keeps: the detector in use (rules + classifier) and the promissory check with its classifier. */
export function savedSafetyFigures(evaluation: SafetyEvaluation): SavedSafetyFigures {
  const { injection, promissory } = evaluation;
  const check = promissory.withClassifier ?? promissory.patternsOnly;
  return {
    injection: {
      detector: injection.detectorId,
      source: injection.source,
      recall: injection.detector.recall,
      falseAlarmRate: injection.detector.falseAlarmRate,
      injections: injection.detector.injections,
      benign: injection.detector.benign,
      byLanguage: injection.detector.byLanguage,
    },
    promissory: { ...check, source: promissory.source },
  };
}

const percent = (rate: number | null): string => (rate === null ? 'n/a' : `${(rate * 100).toFixed(1)}%`);

/** The figures as lines for a terminal. */
export function renderSafetyEvaluation(evaluation: SafetyEvaluation): string[] {
  const { injection, promissory } = evaluation;
  const injectionLine = (name: string, result: InjectionEvaluation) =>
    `  ${name}: recall ${percent(result.recall)} (${result.injections} injections), false alarms ${percent(result.falseAlarmRate)} (${result.benign} benign)`;
  const lines = [
    `Injection detection — ${injection.source}`,
    injectionLine('rules only', injection.rulesOnly),
    injectionLine(injection.detectorId, injection.detector),
    ...Object.entries(injection.detector.byLanguage).map(
      ([language, rates]) =>
        `    ${language}: recall ${percent(rates.recall)} of ${rates.injections}, false alarms ${percent(rates.falseAlarmRate)} of ${rates.benign}`,
    ),
    injectionLine(`${injection.postScreenId} (posts at ingest)`, injection.postScreen),
    `Promissory language — ${promissory.source}`,
  ];
  for (const result of [promissory.patternsOnly, promissory.withClassifier]) {
    if (result === null) continue;
    lines.push(
      `  ${result.check}: recall ${percent(result.recall)} (${result.promissory} promissory), false rejections ${percent(result.falseRejectionRate)} (${result.compliant} compliant)`,
    );
  }
  return lines;
}
