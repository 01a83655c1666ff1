import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DATA_FILES, loadDataset } from '../../../knowledge/preprocess/index.ts';
import { SPEND_CATEGORIES } from '../../../knowledge/schemas.ts';
import { type RerankingConstraint, SUITABILITY_RULES } from '../../recommend/index.ts';
import { FairRerankingEvaluation } from './fair-reranking-evaluation.ts';
import {
  FeedbackSimulation,
  type FeedbackSimulationOptions,
  simulateFeedback,
} from './feedback-simulation.ts';
import { evaluateRecommenders, type RankingEvaluation } from './offline-evaluation.ts';
import { OperationsSummary } from './operations-summary.ts';
import { RANKING_METHODS } from './prepare-recommenders.ts';
import { RetrievalOutcome } from './retrieval-quality.ts';
import { evaluateSpendPrediction, type SpendPredictionResult } from './spend-prediction.ts';

const RankingEvaluationSchema = z.object({
  cutoff: z.string(),
  k: z.number(),
  seed: z.number(),
  embedderId: z.string(),
  neighbourSpace: z.string(),
  customers: z.number(),
  relevantAdoptions: z.number(),
  usersEvaluated: z.number(),
  methods: z.array(
    z.object({
      method: z.enum(RANKING_METHODS),
      precisionAt3: z.number(),
      recallAt5: z.number(),
      ndcgAt5: z.number(),
      mapAt7: z.number(),
      coverage: z.number(),
      suitabilityViolationShare: z.number(),
      violationsByRule: z.record(z.enum(SUITABILITY_RULES), z.number()),
      recommendedItems: z.number(),
      usersEvaluated: z.number(),
    }),
  ),
  fairReranking: FairRerankingEvaluation.optional(),
  seconds: z.number(),
}) satisfies z.ZodType<RankingEvaluation>;

const SpendPredictionSchema = z.object({
  /** Which model made the forecasts; runs saved before it was recorded used a random forest. */
  model: z.string().optional(),
  cutoff: z.string(),
  seed: z.number(),
  historyMonths: z.number(),
  horizonMonths: z.number(),
  trainingPairs: z.number(),
  pairs: z.number(),
  customersEvaluated: z.number(),
  mae: z.object({ randomForest: z.number(), customerMean: z.number(), globalMean: z.number() }),
  improvementPercent: z.object({ vsCustomerMean: z.number(), vsGlobalMean: z.number() }),
  categories: z.array(
    z.object({
      category: z.enum(SPEND_CATEGORIES),
      pairs: z.number(),
      randomForest: z.number(),
      customerMean: z.number(),
      globalMean: z.number(),
    }),
  ),
  seconds: z.number(),
}) satisfies z.ZodType<SpendPredictionResult>;

/** One saved benchmark run: what was measured, on which data and code, and how long it took. */
export const BenchRun = z.object({
  timestamp: z.iso.datetime(),
  /** First 16 hex digits of the SHA-256 over the data files, so runs on different data are not compared blindly. */
  dataVersion: z.string(),
  gitCommit: z.string(),
  embedder: z.string(),
  /** The LLM provider used; the quality bench ranks and predicts offline, so 'none'. */
  provider: z.string(),
  ranking: RankingEvaluationSchema,
  spend: SpendPredictionSchema,
  /** Retrieval quality of the Chroma store, or why it was skipped; absent in runs saved before it was measured. */
  retrieval: RetrievalOutcome.optional(),
  /** Operations from the audit log at the time of the run; null when no audit log was read, absent in older runs. */
  operations: OperationsSummary.nullable().optional(),
  /** NDCG@5 per round with and without learned feedback; absent when skipped or in runs saved before it existed. */
  feedbackSimulation: FeedbackSimulation.optional(),
  /** Wall-clock seconds for the whole run, loading included. */
  seconds: z.number(),
  stageSeconds: z.object({
    load: z.number(),
    ranking: z.number(),
    spend: z.number(),
    retrieval: z.number().optional(),
    feedbackSimulation: z.number().optional(),
  }),
});
/** A saved benchmark run, as parsed by the BenchRun schema. */
export type BenchRun = z.output<typeof BenchRun>;

