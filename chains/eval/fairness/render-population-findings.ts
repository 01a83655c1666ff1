import type { ConditionalDisparity } from './conditional-disparity.ts';
import { dataModelLine } from './data-versus-model.ts';
import type { AgeConditionalFinding, FairnessReport } from './fairness-report.ts';

const ratio = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(3));
const verdictWords = {
  outside_band: 'outside the 0.8–1.25 band',
  within_band: 'within the band',
  untestable: 'untestable',
} as const;

/** Data DI → model DI for each comparison, flagged-in-either first, with the count of each change. */
export function dataVersusModelLines(report: FairnessReport): string[] {
  const comparison = report.dataVersusModel;
  if (comparison === undefined) return [];
  const counts = { narrows: 0, widens: 0, 'about the same': 0, untestable: 0 };
  for (const row of comparison.rows) counts[row.change]++;
  const outside = (row: (typeof comparison.rows)[number]) =>
    row.data.verdict === 'outside_band' || row.model.verdict === 'outside_band';
  const ordered = [...comparison.rows.filter(outside), ...comparison.rows.filter((row) => !outside(row))];
  return [
    '',
    `Data bias vs model bias (data: ${comparison.dataOutcome}; model: offered in the top 3):`,
    `  ${counts.narrows} narrow, ${counts.widens} widen, ${counts['about the same']} about the same, ${counts.untestable} untestable (a group under ${report.minGroupSize} rows)`,
    ...ordered.filter((row) => row.change !== 'untestable').map((row) => `    ${dataModelLine(row)}`),
  ];
}

function conditionalLine(label: string, finding: ConditionalDisparity): string {
  return (
    `  ${label}: pooled (Mantel–Haenszel) DI ${ratio(finding.pooled)} — ${verdictWords[finding.verdict]}; ` +
    `crude DI ${ratio(finding.crude)}; ${finding.testableStrata} testable strata, ${finding.untestableStrata} untestable (< ${finding.minStratumSize} in a group)`
  );
}

/** The 18–24 disparity within strata of the legitimate factors, and what the re-ranking does to it. */
export function ageConditionalLines(report: FairnessReport): string[] {
  const finding: AgeConditionalFinding | undefined = report.ageConditional;
  if (finding === undefined) return [];
  const { original, reranked } = finding;
  const served = finding.rerankingApplied ? reranked : original;
  const lines = [
    '',
    `Age, conditional on ${original.factors}: ${original.protectedGroup} vs ${original.referenceGroup}`,
    conditionalLine('recommender as ranked', original),
    conditionalLine(`with the fairness re-ranking (≥ ${finding.minimumShare} favourable share)`, reranked),
    `  The chat serves: ${finding.rerankingApplied ? 'the re-ranked lists (FAIR_RERANKING=on)' : 'the recommender as ranked (FAIR_RERANKING=off)'}.`,
  ];
  if (!finding.rerankingApplied && original.verdict === 'outside_band') {
    lines.push(
      '  The pooled disparity stays outside the band: set FAIR_RERANKING=on to apply the re-ranking; npm run bench:quality shows its cost in NDCG@5.',
    );
  }
  const worst = served.strata
    .filter((stratum) => stratum.verdict === 'outside_band')
    .sort((left, right) => (left.disparateImpact ?? 1) - (right.disparateImpact ?? 1))
    .slice(0, 5);
  for (const stratum of worst) {
    lines.push(
      `    ${stratum.stratum}: DI ${ratio(stratum.disparateImpact)} (n ${stratum.protected.size}/${stratum.reference.size}) outside the band`,
    );
  }
  return lines;
}
