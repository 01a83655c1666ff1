import {
  type BenchRun,
  fairRerankingDiLine,
  fairRerankingNdcgLine,
  type OperationsSummary,
} from '../../chains/eval/bench/index.ts';
import { type FairnessReport, verdictCounts } from '../../chains/eval/fairness/index.ts';

/** One labelled figure of a report (a Block Kit field, an Adaptive Card FactSet row). */
export interface ReportFact {
  label: string;
  value: string;
}

/** A small table: column names and one row of cells per item, as plain text. */
export interface ReportTable {
  columns: string[];
  rows: string[][];
}

/** One part of an admin report: a heading, its figures, an optional table and notes in words. */
export interface ReportSection {
  heading: string;
  facts: ReportFact[];
  table: ReportTable | null;
  notes: string[];
}

const percent = (value: number | null): string => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
const ratio = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(3));
const milliseconds = (value: number | null): string => (value === null ? 'n/a' : `${Math.round(value)} ms`);

/** Comparisons flagged by the four-fifths rule in the report's overall section (small groups never count). */
export function overallFlags(report: FairnessReport): number {
  return verdictCounts(report).outsideBand;
}

/**
 * The overall section of a fairness report as a table (one row per group comparison, flagged rows first) and the
 * conditioning summary as notes; the report's own title (which names the dataset's path) is never shown.
 */
export function fairnessSection(heading: string, report: FairnessReport): ReportSection {
  const overall = report.sections.find((section) => section.kind === 'overall');
  const comparisons = (overall?.attributes ?? []).flatMap((attribute) => attribute.comparisons);
  const ordered = [
    ...comparisons.filter((item) => item.verdict === 'outside_band'),
    ...comparisons.filter((item) => item.verdict === 'within_band'),
    ...comparisons.filter((item) => item.verdict === 'untestable'),
  ];
  const counts = verdictCounts(report);
  const notes: string[] = [];
  if (report.conditioning) {
    const { survives, explained, untestable, emerges } = report.conditioning;
    notes.push(
      `Flags within risk bands: ${survives.length} survive, ${explained.length} explained by risk tolerance, ` +
        `${untestable.length} cannot be told, ${emerges.length} masked overall.`,
    );
  }
  return {
    heading,
    facts: [
      { label: 'Rows', value: String(report.rows) },
      { label: 'Favourable rate', value: percent(overall?.favourableRate ?? null) },
      {
        label: 'Four-fifths flags',
        value: `${counts.outsideBand} of ${counts.testable} testable; ${counts.untestable} untestable`,
      },
    ],
    table: {
      columns: ['Groups', 'n', 'Favourable', 'DI', 'Flag'],
      rows: ordered.map((comparison) => [
        `${comparison.unprivileged.group} vs ${comparison.privileged.group}`,
        `${comparison.unprivileged.size}/${comparison.privileged.size}`,
        `${percent(comparison.unprivileged.rate)} / ${percent(comparison.privileged.rate)}`,
        ratio(comparison.disparateImpact.value),
        comparison.verdict === 'outside_band'
          ? 'FLAG'
          : comparison.verdict === 'untestable'
            ? 'untestable'
            : '—',
      ]),
    },
    notes,
  };
}

/** Operations from the audit log as facts, with the writers (provider/model) as a table. */
export function operationsSection(summary: OperationsSummary): ReportSection {
  const { validator, biasGuard, feedback } = summary;
  const writers = Object.entries(summary.providers).sort(([, a], [, b]) => b - a);
  const reasons = Object.entries(validator.reasons).sort(([, a], [, b]) => b - a);
  return {
    heading: 'Operations (audit log)',
    facts: [
      {
        label: 'Turns',
        value: `${summary.turns} (${summary.turnsWithRecommendations} with recommendations)`,
      },
      {
        label: 'Latency p50 / p95',
        value: `${milliseconds(summary.latencyMs.p50)} / ${milliseconds(summary.latencyMs.p95)}`,
      },
      {
        label: 'Validator',
        value: `${validator.passed} passed (${percent(validator.passRate)}), ${validator.repaired} repaired, ${validator.fellBack} fell back`,
      },
      { label: 'Bias guard flags', value: `${biasGuard.flagged} (${percent(biasGuard.flagRate)})` },
      {
        label: 'Feedback',
        value: `${feedback.thumbsUp} 👍, ${feedback.thumbsDown} 👎, ${feedback.accepted} interested, ${feedback.declined} declined`,
      },
    ],
    table:
      writers.length === 0
        ? null
        : { columns: ['Writer', 'Turns'], rows: writers.map(([writer, turns]) => [writer, String(turns)]) },
    notes:
      reasons.length === 0
        ? []
        : [`Validator issues: ${reasons.map(([reason, count]) => `${reason} ${count}`).join(', ')}.`],
  };
}

/** The latest saved offline benchmark: ranking quality per method (with the change since the run before). */
export function benchSection(latest: BenchRun, previous: BenchRun | undefined): ReportSection {
  const comparable = previous !== undefined && previous.dataVersion === latest.dataVersion;
  const before = new Map((comparable ? previous.ranking.methods : []).map((item) => [item.method, item]));
  const change = (now: number, then: number | undefined) =>
    then === undefined ? '' : ` (${now - then >= 0 ? '+' : ''}${(now - then).toFixed(3)})`;
  const retrieval =
    latest.retrieval?.status === 'measured'
      ? `own profile first ${percent(latest.retrieval.quality.ownProfile.topHitRate)}`
      : 'not measured';
  const notes = [];
  const fair = latest.ranking.fairReranking;
  if (fair !== undefined) {
    notes.push(
      `Fairness re-ranking for 18–24 (FAIR_RERANKING): cost ${fairRerankingNdcgLine(fair)}; effect ${fairRerankingDiLine(fair)}.`,
    );
  }
  if (previous !== undefined && !comparable) {
    notes.push('The run before used different data, so no change is shown.');
  }
  return {
    heading: `Offline benchmark (${latest.timestamp.slice(0, 16).replace('T', ' ')} UTC)`,
    facts: [
      { label: 'Customers evaluated', value: String(latest.ranking.usersEvaluated) },
      {
        label: 'Spend prediction MAE',
        value: `${latest.spend.mae.randomForest.toFixed(2)} (${latest.spend.improvementPercent.vsCustomerMean.toFixed(1)}% better than each customer's mean)`,
      },
      { label: 'Retrieval', value: retrieval },
      { label: 'Data / commit', value: `${latest.dataVersion} / ${latest.gitCommit.slice(0, 12)}` },
    ],
    table: {
      columns: ['Method', 'NDCG@5', 'MAP@7', 'Coverage'],
      rows: latest.ranking.methods.map((item) => [
        item.method,
        `${item.ndcgAt5.toFixed(3)}${change(item.ndcgAt5, before.get(item.method)?.ndcgAt5)}`,
        item.mapAt7.toFixed(3),
        percent(item.coverage),
      ]),
    },
    notes,
  };
}
