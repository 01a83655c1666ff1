import {
  BENCH_RESULTS_DIR,
  type BenchRun,
  loadRecentRuns,
  type OperationsSummary,
  summariseOperations,
} from '../../chains/eval/bench/index.ts';
import {
  type FairnessReport,
  type LoggedTurnsFairness,
  type LoggedTurnsTables,
  loggedTurnsFairnessReport,
  populationFairnessReport,
} from '../../chains/eval/fairness/index.ts';
import { loadLatestUnderstandingRun, type UnderstandingRun } from '../../chains/eval/understanding/index.ts';
import type { FairRerankingConfig } from '../../chains/recommend/index.ts';
import { loadDataset } from '../../knowledge/preprocess/index.ts';
import type { AuditStore } from '../audit/index.ts';

/**
 * The structured analytics every admin surface renders (Slack and Teams `/bias` and `/bench`, the admin
 * dashboard): computed here once, rendered by each channel. Slow parts (the population audit) are computed
 * once per process and shared; the audit-log parts are read fresh each time.
 */
export interface AnalyticsSource {
  /** The recommender over the whole dataset (seconds to compute; cached after the first call). */
  populationFairness(): Promise<FairnessReport>;
  /** The same metrics over the replies actually logged in the audit log. */
  loggedTurnsFairness(): Promise<LoggedTurnsFairness>;
  /** Saved `bench:quality` runs, newest first. */
  benchRuns(limit: number): Promise<BenchRun[]>;
  /** Operations from the audit log: latency, validator outcomes, bias-guard flags, providers, feedback. */
  operations(): Promise<OperationsSummary>;
  /** The latest `npm run eval:understanding` run, saved beside the bench runs. */
  latestUnderstandingRun?(): Promise<UnderstandingRun | undefined>;
}

/** Options of the analytics source. */
export interface AnalyticsSourceOptions {
  audit: Pick<AuditStore, 'turns' | 'feedback'>;
  /** The dataset the store was built from. */
  dataDir: string;
  /** Where `npm run bench:quality` saves its runs (default BENCH_RESULTS_DIR). */
  benchDir?: string;
  /** Whether the chat applies the fairness re-ranking, so the audit reports what is served (default off). */
  fairReranking?: FairRerankingConfig;
}

/** Builds the analytics source over an audit log, a dataset folder and the saved bench runs. */
export function createAnalyticsSource(options: AnalyticsSourceOptions): AnalyticsSource {
  // One load of the dataset serves both reports; only the small tables the logged-replies audit reads are
  // kept afterwards (transactions and posts are dropped), so a long-running server does not hold them.
  let computed: Promise<{ population: FairnessReport; tables: LoggedTurnsTables }> | undefined;
  const compute = () => {
    computed ??= loadDataset(options.dataDir)
      .then((dataset) => ({
        population: populationFairnessReport(dataset, {
          source: options.dataDir,
          ...(options.fairReranking === undefined ? {} : { reranking: options.fairReranking }),
        }),
        tables: { customers: dataset.customers, products: dataset.products, adoptions: dataset.adoptions },
      }))
      .catch((error: unknown) => {
        computed = undefined;
        throw error;
      });
    return computed;
  };
  return {
    populationFairness: async () => (await compute()).population,
    loggedTurnsFairness: async () => {
      const [{ tables }, turns] = await Promise.all([compute(), options.audit.turns({})]);
      return loggedTurnsFairnessReport(turns, tables);
    },
    benchRuns: (limit) => loadRecentRuns(options.benchDir ?? BENCH_RESULTS_DIR, limit),
    latestUnderstandingRun: () => loadLatestUnderstandingRun(options.benchDir ?? BENCH_RESULTS_DIR),
    operations: async () => {
      const [turns, feedback] = await Promise.all([options.audit.turns({}), options.audit.feedback({})]);
      return summariseOperations(turns, feedback);
    },
  };
}
