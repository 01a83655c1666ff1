import {
  BENCH_RESULTS_DIR,
  type BenchRun,
  loadRecentRuns,
  type OperationsSummary,
  summariseOperations,
} from '../../chains/eval/bench/index.ts';
import {
  auditLoggedTurns,
  buildFairnessReport,
  FAVOURABLE_DESCRIPTIONS,
  type FairnessReport,
  type FavourableOutcome,
  type LoggedTurn,
  populationFairnessReport,
} from '../../chains/eval/fairness/index.ts';
import { type DatasetTables, loadDataset } from '../../knowledge/preprocess/index.ts';
import { createRandom } from '../../knowledge/seeded-random.ts';
import type { AuditStore } from '../audit/index.ts';

/** The fairness audit of replies actually logged, with the turns that could not be audited. */
export interface LoggedTurnsFairness {
  /** Null when no logged turn recommended anything to a customer in the dataset. */
  report: FairnessReport | null;
  skipped: { noRecommendation: number; unknownCustomer: number; unknownProducts: number };
}

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
}

/** Options of the logged-turns audit (the defaults are what `/bias` uses). */
export interface LoggedTurnsFairnessOptions {
  favourable?: FavourableOutcome;
  /** Seed of the bootstrap intervals (default 42). */
  seed?: number;
}

/** The fairness report over logged replies, shared by `/bias` and `npm run bias -- --audit FILE`. */
export function loggedTurnsFairness(
  turns: readonly LoggedTurn[],
  dataset: DatasetTables,
  options: LoggedTurnsFairnessOptions = {},
): LoggedTurnsFairness {
  const favourable = options.favourable ?? 'investment_or_premium';
  const audited = auditLoggedTurns(turns, dataset, { favourable });
  const report =
    audited.rows.length === 0
      ? null
      : buildFairnessReport(audited.rows, {
          random: createRandom(options.seed ?? 42),
          title: `replies logged in the audit log (${audited.rows.length} turns with recommendations)`,
          favourable: FAVOURABLE_DESCRIPTIONS[favourable],
          label: 'took up such a product on or after the split date',
        });
  return { report, skipped: audited.skipped };
}

/** Options of the analytics source. */
export interface AnalyticsSourceOptions {
  audit: Pick<AuditStore, 'turns' | 'feedback'>;
  /** The dataset the store was built from. */
  dataDir: string;
  /** Where `npm run bench:quality` saves its runs (default BENCH_RESULTS_DIR). */
  benchDir?: string;
}

/** Builds the analytics source over an audit log, a dataset folder and the saved bench runs. */
export function createAnalyticsSource(options: AnalyticsSourceOptions): AnalyticsSource {
  let dataset: Promise<DatasetTables> | undefined;
  let population: Promise<FairnessReport> | undefined;
  const loadData = () => {
    dataset ??= loadDataset(options.dataDir).catch((error: unknown) => {
      dataset = undefined;
      throw error;
    });
    return dataset;
  };
  return {
    populationFairness: () => {
      population ??= loadData()
        .then((tables) => populationFairnessReport(tables, { source: options.dataDir }))
        .catch((error: unknown) => {
          population = undefined;
          throw error;
        });
      return population;
    },
    loggedTurnsFairness: async () => {
      const [tables, turns] = await Promise.all([loadData(), options.audit.turns({})]);
      return loggedTurnsFairness(turns, tables);
    },
    benchRuns: (limit) => loadRecentRuns(options.benchDir ?? BENCH_RESULTS_DIR, limit),
    operations: async () => {
      const [turns, feedback] = await Promise.all([options.audit.turns({}), options.audit.feedback({})]);
      return summariseOperations(turns, feedback);
    },
  };
}
