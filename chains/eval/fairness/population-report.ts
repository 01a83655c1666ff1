import { SPLIT_DATE } from '../../../knowledge/generate/index.ts';
import type { DatasetTables } from '../../../knowledge/preprocess/index.ts';
import { createRandom } from '../../../knowledge/seeded-random.ts';
import { FAVOURABLE_DESCRIPTIONS, type FavourableOutcome } from './audit-row.ts';
import { buildFairnessReport, type FairnessReport } from './fairness-report.ts';
import { auditPopulation } from './population-audit.ts';

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
