import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const TRAIN_SCRIPT = path.join(import.meta.dirname, 'train-test-models.ts');

/**
 * Vitest's global setup: the shared models are trained (or found in the machine's cache) once, before any test
 * file starts, so no test spends its own timeout waiting for a minute of training on a busy machine. It runs in a
 * plain Node process (tsx), because Vite's module runner lacks `import.meta.resolve`, which the fastText loader
 * uses.
 */
export default async function setup(): Promise<void> {
  try {
    await run(process.execPath, ['--import', 'tsx', TRAIN_SCRIPT], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const output = error instanceof Error && 'stderr' in error ? String(error.stderr) : '';
    throw new Error(`training the shared test models failed:\n${output}`, { cause: error });
  }
}
