import { renderBenchReport, renderOperations } from '../../chains/eval/bench/index.ts';
import {
  type LoggedTurnsFairness,
  type RenderOptions,
  renderFairnessReport,
  verdictCounts,
} from '../../chains/eval/fairness/index.ts';
import { understandingSummaryLine } from '../../chains/eval/understanding/index.ts';
import type { AuditStore } from '../audit/index.ts';
import { type AdminReport, type AdminReports, auditLogReports, operationsHeadline } from './admin-reports.ts';
import type { AnalyticsSource } from './analytics-source.ts';
import { ageConditionalSection, dataVersusModelSection } from './fairness-sections.ts';
import {
  benchSection,
  fairnessSection,
  operationsSection,
  overallFlags,
  type ReportSection,
} from './report-sections.ts';

/** What `/bias` and `/bench` read: the audit log for its own figures, and the analytics computed over it. */
export interface AnalyticsReportOptions {
  audit: Pick<AuditStore, 'turns' | 'feedback'>;
  analytics: AnalyticsSource;
}

/** Said until saved runs carry a feedback simulation. */
const FEEDBACK_SIMULATION_MISSING = 'The feedback simulation is not in the latest saved run.';

/** The error's message with server paths hidden: admins in chat need the reason, not the file layout. */
const errorMessage = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).replace(/(?:\/[\w.@-]+){2,}\/?/g, '<path>');

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
      const sections: ReportSection[] = [...log.sections];
      let headline = log.headline;
      const population = await analytics.populationFairness().then(
        (result) => {
          const flags = overallFlags(result);
          const { testable, untestable } = verdictCounts(result);
          headline = `${flags === 0 ? 'No' : flags} four-fifths ${flags === 1 ? 'flag' : 'flags'} in the recommender over ${result.rows} customers (overall, ${testable} testable, ${untestable} untestable comparisons). ${log.headline}`;
          sections.push(fairnessSection('Recommender over the whole customer base', result));
          for (const extra of [dataVersusModelSection(result), ageConditionalSection(result)]) {
            if (extra !== null) sections.push(extra);
          }
          return renderFairnessReport(result, { detail: 'overall' });
        },
        (error: unknown) => {
          missing.push(`The population fairness report could not be computed: ${errorMessage(error)}`);
          return [];
        },
      );
      const logged = await analytics.loggedTurnsFairness().then(
        (result) => {
          const { noRecommendation, unknownCustomer, unknownProducts } = result.skipped;
          const skipped = `Skipped ${noRecommendation} turns without a customer or recommendation, ${unknownCustomer} about customers not in the dataset, ${unknownProducts} unknown product ids.`;
          sections.push(
            result.report === null
              ? {
                  heading: 'Replies actually logged',
                  facts: [],
                  table: null,
                  notes: ['No logged turn recommended anything to a customer in the dataset yet.', skipped],
                }
              : {
                  ...fairnessSection('Replies actually logged', result.report),
                  notes: [...fairnessSection('', result.report).notes, skipped],
                },
          );
          return loggedTurnsLines(result);
        },
        (error: unknown) => {
          missing.push(`The fairness of the logged replies could not be computed: ${errorMessage(error)}`);
          return [];
        },
      );
      return report(log.title, headline, sections, [...log.lines, ...population, '', ...logged], missing);
    },
    bench: async () => {
      const summary = await analytics.operations();
      // The latest understanding evaluation, one line (shown with the notes in chat).
      const understanding = await understandingLines(analytics);
      const operations = [...renderOperations(summary, 'from the audit log'), ...understanding];
      const [latest, previous] = await analytics.benchRuns(2);
      const title = 'Benchmarks and operations';
      const live = operationsSection(summary);
      if (latest === undefined) {
        return report(title, operationsHeadline(summary), [live], operations, [
          'No offline benchmark has been saved yet: run `npm run bench:quality`.',
          ...understanding,
        ]);
      }
      const missing: string[] = [...understanding];
      if (latest.retrieval === undefined || latest.retrieval.status === 'skipped') {
        missing.push(
          'Retrieval quality was not measured in the latest run: run `npm run bench:quality` where the ingested store is.',
        );
      }
      // Checked by key so the line goes away by itself once runs save a simulation.
      if (!('feedbackSimulation' in latest)) missing.push(FEEDBACK_SIMULATION_MISSING);
      const saved = renderBenchReport(latest, previous, { operations: false }).trimEnd().split('\n');
      const ours = latest.ranking.methods.find((item) => item.method === 'ours');
      const best = latest.ranking.methods.toSorted((a, b) => b.ndcgAt5 - a.ndcgAt5)[0];
      const ranking =
        ours && best
          ? ` Latest benchmark: our ranking NDCG@5 ${ours.ndcgAt5.toFixed(3)}${best.method === 'ours' ? ' (best of the methods)' : `; best ${best.method} ${best.ndcgAt5.toFixed(3)}`}.`
          : '';
      return report(
        title,
        `${operationsHeadline(summary)}${ranking}`,
        [live, benchSection(latest, previous)],
        [...operations, '', ...saved],
        missing,
      );
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

function report(
  title: string,
  headline: string,
  sections: ReportSection[],
  lines: string[],
  missing: string[],
): AdminReport {
  return { title: title.replace(' (from the audit log)', ''), headline, sections, lines, missing };
}
