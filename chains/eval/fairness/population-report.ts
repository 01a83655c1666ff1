import { SPLIT_DATE } from '../../../knowledge/generate/index.ts';
import type { DatasetTables } from '../../../knowledge/preprocess/index.ts';
import { createRandom } from '../../../knowledge/seeded-random.ts';
import { DEFAULT_RECOMMENDATION_LIMIT, type FairRerankingConfig } from '../../recommend/index.ts';
import { AGE_LEGITIMATE_FACTORS, YOUNG_ADULTS } from './age-strata.ts';
import { FAVOURABLE_DESCRIPTIONS, type FavourableOutcome } from './audit-row.ts';
import { conditionalDisparateImpact } from './conditional-disparity.ts';
import { dataOutcomeRows } from './data-outcomes.ts';
import { compareDataWithModel } from './data-versus-model.ts';
import { type AuditRow, buildFairnessReport, type FairnessReport } from './fairness-report.ts';
import {
  auditLoggedTurns,
  auditPopulation,
  type LoggedTurn,
  type LoggedTurnsAudit,
  type LoggedTurnsTables,
} from './population-audit.ts';

/** Options of a population fairness report. */
export interface PopulationReportOptions {
  favourable?: FavourableOutcome;
  /** The fairness-constrained re-ranking for 18–24 (loadFairRerankingConfig); off when omitted. */
  reranking?: FairRerankingConfig;
  neighbours?: number;
  /** Seed of the bootstrap intervals, so a report is reproducible. */
  seed?: number;
  /** Where the data came from, for the title. */
  source: string;
}

/** The recommender run over a whole dataset, reported with the fairness metrics: what `/bias` shows. */
export function populationFairnessReport(
  dataset: DatasetTables,
  options: PopulationReportOptions,
): FairnessReport {
  const favourable = options.favourable ?? 'investment_or_premium';
  const reranking = options.reranking ?? {
    enabled: false,
    minimumShare: 0.34,
    k: DEFAULT_RECOMMENDATION_LIMIT,
  };
  const audit = auditPopulation(dataset, {
    favourable,
    reranking: { apply: reranking.enabled, k: reranking.k, minimumShare: reranking.minimumShare },
    ...(options.neighbours === undefined ? {} : { neighbours: options.neighbours }),
  });
  const neighbours = audit.neighbours === 0 ? 'no neighbours' : `${audit.neighbours} nearest neighbours`;
  const seed = options.seed ?? 42;
  const report = buildFairnessReport(audit.rows, {
    random: createRandom(seed),
    title: `recommender over ${audit.rows.length} customers in ${options.source} (profiles before ${audit.asOf}, ${neighbours}${reranking.enabled ? ', fairness re-ranking on' : ''})`,
    favourable: FAVOURABLE_DESCRIPTIONS[favourable],
    label: `took up such a product on or after ${audit.asOf}${audit.asOf === SPLIT_DATE ? ' (the split date)' : ''}`,
  });
  // The data's own disparities: the same metrics over what customers adopted, whatever any model offered.
  const dataReport = buildFairnessReport(dataOutcomeRows(dataset, favourable), {
    random: createRandom(seed),
    resamples: DATA_SIDE_RESAMPLES,
  });
  const conditional = (rows: readonly AuditRow[]) =>
    conditionalDisparateImpact(
      rows.map((row) => ({
        stratum: row.stratum ?? 'all',
        protected: row.age_band === YOUNG_ADULTS.group,
        favourable: row.favourable,
      })),
      {
        protectedGroup: YOUNG_ADULTS.group,
        referenceGroup: YOUNG_ADULTS.reference,
        factors: AGE_LEGITIMATE_FACTORS,
        minStratumSize: report.minGroupSize,
      },
    );
  return {
    ...report,
    dataVersusModel: compareDataWithModel(dataReport, report, {
      dataOutcome: 'adopted (any date in the data); product types: adopted a product of that type',
      attributes: DATA_MODEL_ATTRIBUTES,
    }),
    ageConditional: {
      rerankingApplied: reranking.enabled,
      minimumShare: reranking.minimumShare,
      original: conditional(audit.originalRows),
      reranked: conditional(audit.rerankedRows),
    },
  };
}

/** The data side's intervals are not shown, so fewer resamples keep the report quick. */
const DATA_SIDE_RESAMPLES = 200;
/** Attributes compared data against model (the intersection would double the list for little). */
const DATA_MODEL_ATTRIBUTES = ['gender', 'age_band', 'income_quartile'] as const;

/** The fairness report over logged replies, with the turns that could not be audited. */
export interface LoggedTurnsFairness {
  /** Null when no logged turn recommended anything to a customer in the dataset. */
  report: FairnessReport | null;
  skipped: LoggedTurnsAudit['skipped'];
}

/** Options of the logged-turns report (the defaults are what `/bias` uses). */
export interface LoggedTurnsReportOptions {
  favourable?: FavourableOutcome;
  /** Seed of the bootstrap intervals (default 42). */
  seed?: number;
}

/** The same metrics over replies actually logged: what `/bias` and `npm run bias -- --audit FILE` show. */
export function loggedTurnsFairnessReport(
  turns: readonly LoggedTurn[],
  dataset: LoggedTurnsTables,
  options: LoggedTurnsReportOptions = {},
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
