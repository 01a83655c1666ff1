import { z } from 'zod';
import { BENCH_RESULTS_DIR } from '../bench/bench-store.ts';
import { newestRunFiles, readRunFile, writeRunFile } from '../saved-runs.ts';

const rate = z.number().min(0).max(1);
const Evaluation = z.strictObject({
  examples: z.number().int().min(0),
  accuracy: rate,
  banking77Accuracy: rate.nullable(),
  banking77Examples: z.number().int().min(0),
  macroF1: rate,
  confusedPairs: z.array(
    z.strictObject({ expected: z.string(), predicted: z.string(), count: z.number().int().min(1) }),
  ),
  outOfScope: z.strictObject({ precision: rate, recall: rate, support: z.number().int().min(0) }),
  coverage: rate,
  confidentAccuracy: rate,
  predictionMs: z.number().min(0),
});

const optionalRate = rate.nullable();
const DetectionRates = z.strictObject({
  recall: optionalRate,
  falseAlarmRate: optionalRate,
  injections: z.number().int().min(0),
  benign: z.number().int().min(0),
});
/** The safety figures of a run: the injection screen (overall and by language) and the promissory check. */
export const SavedSafetyFigures = z.strictObject({
  injection: DetectionRates.extend({
    /** Which detector: "rules+classifier:<fingerprint>", or "rules" when no classifier could be trained. */
    detector: z.string(),
    source: z.string(),
    byLanguage: z.record(z.string(), DetectionRates),
  }),
  promissory: z.strictObject({
    check: z.string(),
    source: z.string(),
    recall: optionalRate,
    falseRejectionRate: optionalRate,
    promissory: z.number().int().min(0),
    compliant: z.number().int().min(0),
  }),
});
/** Saved safety figures. */
export type SavedSafetyFigures = z.infer<typeof SavedSafetyFigures>;
const Figures = z.strictObject({
  banking77Accuracy: rate.nullable(),
  accuracy: rate,
  macroF1: rate,
  outOfScopePrecision: rate,
  outOfScopeRecall: rate,
});

/** One `npm run eval:understanding` run, saved beside the `/bench` runs. */
export const UnderstandingRun = z.strictObject({
  timestamp: z.iso.datetime(),
  /** The intent model's training fingerprint (inputs + options). */
  fingerprint: z.string(),
  validation: Evaluation,
  /** The user's `--questions` file, when it had expected intents. */
  questions: Evaluation.extend({ file: z.string() }).nullable(),
  /** Injection and promissory figures; absent in runs saved before they were recorded. */
  safety: SavedSafetyFigures.optional(),
  /** The same figures on other split seeds (`--seeds N`) and their means; absent in older runs. */
  seeds: z
    .strictObject({ seeds: z.array(Figures.extend({ seed: z.number().int() })), mean: Figures })
    .nullable()
    .optional(),
});
/** A saved evaluation run. */
export type UnderstandingRun = z.infer<typeof UnderstandingRun>;

const RUN_FILE = /^understanding-[0-9TZ-]+\.json$/;

/** Writes `<dir>/understanding-<timestamp>.json` atomically (the bench runs' folder by default). */
export async function saveUnderstandingRun(
  run: UnderstandingRun,
  dir: string = BENCH_RESULTS_DIR,
): Promise<string> {
  return await writeRunFile(dir, `understanding-${run.timestamp.replace(/[:.]/g, '-')}.json`, run);
}

/** The newest saved understanding run, or undefined; a malformed file is an INVALID_INPUT error naming it. */
export async function loadLatestUnderstandingRun(
  dir: string = BENCH_RESULTS_DIR,
): Promise<UnderstandingRun | undefined> {
  const [latest] = await newestRunFiles(dir, RUN_FILE, 1);
  return latest === undefined ? undefined : await readRunFile(latest, UnderstandingRun, 'understanding run');
}

/** The one line `/bench` and the dashboard show for the latest understanding run. */
export function understandingSummaryLine(run: UnderstandingRun): string {
  const { validation } = run;
  const banking77 =
    validation.banking77Accuracy === null
      ? ''
      : `Banking77 accuracy ${percent(validation.banking77Accuracy)}, `;
  const seedMean = run.seeds?.mean.banking77Accuracy;
  const seeds =
    run.seeds && seedMean !== null && seedMean !== undefined
      ? `mean over ${run.seeds.seeds.length} split seeds ${percent(seedMean)}, `
      : '';
  return (
    `Understanding (${run.timestamp.slice(0, 10)}): ${banking77}${seeds}all intents ${percent(validation.accuracy)}, ` +
    `macro-F1 ${percent(validation.macroF1)}, out of scope precision ${percent(validation.outOfScope.precision)} ` +
    `/ recall ${percent(validation.outOfScope.recall)}`
  );
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