/** Options of a benchmark run. */
export interface RunBenchOptions {
  cutoff?: string;
  seed?: number;
  /** List length for coverage and suitability violations (default 5). */
  k?: number;
  /** The fairness re-ranking measured before/after (FAIR_RERANKING_MIN_SHARE; default share 0.34 over 3). */
  fairReranking?: RerankingConstraint;
  /** Folder whose `.git` names the commit (default the working directory). */
  repoDir?: string;
  /** Clock for the timestamp (default `new Date()`), injectable so tests are exact. */
  now?: () => Date;
  /** Drop invalid rows instead of failing on them. */
  skipInvalid?: boolean;
  /**
   * Measures the Chroma store (it needs a server and the embedder, which the caller owns); the run saves its
   * outcome. Omitted: the run has no `retrieval` field.
   */
  retrieval?: () => Promise<RetrievalOutcome>;
  /** Operations read from the audit log by the caller (chains cannot read the bot's log); null when there is none. */
  operations?: OperationsSummary | null;
  /** Options of the feedback simulation (seed and cut-off default to the run's); false skips it. */
  feedbackSimulation?: FeedbackSimulationOptions | false;
  /** Progress lines, e.g. for the CLI. */
  onProgress?: (message: string) => void;
}

/**
 * Loads a data directory and runs both offline benchmarks on it: ranking (ours vs baselines) and spend prediction.
 * @example const run = await runBench('data', { seed: 42 });
 */
export async function runBench(dataDir: string, options: RunBenchOptions = {}): Promise<BenchRun> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const timestamp = (options.now?.() ?? new Date()).toISOString();
  const common = {
    ...(options.cutoff === undefined ? {} : { cutoff: options.cutoff }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  };
  progress(`Loading ${dataDir}`);
  const [dataset, dataVersion, gitCommit] = await Promise.all([
    loadDataset(dataDir, { skipInvalid: options.skipInvalid ?? false }),
    hashDataFiles(dataDir),
    readGitCommit(options.repoDir ?? process.cwd()),
  ]);
  const loaded = performance.now();
  progress(
    `Ranking ${dataset.customers.length} customers with ours and ${RANKING_METHODS.length - 1} baselines`,
  );
  const ranking = await evaluateRecommenders(dataset, {
    ...common,
    ...(options.k === undefined ? {} : { k: options.k }),
    ...(options.fairReranking === undefined ? {} : { fairReranking: options.fairReranking }),
  });
  const ranked = performance.now();
  if (options.feedbackSimulation !== false) progress('Simulating feedback rounds with and without learning');
  const feedbackSimulation =
    options.feedbackSimulation === false
      ? undefined
      : await simulateFeedback(dataset, { ...common, ...options.feedbackSimulation });
  const simulated = performance.now();
  progress('Predicting spend');
  const spend = evaluateSpendPrediction(dataset, common);
  const predicted = performance.now();
  if (options.retrieval) progress('Retrieval quality of the Chroma store');
  const retrieval = options.retrieval ? await options.retrieval() : undefined;
  const finished = performance.now();
  return {
    timestamp,
    dataVersion,
    gitCommit,
    embedder: ranking.embedderId,
    provider: 'none',
    ranking,
    spend,
    ...(retrieval === undefined ? {} : { retrieval }),
    ...(options.operations === undefined ? {} : { operations: options.operations }),
    ...(feedbackSimulation === undefined ? {} : { feedbackSimulation }),
    seconds: (finished - started) / 1000,
    stageSeconds: {
      load: (loaded - started) / 1000,
      ranking: (ranked - loaded) / 1000,
      spend: (predicted - simulated) / 1000,
      ...(feedbackSimulation === undefined ? {} : { feedbackSimulation: (simulated - ranked) / 1000 }),
      ...(retrieval === undefined ? {} : { retrieval: (finished - predicted) / 1000 }),
    },
  };
}

/** SHA-256 over every data file in DATA_FILES order, each prefixed by its name; first 16 hex digits. */
export async function hashDataFiles(dataDir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of DATA_FILES) {
    hash.update(`${file}\0`);
    // products.json, adoptions.csv and social_media.csv are optional (see loadDataset).
    if (!existsSync(path.join(dataDir, file))) {
      hash.update('(absent)');
      continue;
    }
    for await (const chunk of createReadStream(path.join(dataDir, file))) hash.update(chunk as Buffer);
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The checked-out commit, read from `.git` directly (HEAD, then the loose or packed ref it names),
 * so the bench needs no git binary; 'unknown' outside a repository.
 */
export async function readGitCommit(repoDir: string): Promise<string> {
  try {
    const gitDir = path.join(repoDir, '.git');
    const head = (await readFile(path.join(gitDir, 'HEAD'), 'utf8')).trim();
    const ref = /^ref: (.+)$/.exec(head)?.[1];
    if (ref === undefined) return /^[0-9a-f]{40}$/.test(head) ? head : 'unknown';
    const loose = await readFile(path.join(gitDir, ref), 'utf8').catch(() => undefined);
    if (loose !== undefined) return loose.trim();
    const packed = await readFile(path.join(gitDir, 'packed-refs'), 'utf8');
    const line = packed.split('\n').find((entry) => entry.endsWith(` ${ref}`));
    return line?.split(' ')[0] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
