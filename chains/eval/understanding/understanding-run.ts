import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ChainError } from '../../chain-error.ts';
import { BENCH_RESULTS_DIR } from '../bench/bench-store.ts';

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

/** One `npm run eval:understanding` run, saved beside the `/bench` runs. */
export const UnderstandingRun = z.strictObject({
  timestamp: z.iso.datetime(),
  /** The intent model's training fingerprint (inputs + options). */
  fingerprint: z.string(),
  validation: Evaluation,
  /** The user's `--questions` file, when it had expected intents. */
  questions: Evaluation.extend({ file: z.string() }).nullable(),
});
/** A saved evaluation run. */
export type UnderstandingRun = z.infer<typeof UnderstandingRun>;

const RUN_FILE = /^understanding-[0-9TZ-]+\.json$/;

/** Writes `<dir>/understanding-<timestamp>.json` atomically (the bench runs' folder by default). */
export async function saveUnderstandingRun(
  run: UnderstandingRun,
  dir: string = BENCH_RESULTS_DIR,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, `understanding-${run.timestamp.replace(/[:.]/g, '-')}.json`);
  const temporary = `${target}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(run, null, 2)}\n`);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return target;
}

/** The newest saved understanding run, or undefined; a malformed file is an INVALID_INPUT error naming it. */
export async function loadLatestUnderstandingRun(
  dir: string = BENCH_RESULTS_DIR,
): Promise<UnderstandingRun | undefined> {
  const files = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const latest = files
    .filter((file) => RUN_FILE.test(file))
    .sort()
    .at(-1);
  if (!latest) return undefined;
  const file = path.join(dir, latest);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ChainError('INVALID_INPUT', `Saved understanding run ${file} is not valid JSON`, {
      cause: error,
    });
  }
  const parsed = UnderstandingRun.safeParse(json);
  if (!parsed.success) {
    throw new ChainError(
      'INVALID_INPUT',
      `Saved understanding run ${file} is malformed: ${z.prettifyError(parsed.error)}`,
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}

/** The one line `/bench` and the dashboard show for the latest understanding run. */
export function understandingSummaryLine(run: UnderstandingRun): string {
  const { validation } = run;
  const banking77 =
    validation.banking77Accuracy === null
      ? ''
      : `Banking77 accuracy ${percent(validation.banking77Accuracy)}, `;
  return (
    `Understanding (${run.timestamp.slice(0, 10)}): ${banking77}all intents ${percent(validation.accuracy)}, ` +
    `macro-F1 ${percent(validation.macroF1)}, out of scope precision ${percent(validation.outOfScope.precision)} ` +
    `/ recall ${percent(validation.outOfScope.recall)}`
  );
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
