import type { BenchRun, OperationsSummary } from '../../chains/eval/bench/index.ts';
import type { FairnessReport } from '../../chains/eval/fairness/index.ts';

/** The four-fifths band as sent to the page, so the page draws the band the server flags against. */
export interface FourFifthsBand {
  lower: number;
  upper: number;
}

/** `GET /admin/api/fairness`: the recommender audited over the whole customer base. */
export interface PopulationFairnessResponse {
  band: FourFifthsBand;
  report: FairnessReport;
}

/** `GET /admin/api/fairness/logged`: the same metrics over the replies actually logged. */
export interface LoggedFairnessResponse {
  band: FourFifthsBand;
  /** Null when no logged turn recommended anything to a customer in the dataset. */
  report: FairnessReport | null;
  skipped: { noRecommendation: number; unknownCustomer: number; unknownProducts: number };
}

/** `GET /admin/api/bench?limit=N`: saved `bench:quality` runs, newest first. */
export interface BenchRunsResponse {
  runs: BenchRun[];
}

/** `GET /admin/api/operations`: latency, validator verdicts, bias-guard flags, providers and feedback. */
export interface OperationsResponse {
  operations: OperationsSummary;
}
