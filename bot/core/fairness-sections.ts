import type { FairnessReport } from '../../chains/eval/fairness/index.ts';
import type { ReportSection } from './report-sections.ts';

const ratio = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(3));
const VERDICT_WORDS = {
  outside_band: 'outside the 0.8–1.25 band',
  within_band: 'within the band',
  untestable: 'untestable (too few rows)',
} as const;

/**
 * The dataset's own disparities beside the recommender's, one row per testable comparison (those outside the
 * band in the data or the model first), with whether the model narrows or widens each gap.
 */
export function dataVersusModelSection(report: FairnessReport): ReportSection | null {
  const comparison = report.dataVersusModel;
  if (comparison === undefined) return null;
  const counts = { narrows: 0, widens: 0, 'about the same': 0, untestable: 0 };
  for (const row of comparison.rows) counts[row.change]++;
  const testable = comparison.rows.filter((row) => row.change !== 'untestable');
  const outside = (row: (typeof testable)[number]) =>
    row.data.verdict === 'outside_band' || row.model.verdict === 'outside_band';
  const ordered = [...testable.filter(outside), ...testable.filter((row) => !outside(row))];
  return {
    heading: 'Data bias vs model bias',
    facts: [
      { label: 'Model narrows the gap', value: String(counts.narrows) },
      { label: 'Model widens the gap', value: String(counts.widens) },
      { label: 'About the same', value: String(counts['about the same']) },
      { label: 'Untestable', value: `${counts.untestable} (a group under ${report.minGroupSize} rows)` },
    ],
    table: {
      columns: ['Groups', 'Outcome', 'Data DI', 'Model DI', 'Gap'],
      rows: ordered.map((row) => [
        `${row.unprivileged} vs ${row.privileged}`,
        row.outcome === 'favourable' ? 'favourable outcome' : row.outcome,
        ratio(row.data.disparateImpact),
        ratio(row.model.disparateImpact),
        row.reversed ? `${row.change}, reversed` : row.change,
      ]),
    },
    notes: [
      `Data: ${comparison.dataOutcome}. Model: offered in the top 3. Gaps are compared as distance from parity (|ln DI|).`,
    ],
  };
}

/** The 18–24 disparity within strata of horizon, risk tolerance and capacity, before and after the re-ranking. */
export function ageConditionalSection(report: FairnessReport): ReportSection | null {
  const finding = report.ageConditional;
  if (finding === undefined) return null;
  const { original, reranked } = finding;
  const notes = [
    `Strata: ${original.factors}. Pooled = Mantel–Haenszel weighted ratio; a stratum with fewer than ${original.minStratumSize} in either group is untestable.`,
    finding.rerankingApplied
      ? 'The chat applies the fairness re-ranking (FAIR_RERANKING=on).'
      : 'The chat serves the recommender as ranked (FAIR_RERANKING=off).',
  ];
  if (!finding.rerankingApplied && original.verdict === 'outside_band') {
    notes.push(
      'The conditional disparity stays outside the band: the re-ranking (FAIR_RERANKING=on) would bring it to ' +
        `${ratio(reranked.pooled)}; /bench shows its cost in NDCG@5.`,
    );
  }
  return {
    heading: `Age ${original.protectedGroup} vs ${original.referenceGroup}, within legitimate factors`,
    facts: [
      {
        label: 'Pooled DI as ranked',
        value: `${ratio(original.pooled)} (${VERDICT_WORDS[original.verdict]})`,
      },
      {
        label: 'Pooled DI re-ranked',
        value: `${ratio(reranked.pooled)} (${VERDICT_WORDS[reranked.verdict]})`,
      },
      { label: 'Crude DI as ranked', value: ratio(original.crude) },
      {
        label: 'Strata',
        value: `${original.testableStrata} testable, ${original.untestableStrata} untestable`,
      },
    ],
    table: {
      columns: ['Stratum', 'n 18–24 / 25+', 'DI', 'Verdict'],
      rows: (finding.rerankingApplied ? reranked : original).strata
        .filter((stratum) => stratum.verdict !== 'untestable')
        .sort((left, right) => (left.disparateImpact ?? 1) - (right.disparateImpact ?? 1))
        .map((stratum) => [
          stratum.stratum,
          `${stratum.protected.size} / ${stratum.reference.size}`,
          ratio(stratum.disparateImpact),
          VERDICT_WORDS[stratum.verdict],
        ]),
    },
    notes,
  };
}
