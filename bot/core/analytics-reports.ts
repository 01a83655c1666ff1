import { renderBenchReport, renderOperations } from '../../chains/eval/bench/index.ts';
import {
  type LoggedTurnsFairness,
  type RenderOptions,
  renderFairnessReport,
} from '../../chains/eval/fairness/index.ts';
import { understandingSummaryLine } from '../../chains/eval/understanding/index.ts';
import type { AuditStore } from '../audit/index.ts';
import { type AdminReport, type AdminReports, auditLogReports } from './admin-reports.ts';
import type { AnalyticsSource } from './analytics-source.ts';

/** What `/bias` and `/bench` read: the audit log for its own figures, and the analytics computed over it. */
export interface AnalyticsReportOptions {
  audit: Pick<AuditStore, 'turns' | 'feedback'>;
  analytics: AnalyticsSource;
}

/** Said until saved runs carry a feedback simulation. */
const FEEDBACK_SIMULATION_MISSING = 'The feedback simulation is not in the latest saved run.';

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The fairness of the replies actually logged, or why there is nothing to audit yet (`/bias` shows the overall part). */
export function loggedTurnsLines(
  logged: LoggedTurnsFairness,
  detail: RenderOptions['detail'] = 'overall',
): string[] {
  const { noRecommendation, unknownCustomer, unknownProducts } = logged.skipped;
  const skipped =
    `Skipped: ${noRecommendation} turn(s) without a customer or a recommendation, ` +
    `${unknownCustomer} about a customer not in the dataset; ${unknownProducts} recommended product id(s) not in the catalogue were ignored.`;
  if (logged.report === null) {
    return ['Logged replies: no logged turn recommended anything to a customer in the dataset yet.', skipped];
  }
  return [...renderFairnessReport(logged.report, { detail }), skipped];
}

/**
 * `/bias` and `/bench` with the full analytics. `/bias`: the audit-log figures, the recommender's fairness
 * over the whole customer base, then over the replies actually logged. `/bench`: operations from the audit
 * log, then the latest saved offline benchmark (with the change since the run before it and its retrieval
 * quality). Whatever cannot be computed is said plainly, never replaced by a number.
 */
export function analyticsReports(options: AnalyticsReportOptions): AdminReports {
  const fromLog = auditLogReports(options.audit);
  const { analytics } = options;
  return {
    bias: async () => {
      const log = await fromLog.bias();
      const missing: string[] = [];
      const population = await analytics.populationFairness().then(
        (report) => renderFairnessReport(report, { detail: 'overall' }),
        (error: unknown) => {
          missing.push(`The population fairness report could not be computed: ${errorMessage(error)}`);
          return [];
        },
      );
      const logged = await analytics.loggedTurnsFairness().then(
        (result) => loggedTurnsLines(result),
        (error: unknown) => {
          missing.push(`The fairness of the logged replies could not be computed: ${errorMessage(error)}`);
          return [];
        },
      );
      return report(log.title, [...log.lines, ...population, '', ...logged], missing);
    },
    bench: async () => {
      const understanding = await understandingLines(analytics);
      const operations = [
        ...renderOperations(await analytics.operations(), 'from the audit log'),
        ...understanding,
      ];
      const [latest, previous] = await analytics.benchRuns(2);
      const title = 'Benchmarks and operations';
      if (latest === undefined) {
        return report(title, operations, [
          'No offline benchmark has been saved yet: run `npm run bench:quality`.',
        ]);
      }
      const missing: string[] = [];
      if (latest.retrieval === undefined || latest.retrieval.status === 'skipped') {
        missing.push(
          'Retrieval quality was not measured in the latest run: run `npm run bench:quality` where the ingested store is.',
        );
      }
      // Checked by key so the line goes away by itself once runs save a simulation.
      if (!('feedbackSimulation' in latest)) missing.push(FEEDBACK_SIMULATION_MISSING);
      const saved = renderBenchReport(latest, previous, { operations: false }).trimEnd().split('\n');
      return report(title, [...operations, '', ...saved], missing);
    },
  };
}

/** One line on the latest understanding evaluation (nothing until `npm run eval:understanding` has saved one). */
async function understandingLines(analytics: AnalyticsSource): Promise<string[]> {
  if (!analytics.latestUnderstandingRun) return [];
  const latest = await analytics.latestUnderstandingRun().catch((error: unknown) => errorMessage(error));
  if (typeof latest === 'string') return [`The latest understanding evaluation could not be read: ${latest}`];
  return latest ? [understandingSummaryLine(latest)] : [];
}

function report(title: string, lines: string[], missing: string[]): AdminReport {
  return { title: title.replace(' (from the audit log)', ''), lines, missing };
}
