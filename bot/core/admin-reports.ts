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

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

/**
 * Reports computed from the audit log alone: real figures about the replies actually given. The population
 * fairness audit and offline benchmarks are listed as missing here; analyticsReports adds them.
 */
export function auditLogReports(audit: Pick<AuditStore, 'turns'>): AdminReports {
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
      const turns = await audit.turns({});
      const latencies = turns.map((turn) => turn.latencyMs).sort((a, b) => a - b);
      const passed = turns.filter((turn) => turn.validator.ok && !turn.validator.fellBack).length;
      const providers = new Map<string, number>();
      for (const turn of turns) {
        const key = `${turn.provider.name}/${turn.provider.model}`;
        providers.set(key, (providers.get(key) ?? 0) + 1);
      }
      const reasons = new Map<string, number>();
      for (const turn of turns)
        for (const issue of turn.validator.issues)
          reasons.set(issue.reason, (reasons.get(issue.reason) ?? 0) + 1);
      return {
        title: 'Operations (from the audit log)',
        lines:
          turns.length === 0
            ? ['No turns logged yet.']
            : [
                `Turns: ${turns.length}. Latency p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p95 ${percentile(latencies, 0.95).toFixed(0)} ms.`,
                `Validator: ${passed} of ${turns.length} first drafts sent as written; issues seen: ${[...reasons].map(([reason, count]) => `${reason} ${count}`).join(', ') || 'none'}.`,
                `Providers: ${[...providers].map(([name, count]) => `${name} ${count}`).join(', ')}.`,
              ],
        missing: [
          'Offline benchmarks against baselines (NDCG@5, MAP@7, coverage) and spend prediction are not implemented yet in this command (run `npm run bench:quality` in a terminal); the feedback simulation is not implemented yet.',
        ],
      };
    },
  };
}
