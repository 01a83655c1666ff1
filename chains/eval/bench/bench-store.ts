import { newestRunFiles, readRunFile, writeRunFile } from '../saved-runs.ts';
import { BenchRun } from './bench-run.ts';

/** Default folder of saved runs (git-ignored). */
export const BENCH_RESULTS_DIR = 'bench-results';
const RUN_FILE = /^bench-[0-9TZ-]+\.json$/;

/** `bench-2026-07-01T10-15-00-000Z.json`: sorts by time, and is a legal name everywhere. */
export function benchRunFileName(run: Pick<BenchRun, 'timestamp'>): string {
  return `bench-${run.timestamp.replace(/[:.]/g, '-')}.json`;
}

/** Writes a run as `<dir>/bench-<timestamp>.json` through a temporary file, so no half-written run is ever read. */
export async function saveBenchRun(run: BenchRun, dir: string = BENCH_RESULTS_DIR): Promise<string> {
  return await writeRunFile(dir, benchRunFileName(run), run);
}

/**
 * The latest saved run in a folder (by timestamp in the file name), or undefined when there is none;
 * a malformed file is an INVALID_INPUT error naming it.
 */
export async function loadPreviousRun(dir: string = BENCH_RESULTS_DIR): Promise<BenchRun | undefined> {
  const [latest] = await loadRecentRuns(dir, 1);
  return latest;
}

/** Up to `count` saved runs, newest first (what `/bench` shows: the latest and the change since the one before). */
export async function loadRecentRuns(dir: string = BENCH_RESULTS_DIR, count = 2): Promise<BenchRun[]> {
  const recent = await newestRunFiles(dir, RUN_FILE, count);
  return await Promise.all(recent.map((file) => readRunFile(file, BenchRun, 'bench run')));
}
