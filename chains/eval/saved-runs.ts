import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ChainError } from '../chain-error.ts';

/**
 * Saved evaluation runs (`/bench` runs, understanding runs) as JSON files in one folder: written through a
 * temporary file so no half-written run is ever read, listed newest first by the timestamp in their names,
 * and read back through their schema with an INVALID_INPUT error that names the file.
 */
export async function writeRunFile(dir: string, fileName: string, run: unknown): Promise<string> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, fileName);
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

/** Up to `count` files of `dir` whose names match `pattern`, newest (greatest name) first; none when `dir` is missing. */
export async function newestRunFiles(dir: string, pattern: RegExp, count: number): Promise<string[]> {
  const files = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return files
    .filter((file) => pattern.test(file))
    .sort()
    .reverse()
    .slice(0, count)
    .map((name) => path.join(dir, name));
}

/** Reads one saved run through its schema; `what` names the kind of run in the error ("bench run"). */
export async function readRunFile<T>(file: string, schema: z.ZodType<T>, what: string): Promise<T> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ChainError('INVALID_INPUT', `Saved ${what} ${file} is not valid JSON`, { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ChainError(
      'INVALID_INPUT',
      `Saved ${what} ${file} is malformed: ${z.prettifyError(parsed.error)}`,
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}
