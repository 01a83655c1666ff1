import {
  type OperationsSummary,
  renderOperations,
  summariseOperations,
} from '../../chains/eval/bench/index.ts';
import type { AuditStore } from '../audit/index.ts';
import { operationsSection, type ReportSection } from './report-sections.ts';

/**
 * A report for admins: the headline and structured sections every chat channel renders natively, and the same
 * content as plain text lines (what a terminal or a log shows).
 */
export interface AdminReport {
  title: string;
  /** The one sentence an admin reads first. */
  headline: string;
  /** Figures and tables; channels show these and link to the dashboard for the rest. */
  sections: ReportSection[];
  /** The full report as plain text lines. */
  lines: string[];
  /** What the report does not cover yet, said plainly instead of showing made-up numbers. */
  missing: string[];
}

/** A report's plain-text stand-in (notification, card fallback): the headline and where the rest is, never the whole report. */
export function adminReportText(
  report: Pick<AdminReport, 'title' | 'headline'>,
  dashboardUrl?: string,
): string {
  // No full stop after a URL: chat clients would make it part of the link.
  const where = dashboardUrl ? `Full report: ${dashboardUrl}` : 'Full report: /admin on this server.';
  return `${report.title}: ${report.headline} ${where}`;
}

/** What `/bias` and `/bench` show (the advisor wires analyticsReports; auditLogReports stands in where there is no dataset). */
export interface AdminReports {
  bias(): Promise<AdminReport>;
  bench(): Promise<AdminReport>;
}

/**
 * Reports computed from the audit log alone: real figures about the replies actually given. The population
 * fairness audit and offline benchmarks are listed as missing here; analyticsReports adds them.
 */
export function auditLogReports(audit: Pick<AuditStore, 'turns' | 'feedback'>): AdminReports {
  return {
    bias: async () => {
      const turns = await audit.turns({});
      const advised = turns.filter((turn) => turn.recommendations.length > 0);
      const flagged = turns.filter((turn) => turn.bias.flagged);
      const flagRate = turns.length ? ` (${((100 * flagged.length) / turns.length).toFixed(1)}%)` : '';
      return {
        title: 'Bias report (from the audit log)',
        headline:
          turns.length === 0
            ? 'No turns logged yet.'
            : `Bias guard flagged ${flagged.length} of ${turns.length} logged turns${flagRate}.`,
        sections: [
          {
            heading: 'Audit log',
            facts: [
              { label: 'Turns logged', value: String(turns.length) },
              { label: 'With recommendations', value: String(advised.length) },
              { label: 'Bias guard flags', value: `${flagged.length}${flagRate}` },
            ],
            table: null,
            notes: flagged.slice(-3).map((turn) => `Turn #${turn.seq}: ${turn.bias.reasons.join('; ')}`),
          },
        ],
        lines: [
          `Turns logged: ${turns.length}; with recommendations: ${advised.length}.`,
          `Bias guard flags: ${flagged.length}${turns.length ? ` (${((100 * flagged.length) / turns.length).toFixed(1)}% of turns)` : ''}.`,
          ...flagged.slice(-3).map((turn) => `#${turn.seq}: ${turn.bias.reasons.join('; ')}`),
        ],
        missing: [
          'Population fairness metrics (disparate impact, statistical parity, equal opportunity by gender, age band and income) are not implemented yet in this command; the full report runs in a terminal with `npm run bias`.',
        ],
      };
    },
    bench: async () => {
      const [turns, feedback] = await Promise.all([audit.turns({}), audit.feedback({})]);
      const summary = summariseOperations(turns, feedback);
      return {
        title: 'Operations (from the audit log)',
        headline: operationsHeadline(summary),
        sections: [operationsSection(summary)],
        lines: renderOperations(summary, 'from the audit log'),
        missing: [
          'Offline benchmarks against baselines (NDCG@5, MAP@7, coverage), spend prediction and the feedback simulation are not implemented yet in this command (run `npm run bench:quality` in a terminal).',
        ],
      };
    },
  };
}

/** "12 turns logged; p95 latency 840 ms; validator passed 91.7% as written." */
export function operationsHeadline(summary: OperationsSummary): string {
  if (summary.turns === 0) return 'No turns logged yet.';
  const p95 = summary.latencyMs.p95 === null ? 'n/a' : `${Math.round(summary.latencyMs.p95)} ms`;
  const passRate =
    summary.validator.passRate === null ? 'n/a' : `${(summary.validator.passRate * 100).toFixed(1)}%`;
  return `${summary.turns} turns logged; p95 latency ${p95}; validator passed ${passRate} as written.`;
}
