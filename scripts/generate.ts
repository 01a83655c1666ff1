import { parseArgs } from 'node:util';
import { loadConfig } from '../knowledge/config.ts';
import { type GenerateOptions, generateDataset } from '../knowledge/generate/index.ts';

const USAGE =
  'Usage: npx tsx scripts/generate.ts [--customers 10000] [--seed 42] [--out data/] [--inject-bias gender]';

/** A flag the user got wrong; reported with the flag's name and exit code 2. */
class UsageError extends Error {}

/** Parses a flag's text as a whole number within bounds, or throws a UsageError naming the flag. */
function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function parseOptions(argv: string[]): GenerateOptions {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof FLAGS; allowPositionals: false }>>;
  try {
    parsed = parseArgs({ args: argv, options: FLAGS, allowPositionals: false, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  const { values } = parsed;
  const bias = values['inject-bias'];
  if (bias !== undefined && bias !== 'gender') {
    throw new UsageError(`--inject-bias accepts only "gender", got "${bias}"`);
  }
  if (values.out !== undefined && values.out.trim() === '') {
    throw new UsageError('--out must be a folder path');
  }
  return {
    customers: wholeNumber('customers', values.customers ?? '10000', 1, 50_000_000),
    seed: wholeNumber('seed', values.seed ?? '42', 0, 0xffff_ffff),
    outDir: values.out ?? loadConfig().dataDir,
    ...(bias === 'gender' ? { injectBias: 'gender' as const } : {}),
  };
}

const FLAGS = {
  customers: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  'inject-bias': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let options: GenerateOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  const summary = await generateDataset(options);
  const bias = options.injectBias === undefined ? '' : `, bias injected: ${options.injectBias}`;
  console.log(`Generated ${summary.customers} customers (seed ${summary.seed}${bias}) in ${summary.outDir}`);
  for (const file of summary.files) {
    const rows = String(file.rows).padStart(10);
    const megabytes = (file.bytes / 1_048_576).toFixed(1);
    console.log(
      `  ${file.name.padEnd(18)} ${rows} rows ${String(file.bytes).padStart(12)} bytes (${megabytes} MB)`,
    );
  }
  console.log(`Done in ${summary.seconds.toFixed(2)} s`);
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
