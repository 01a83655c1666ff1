import path from 'node:path';
import { z } from 'zod';
import { ChainError } from '../chain-error.ts';

const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '..', '..');

const UnderstandingEnvironment = z.object({
  BANKING77_FILE: z.string().min(1).optional(),
  INTENT_EXAMPLES_DIR: z.string().min(1).optional(),
});

/** Where the intent model's training data lives; the model itself goes under `<STORE_DIR>/understanding/`. */
export interface UnderstandingConfig {
  /** Banking77's `train.csv` (CC BY 4.0), read at training time, never copied into the repository. */
  banking77File: string;
  /** The project's own `text,intent` CSV files. */
  examplesDirectory: string;
}

/**
 * Parses the understanding layer's settings from the environment once; defaults are the shared data folder
 * beside the checkout and `knowledge/intents/examples/`.
 */
export function loadUnderstandingConfig(environment: NodeJS.ProcessEnv = process.env): UnderstandingConfig {
  const parsed = UnderstandingEnvironment.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ChainError('INVALID_INPUT', `Invalid configuration: ${problems.join('; ')}`);
  }
  return {
    banking77File: path.resolve(
      parsed.data.BANKING77_FILE ??
        path.join(REPOSITORY_ROOT, '..', 'shared', 'data', 'banking77', 'train.csv'),
    ),
    examplesDirectory: path.resolve(
      parsed.data.INTENT_EXAMPLES_DIR ?? path.join(REPOSITORY_ROOT, 'knowledge', 'intents', 'examples'),
    ),
  };
}
