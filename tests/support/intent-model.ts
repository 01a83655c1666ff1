import { cp, mkdir, rmdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import {
  type IntentModel,
  intentFingerprint,
  loadUnderstandingConfig,
  type PreparedIntentModel,
  prepareIntentModel,
} from '../../chains/understand/index.ts';
import { ensureValidatorPromissoryModel } from '../../chains/validate/index.ts';
import { ensureInjectionDetector } from '../../knowledge/index.ts';

/**
 * The real intent model (Banking77 + the project's examples), trained at most once per input fingerprint on
 * this machine: it is kept under os.tmpdir() in a folder named by its fingerprint (so branches with different
 * training code or examples keep their own models instead of retraining over each other), and later test files
 * and runs load it (about a second) instead of training (a minute). A lock folder stops parallel test workers
 * training it twice.
 */
const CACHE_DIR = path.join(os.tmpdir(), 'finadvisor-test-intent-model');
const LOCK_DIR = path.join(os.tmpdir(), 'finadvisor-test-intent-model.lock');
const STALE_LOCK_MS = 5 * 60_000;

let prepared: Promise<PreparedIntentModel> | undefined;

/** The shared, trained intent model for tests. */
export async function testIntentModel(): Promise<IntentModel> {
  return (await preparedTestIntentModel()).model;
}

/** The shared model with how it was obtained (trained now or loaded from the cache). */
export function preparedTestIntentModel(): Promise<PreparedIntentModel> {
  prepared ??= withLock(async () => {
    const config = loadUnderstandingConfig({});
    return await prepareIntentModel(await intentModelCacheDir(), config);
  });
  return prepared;
}

/** The cache folder of the intent model for the current inputs and training options. */
async function intentModelCacheDir(): Promise<string> {
  const fingerprint = await intentFingerprint(loadUnderstandingConfig({}));
  return path.join(CACHE_DIR, `intent-${fingerprint.slice(0, 16)}`);
}

let allModels: Promise<void> | undefined;

/**
 * Puts every trained model `npm start` and `npm run ingest` look for (intent, injection, promissory) into
 * `storeDir/understanding`, copied from this machine's test cache (trained there at most once per input
 * fingerprint), so tests of the real CLIs measure the CLIs, not model training.
 */
export async function seedStoreWithTrainedModels(storeDir: string): Promise<void> {
  await prepareTestModels();
  const target = path.join(storeDir, 'understanding');
  await cp(path.join(CACHE_DIR, 'understanding'), target, { recursive: true });
  await cp(path.join(await intentModelCacheDir(), 'understanding'), target, { recursive: true });
}

/** Trains (or finds in this machine's cache) the intent, injection and promissory models the tests share. */
export function prepareTestModels(): Promise<void> {
  allModels ??= (async () => {
    await preparedTestIntentModel();
    await withLock(async () => {
      await ensureInjectionDetector(CACHE_DIR);
      await ensureValidatorPromissoryModel(CACHE_DIR);
    });
  })();
  return allModels;
}

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      await mkdir(LOCK_DIR);
      break;
    } catch {
      const held = await stat(LOCK_DIR).catch(() => null);
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) await rmdir(LOCK_DIR).catch(() => undefined);
      await delay(250);
    }
  }
  try {
    return await work();
  } finally {
    await rmdir(LOCK_DIR).catch(() => undefined);
  }
}
