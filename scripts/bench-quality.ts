import { parseArgs } from 'node:util';
import {
  BENCH_RESULTS_DIR,
  loadPreviousRun,
  renderBenchReport,
  runBench,
  saveBenchRun,
} from '../chains/eval/bench/index.ts';
import { loadConfig } from '../knowledge/config.ts';

const USAGE =
  'Usage: npm run bench:quality -- [--data data/] [--out bench-results/] [--seed 42] [--cutoff 2026-01-01] [--k 5]';

/** A flag the user got wrong; reported with the flag's name and exit code 2. */
class UsageError extends Error {}

const FLAGS = {
  data: { type: 'string' },
  out: { type: 'string' },
  seed: { type: 'string' },
  cutoff: { type: 'string' },
  k: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function wholeNumber(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function parseOptions(argv: string[]) {
  let values: ReturnType<typeof parseArgs<{ options: typeof FLAGS; allowPositionals: false }>>['values'];
  try {
    values = parseArgs({ args: argv, options: FLAGS, allowPositionals: false, strict: true }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (values.cutoff !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.cutoff)) {
    throw new UsageError(`--cutoff must be a date like 2026-01-01, got "${values.cutoff}"`);
  }
  const seed = wholeNumber('seed', values.seed, 0, 0xffff_ffff);
  const k = wholeNumber('k', values.k, 1, 32);
  return {
    dataDir: values.data ?? loadConfig().dataDir,
    outDir: values.out ?? BENCH_RESULTS_DIR,
    run: {
      ...(seed === undefined ? {} : { seed }),
      ...(k === undefined ? {} : { k }),
      ...(values.cutoff === undefined ? {} : { cutoff: values.cutoff }),
    },
  };
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  const previous = await loadPreviousRun(options.outDir);
  const run = await runBench(options.dataDir, {
    ...options.run,
    onProgress: (message) => console.error(`… ${message}`),
  });
  const saved = await saveBenchRun(run, options.outDir);
  console.log(renderBenchReport(run, previous));
  console.log(`Saved ${saved}; elapsed ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
