import { BENCH_RESULTS_DIR, loadRecentRuns, renderBenchReport } from '../../chains/eval/bench/index.ts';
import { populationFairnessReport, renderFairnessReport } from '../../chains/eval/fairness/index.ts';
import { loadDataset } from '../../knowledge/preprocess/index.ts';
import type { AuditStore } from '../audit/index.ts';
import { type AdminReport, type AdminReports, auditLogReports } from './admin-reports.ts';

export interface AnalyticsReportOptions {
  audit: AuditStore;
  /** The dataset the store was built from; the population fairness audit runs over it. */
  dataDir: string;
  /** Where `npm run bench:quality` saves its runs. */
  benchDir?: string;
}

/**
 * `/bias` and `/bench` with the full analytics: the population fairness report (computed once per process,
 * it takes seconds) and the latest saved offline benchmark with the change since the run before it, each
 * after the audit-log figures. Whatever cannot be computed is said plainly, never replaced by a number.
 */
export function analyticsReports(options: AnalyticsReportOptions): AdminReports {
  const fromLog = auditLogReports(options.audit);
  let fairness: Promise<string[]> | undefined;
  const populationLines = () => {
    fairness ??= loadDataset(options.dataDir).then((dataset) =>
      renderFairnessReport(populationFairnessReport(dataset, { source: options.dataDir }), {
        detail: 'overall',
      }),
    );
    return fairness;
  };
  return {
    bias: async () => {
      const log = await fromLog.bias();
      try {
        return merge(log, await populationLines(), []);
      } catch (error) {
        fairness = undefined;
        return merge(
          log,
          [],
          [`The population fairness report could not be computed: ${(error as Error).message}`],
        );
      }
    },
    bench: async () => {
      const log = await fromLog.bench();
      const missing = ['Retrieval-quality metrics and the feedback simulation are not implemented yet.'];
      const [latest, previous] = await loadRecentRuns(options.benchDir ?? BENCH_RESULTS_DIR, 2);
      if (!latest) {
        return merge(
          log,
          [],
          ['No offline benchmark has been saved yet: run `npm run bench:quality`.', ...missing],
        );
      }
      return merge(log, renderBenchReport(latest, previous).split('\n'), missing);
    },
  };
}

function merge(log: AdminReport, lines: string[], missing: string[]): AdminReport {
  return {
    title: log.title.replace(' (from the audit log)', ''),
    lines: [...log.lines, ...lines],
    missing,
  };
}
