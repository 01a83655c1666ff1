import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ChainError } from '../../chain-error.ts';
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
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, benchRunFileName(run));
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
  const files = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const recent = files
    .filter((file) => RUN_FILE.test(file))
    .sort()
    .reverse()
    .slice(0, count);
  return await Promise.all(recent.map((name) => readRun(path.join(dir, name))));
}

async function readRun(file: string): Promise<BenchRun> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ChainError('INVALID_INPUT', `Saved bench run ${file} is not valid JSON`, { cause: error });
  }
  const parsed = BenchRun.safeParse(json);
  if (!parsed.success) {
    throw new ChainError(
      'INVALID_INPUT',
      `Saved bench run ${file} is malformed: ${z.prettifyError(parsed.error)}`,
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}
