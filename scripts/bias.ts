import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openSqliteAuditStore } from '../bot/audit/index.ts';
import { loggedTurnsLines } from '../bot/core/analytics-reports.ts';
import {
  auditCsv,
  type CsvAuditOptions,
  DEFAULT_NEIGHBOURS,
  FAVOURABLE_OUTCOMES,
  FairnessInputError,
  type FairnessReport,
  type FavourableOutcome,
  loggedTurnsFairnessReport,
  ProtectedSpecError,
  parseProtectedColumn,
  parseValueLabels,
  populationFairnessReport,
  renderFairnessReport,
  type ValueMatch,
} from '../chains/eval/fairness/index.ts';
import { loadFairRerankingConfig } from '../chains/recommend/index.ts';
import { loadConfig } from '../knowledge/config.ts';
import { parseDelimiter } from '../knowledge/preprocess/csv-delimiter.ts';
import { type DatasetTables, loadDataset } from '../knowledge/preprocess/index.ts';
import { createRandom } from '../knowledge/seeded-random.ts';

const USAGE = [
  'Usage: npm run bias -- [--data data/] [--favourable investment_or_premium|credit_approved] [--neighbours 50] [--seed 42] [--audit FILE]',
  '       npm run bias -- --csv FILE --protected COLUMN=PRIVILEGED[,..]|COLUMN>=N [--protected ...] --favourable COLUMN=VALUE[,VALUE]',
  '                          [--label COLUMN=VALUE[,VALUE]] [--labels COLUMN=CODE:label[,..]] [--delimiter ,|;|tab] [--seed 42]',
  '       (--protected takes =, >=, >, <, <=: \'age>25\' makes "age > 25" the privileged group and "age <= 25" the other;',
  '        the delimiter is detected from the header when not given)',
].join('\n');

const FLAGS = {
  data: { type: 'string' },
  favourable: { type: 'string' },
  neighbours: { type: 'string' },
  csv: { type: 'string' },
  protected: { type: 'string', multiple: true },
  label: { type: 'string' },
  labels: { type: 'string', multiple: true },
  delimiter: { type: 'string' },
  seed: { type: 'string' },
  audit: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** A flag the user got wrong; reported with the flag's name and exit code 2. */
class UsageError extends Error {}

type Job =
  | {
      kind: 'population';
      dataDir: string;
      favourable: FavourableOutcome;
      neighbours: number;
      seed: number;
      /** An audit log whose logged replies are audited too. */
      auditFile: string | undefined;
    }
  | { kind: 'csv'; file: string; options: CsvAuditOptions; seed: number };

function wholeNumber(flag: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value > max) {
    throw new UsageError(`--${flag} must be a whole number from 0 to ${max}, got "${text}"`);
  }
  return value;
}

/** Parses COLUMN=VALUE[,VALUE…], naming the flag when it is malformed. */
function columnValues(flag: string, text: string): ValueMatch {
  const separator = text.indexOf('=');
  const column = text.slice(0, Math.max(0, separator)).trim();
  const values = text
    .slice(separator + 1)
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');
  if (separator === -1 || column === '' || values.length === 0) {
    throw new UsageError(`--${flag} must look like COLUMN=VALUE[,VALUE], got "${text}"`);
  }
  return { column, values };
}

