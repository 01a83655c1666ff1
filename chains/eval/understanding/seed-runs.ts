import type { IntentEvaluation } from './evaluate-intents.ts';

/** The figures of one validation split (one split seed). */
export interface SeedFigures {
  seed: number;
  banking77Accuracy: number | null;
  accuracy: number;
  macroF1: number;
  outOfScopePrecision: number;
  outOfScopeRecall: number;
}

/** Figures over several split seeds: each seed's and their means. */
export interface SeedSummary {
  seeds: SeedFigures[];
  mean: Omit<SeedFigures, 'seed'>;
}

/** The split seeds `--seeds N` evaluates: N seeds after the default one, so none repeats it. */
export function splitSeeds(defaultSeed: number, count: number): number[] {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`--seeds must be a whole number ≥ 1, got ${count}`);
  return Array.from({ length: count }, (_, index) => defaultSeed + 1 + index);
}

/** One seed's figures from its evaluation. */
export function seedFigures(seed: number, evaluation: IntentEvaluation): SeedFigures {
  return {
    seed,
    banking77Accuracy: evaluation.banking77Accuracy,
    accuracy: evaluation.accuracy,
    macroF1: evaluation.macroF1,
    outOfScopePrecision: evaluation.outOfScope.precision,
    outOfScopeRecall: evaluation.outOfScope.recall,
  };
}

/** Arithmetic means over the seeds (Banking77 accuracy over the seeds that have it; null when none). */
export function summariseSeeds(seeds: readonly SeedFigures[]): SeedSummary {
  if (seeds.length === 0) throw new RangeError('a seed summary needs at least one seed');
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const banking77 = seeds.flatMap((seed) =>
    seed.banking77Accuracy === null ? [] : [seed.banking77Accuracy],
  );
  return {
    seeds: [...seeds],
    mean: {
      banking77Accuracy: banking77.length > 0 ? mean(banking77) : null,
      accuracy: mean(seeds.map((seed) => seed.accuracy)),
      macroF1: mean(seeds.map((seed) => seed.macroF1)),
      outOfScopePrecision: mean(seeds.map((seed) => seed.outOfScopePrecision)),
      outOfScopeRecall: mean(seeds.map((seed) => seed.outOfScopeRecall)),
    },
  };
}

/** The terminal table: one line per seed, then the mean. */
export function renderSeedSummary(summary: SeedSummary): string {
  const percent = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
  const line = (name: string, figures: Omit<SeedFigures, 'seed'>) =>
    `  ${name.padEnd(8)} Banking77 ${percent(figures.banking77Accuracy)}, all intents ${percent(figures.accuracy)}, ` +
    `macro-F1 ${percent(figures.macroF1)}, out of scope precision ${percent(figures.outOfScopePrecision)} / ` +
    `recall ${percent(figures.outOfScopeRecall)}`;
  return [
    `Validation splits over ${summary.seeds.length} split seeds (a model trained per seed)`,
    ...summary.seeds.map((seed) => line(`seed ${seed.seed}`, seed)),
    line('mean', summary.mean),
  ].join('\n');
}
