import type { FairnessReport } from './fairness-report.ts';
import type { GroupComparison } from './group-comparison.ts';

/** How many overall comparisons fall outside the band, inside it, or cannot be tested. */
export interface VerdictCounts {
  outsideBand: number;
  withinBand: number;
  /** outsideBand + withinBand. */
  testable: number;
  untestable: number;
}

/** The comparisons of a report's overall section (every attribute, in order). */
export function overallComparisons(report: FairnessReport): GroupComparison[] {
  const overall = report.sections.find((section) => section.kind === 'overall');
  return (overall?.attributes ?? []).flatMap((attribute) => attribute.comparisons);
}

/** Counts of each verdict in the overall section: what every surface's "N of M testable" line says. */
export function verdictCounts(report: FairnessReport): VerdictCounts {
  const counts = { outsideBand: 0, withinBand: 0, testable: 0, untestable: 0 };
  for (const comparison of overallComparisons(report)) {
    if (comparison.verdict === 'outside_band') counts.outsideBand++;
    else if (comparison.verdict === 'within_band') counts.withinBand++;
    else counts.untestable++;
  }
  counts.testable = counts.outsideBand + counts.withinBand;
  return counts;
}