function parseJob(argv: string[]): Job {
  let values: ReturnType<typeof parseArgs<{ options: typeof FLAGS; allowPositionals: false }>>['values'];
  try {
    ({ values } = parseArgs({ args: argv, options: FLAGS, allowPositionals: false, strict: true }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  const seed = wholeNumber('seed', values.seed, 42, 0xffff_ffff);
  if (values.csv !== undefined) {
    if (values.data !== undefined) throw new UsageError('--data cannot be combined with --csv');
    if (values.neighbours !== undefined) throw new UsageError('--neighbours applies only to --data audits');
    if (values.audit !== undefined) throw new UsageError('--audit applies only to --data audits');
    if (values.csv.trim() === '') throw new UsageError('--csv must be a file path');
    if (!values.protected?.length) throw new UsageError('--csv needs at least one --protected COLUMN=VALUE');
    if (values.favourable === undefined) throw new UsageError('--csv needs --favourable COLUMN=VALUE');
    const label = values.label === undefined ? undefined : columnValues('label', values.label);
    const delimiter = values.delimiter === undefined ? undefined : parseDelimiter(values.delimiter);
    if (values.delimiter !== undefined && delimiter === undefined) {
      throw new UsageError(`--delimiter must be , ; or tab, got "${values.delimiter}"`);
    }
    try {
      const labels = values.labels === undefined ? undefined : parseValueLabels(values.labels);
      return {
        kind: 'csv',
        file: values.csv,
        seed,
        options: {
          protected: values.protected.map(parseProtectedColumn),
          favourable: columnValues('favourable', values.favourable),
          ...(label ? { label } : {}),
          ...(labels ? { labels } : {}),
          ...(delimiter ? { delimiter } : {}),
          random: createRandom(seed),
        },
      };
    } catch (error) {
      if (error instanceof ProtectedSpecError) throw new UsageError(error.message, { cause: error });
      throw error;
    }
  }
  for (const flag of ['protected', 'label', 'labels', 'delimiter'] as const) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag} applies only with --csv FILE`);
  }
  const favourable = values.favourable ?? 'investment_or_premium';
  if (!FAVOURABLE_OUTCOMES.includes(favourable as FavourableOutcome)) {
    throw new UsageError(
      `--favourable must be one of ${FAVOURABLE_OUTCOMES.join(', ')}, got "${favourable}"`,
    );
  }
  if (values.data !== undefined && values.data.trim() === '')
    throw new UsageError('--data must be a folder path');
  // Opening a missing SQLite file would create an empty log; say so instead.
  if (values.audit !== undefined && !existsSync(values.audit)) {
    throw new UsageError(
      `--audit ${values.audit} does not exist (the audit log is a SQLite file, e.g. .store/audit.sqlite)`,
    );
  }
  return {
    kind: 'population',
    dataDir: values.data ?? loadConfig().dataDir,
    favourable: favourable as FavourableOutcome,
    neighbours: wholeNumber('neighbours', values.neighbours, DEFAULT_NEIGHBOURS, 1000),
    seed,
    auditFile: values.audit,
  };
}

/** The replies logged in an audit log, audited against the dataset with the same outcome and seed. */
async function loggedTurnsReport(
  file: string,
  dataset: DatasetTables,
  job: { favourable: FavourableOutcome; seed: number },
): Promise<string[]> {
  const audit = openSqliteAuditStore(file, { readonly: true });
  try {
    const turns = await audit.turns({});
    return loggedTurnsLines(loggedTurnsFairnessReport(turns, dataset, job), 'full');
  } finally {
    await audit.close();
  }
}

async function run(job: Job): Promise<string[]> {
  if (job.kind === 'csv') return renderFairnessReport(await auditCsv(job.file, job.options));
  const dataset = await loadDataset(job.dataDir);
  const population: FairnessReport = populationFairnessReport(dataset, {
    favourable: job.favourable,
    neighbours: job.neighbours,
    seed: job.seed,
    source: job.dataDir,
    reranking: loadFairRerankingConfig(),
  });
  const lines = renderFairnessReport(population);
  if (job.auditFile === undefined) return lines;
  return [...lines, '', ...(await loggedTurnsReport(job.auditFile, dataset, job))];
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let job: Job;
  try {
    job = parseJob(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  let lines: string[];
  try {
    lines = await run(job);
  } catch (error) {
    // A table or flag value the audit cannot use is the user's to fix, like a bad flag.
    if (!(error instanceof FairnessInputError)) throw error;
    console.error(error.message);
    return 2;
  }
  console.log(lines.join('\n'));
  console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
