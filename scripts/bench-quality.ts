import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadAppConfig } from '../bot/app-config.ts';
import { openSqliteAuditStore } from '../bot/audit/index.ts';
import {
  BENCH_RESULTS_DIR,
  loadPreviousRun,
  measureRetrievalQuality,
  type OperationsSummary,
  type RetrievalOutcome,
  renderBenchReport,
  runBench,
  saveBenchRun,
  summariseOperations,
} from '../chains/eval/bench/index.ts';
import { loadFairRerankingConfig } from '../chains/recommend/index.ts';
import { type KnowledgeConfig, loadConfig } from '../knowledge/config.ts';
import { ARTICLES_DIR, KnowledgeError, openKnowledgeBase } from '../knowledge/index.ts';
import { inputFingerprint, readIngestManifest } from '../knowledge/ingest-manifest.ts';
import { countCollections } from '../knowledge/store/knowledge-store.ts';

const USAGE =
  'Usage: npm run bench:quality -- [--data data/] [--out bench-results/] [--seed 42] [--cutoff 2026-01-01] [--k 5]\n' +
  '       [--audit FILE (default: AUDIT_DB when that file exists)] [--no-retrieval]';

/** A flag the user got wrong; reported with the flag's name and exit code 2. */
class UsageError extends Error {}

const FLAGS = {
  data: { type: 'string' },
  out: { type: 'string' },
  seed: { type: 'string' },
  cutoff: { type: 'string' },
  k: { type: 'string' },
  audit: { type: 'string' },
  'no-retrieval': { type: 'boolean' },
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
  if (values.audit !== undefined && !existsSync(values.audit)) {
    throw new UsageError(
      `--audit ${values.audit} does not exist (the audit log is a SQLite file, e.g. .store/audit.sqlite)`,
    );
  }
  const defaultAudit = loadAppConfig().auditDb;
  return {
    dataDir: values.data ?? loadConfig().dataDir,
    outDir: values.out ?? BENCH_RESULTS_DIR,
    auditFile: values.audit ?? (existsSync(defaultAudit) ? defaultAudit : undefined),
    retrieval: !values['no-retrieval'],
    seed,
    run: {
      ...(seed === undefined ? {} : { seed }),
      ...(k === undefined ? {} : { k }),
      ...(values.cutoff === undefined ? {} : { cutoff: values.cutoff }),
    },
  };
}

/** Operations from an audit log, read-only (the app may be writing to it); null without one. */
async function readOperations(file: string | undefined): Promise<OperationsSummary | null> {
  if (file === undefined) return null;
  const audit = openSqliteAuditStore(file, { readonly: true });
  try {
    const [turns, feedback] = await Promise.all([audit.turns({}), audit.feedback({})]);
    return summariseOperations(turns, feedback);
  } finally {
    await audit.close();
  }
}

/**
 * Why the app's store cannot stand for `dataDir`, or undefined when it can: the last complete ingest must
 * have read these very inputs (its fingerprint) so the measured vectors are the ones the advisor searches.
 */
async function storeMismatch(config: KnowledgeConfig, dataDir: string): Promise<string | undefined> {
  const manifest = await readIngestManifest(config.storeDir);
  const ingest = `run \`npm run ingest -- --data ${dataDir}\` with the same STORE_DIR first`;
  if (manifest === undefined) return `no complete ingest is recorded in ${config.storeDir}; ${ingest}.`;
  const fingerprints = await Promise.all(
    [false, true].map((skipInvalid) => inputFingerprint(dataDir, ARTICLES_DIR, config, skipInvalid)),
  );
  if (!fingerprints.includes(manifest.fingerprint)) {
    return `the store in ${config.storeDir} was ingested from other data or embedder settings than ${dataDir}; ${ingest}.`;
  }
  return undefined;
}

/** Measures the app's own Chroma store (started if none is running), or says why it was skipped. */
async function measureAppStore(dataDir: string, seed: number | undefined): Promise<RetrievalOutcome> {
  const config = loadConfig();
  const mismatch = await storeMismatch(config, dataDir);
  if (mismatch !== undefined) return { status: 'skipped', reason: mismatch };
  let knowledge: Awaited<ReturnType<typeof openKnowledgeBase>>;
  try {
    knowledge = await openKnowledgeBase(config);
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    return { status: 'skipped', reason: `the store could not be opened: ${error.message}` };
  }
  try {
    const manifest = await readIngestManifest(config.storeDir);
    const counts = await countCollections(knowledge.connection.url);
    const expected = manifest?.counts;
    if (
      expected === undefined ||
      counts.profiles !== expected.profiles ||
      counts.products !== expected.products ||
      counts.articles !== expected.articles
    ) {
      return {
        status: 'skipped',
        reason: `the store at ${knowledge.connection.url} holds ${counts.profiles}/${counts.products}/${counts.articles} profiles/products/articles, not what its last ingest recorded; re-run \`npm run ingest\`.`,
      };
    }
    const quality = await measureRetrievalQuality({
      chromaUrl: knowledge.connection.url,
      embedder: knowledge.embedder.embedder,
      ...(seed === undefined ? {} : { seed }),
    });
    return { status: 'measured', quality };
  } finally {
    await knowledge.close();
  }
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
  const operations = await readOperations(options.auditFile);
  const reranking = loadFairRerankingConfig();
  const run = await runBench(options.dataDir, {
    ...options.run,
    fairReranking: { k: reranking.k, minimumShare: reranking.minimumShare },
    operations,
    retrieval: options.retrieval
      ? () => measureAppStore(options.dataDir, options.seed)
      : async () => ({ status: 'skipped', reason: '--no-retrieval was given.' }),
    onProgress: (message) => console.error(`… ${message}`),
  });
  if (run.retrieval?.status === 'skipped')
    console.error(`Retrieval quality skipped: ${run.retrieval.reason}`);
  const saved = await saveBenchRun(run, options.outDir);
  console.log(renderBenchReport(run, previous));
  console.log(`Saved ${saved}; elapsed ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
