import { createRequire } from 'node:module';
import type { XGBoostConstructor, XGBoostOptions } from 'ml-xgboost';

const XGBoost = await loadXGBoost();

/**
 * Loads ml-xgboost, whose 2017 Emscripten runtime has two habits undone here. It tries to stream
 * its .wasm through fetch, which cannot read a file path in Node, and prints "wasm streaming
 * compile failed" before falling back to reading the file: hiding instantiateStreaming for the
 * synchronous require sends it straight to the fallback. And it installs a process-wide
 * uncaughtException listener that rethrows, which would change how every importer of the bench
 * crashes: it is removed. The module is CommonJS whose export is a promise, which a default import
 * wraps differently under Node and Vitest, so it is required as is.
 */
async function loadXGBoost(): Promise<XGBoostConstructor> {
  const listenersBefore = new Set(process.listeners('uncaughtException'));
  const streaming = Object.getOwnPropertyDescriptor(WebAssembly, 'instantiateStreaming');
  let loading: Promise<XGBoostConstructor>;
  try {
    if (streaming?.configurable) Reflect.deleteProperty(WebAssembly, 'instantiateStreaming');
    loading = createRequire(import.meta.url)('ml-xgboost') as Promise<XGBoostConstructor>;
  } finally {
    if (streaming?.configurable) Object.defineProperty(WebAssembly, 'instantiateStreaming', streaming);
    for (const listener of process.listeners('uncaughtException')) {
      if (!listenersBefore.has(listener)) process.removeListener('uncaughtException', listener);
    }
  }
  return loading;
}

/** What one gradient-boosted tree model learns and how. */
export interface BoostedTreesPlan {
  /** Squared error on a real target, or log loss on a 0/1 target (predicting its probability). */
  objective: 'reg:linear' | 'binary:logistic';
  rows: readonly (readonly number[])[];
  targets: readonly number[];
  /** Seeds XGBoost's row and column subsampling. */
  seed: number;
  /** Boosting rounds (default 60). */
  rounds?: number;
}

/** Learning rate, depth and subsampling shared by every spend model: small, regularised trees. */
const TREE_OPTIONS: XGBoostOptions = {
  booster: 'gbtree',
  max_depth: 4,
  eta: 0.1,
  min_child_weight: 20,
  subsample: 0.8,
  colsample_bytree: 0.8,
  silent: 1,
};

/**
 * Trains XGBoost on `plan` and predicts each of `inputs` (sets of rows), freeing the booster's
 * WebAssembly memory whatever happens: XGBoost boosters are never garbage-collected.
 */
export function predictWithBoostedTrees(
  plan: BoostedTreesPlan,
  inputs: readonly (readonly (readonly number[])[])[],
): Float64Array[] {
  const booster = new XGBoost({
    ...TREE_OPTIONS,
    objective: plan.objective,
    seed: plan.seed,
    iterations: plan.rounds ?? 60,
  });
  try {
    booster.train(plan.rows, plan.targets);
    return inputs.map((rows) =>
      rows.length === 0 ? new Float64Array(0) : Float64Array.from(booster.predict(rows)),
    );
  } finally {
    booster.free();
  }
}
