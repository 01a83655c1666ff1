import { SPLIT_DATE } from '../../../knowledge/generate/index.ts';
import type { DatasetTables } from '../../../knowledge/preprocess/index.ts';
import { createRandom } from '../../../knowledge/seeded-random.ts';
import { FAVOURABLE_DESCRIPTIONS, type FavourableOutcome } from './audit-row.ts';
import { buildFairnessReport, type FairnessReport } from './fairness-report.ts';
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
  const audit = auditPopulation(dataset, {
    favourable,
    ...(options.neighbours === undefined ? {} : { neighbours: options.neighbours }),
  });
  const neighbours = audit.neighbours === 0 ? 'no neighbours' : `${audit.neighbours} nearest neighbours`;
  return buildFairnessReport(audit.rows, {
    random: createRandom(options.seed ?? 42),
    title: `recommender over ${audit.rows.length} customers in ${options.source} (profiles before ${audit.asOf}, ${neighbours})`,
    favourable: FAVOURABLE_DESCRIPTIONS[favourable],
    label: `took up such a product on or after ${audit.asOf}${audit.asOf === SPLIT_DATE ? ' (the split date)' : ''}`,
  });
}

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
