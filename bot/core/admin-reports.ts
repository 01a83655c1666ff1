import { renderOperations, summariseOperations } from '../../chains/eval/bench/index.ts';
import type { AuditStore } from '../audit/index.ts';

/** A report for admins, as plain lines every channel can render. */
export interface AdminReport {
  title: string;
  lines: string[];
  /** What the report does not cover yet, said plainly instead of showing made-up numbers. */
  missing: string[];
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
      return {
        title: 'Bias report (from the audit log)',
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
      return {
        title: 'Operations (from the audit log)',
        lines: renderOperations(summariseOperations(turns, feedback), 'from the audit log'),
        missing: [
          'Offline benchmarks against baselines (NDCG@5, MAP@7, coverage), spend prediction and the feedback simulation are not implemented yet in this command (run `npm run bench:quality` in a terminal).',
        ],
      };
    },
  };
}
