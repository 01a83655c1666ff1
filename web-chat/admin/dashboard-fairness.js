// @ts-check
// The dashboard's fairness panels: disparate impact per comparison (chart + table), which comparisons are
// untestable, the data's own disparities beside the model's, and the 18–24 audit within legitimate factors.

import { fixed, paragraph, table } from './dashboard-panel.js';

/**
 * The parts of the API answer this module reads (the server's types: chains/eval/fairness).
 * @typedef {'outside_band' | 'within_band' | 'untestable'} Verdict
 * @typedef {{ group: string, size: number }} GroupSummary
 * @typedef {{ attribute: string, unprivileged: GroupSummary, privileged: GroupSummary,
 *   disparateImpact: { value: number | null }, fourFifths: boolean | null, verdict?: Verdict,
 *   interval: { lower: number, upper: number } | null }} GroupComparison
 * @typedef {{ unprivileged: string, privileged: string }} ConditionedFinding
 * @typedef {{ outcome: string, attribute: string, unprivileged: string, privileged: string,
 *   data: { disparateImpact: number | null, verdict: Verdict }, model: { disparateImpact: number | null, verdict: Verdict },
 *   change: string, reversed?: boolean }} DataModelRow
 * @typedef {{ stratum: string, protected: { size: number }, reference: { size: number },
 *   disparateImpact: number | null, verdict: Verdict }} StratumDisparity
 * @typedef {{ protectedGroup: string, referenceGroup: string, factors: string, minStratumSize: number,
 *   crude: number | null, pooled: number | null, verdict: Verdict, testableStrata: number,
 *   untestableStrata: number, strata: StratumDisparity[] }} ConditionalDisparity
 * @typedef {{ rows: number, favourable: string, minGroupSize: number,
 *   sections: { kind: string, attributes: { comparisons: GroupComparison[] }[] }[],
 *   conditioning: { survives: ConditionedFinding[], explained: ConditionedFinding[],
 *     untestable: ConditionedFinding[] } | null,
 *   dataVersusModel?: { dataOutcome: string, rows: DataModelRow[] },
 *   ageConditional?: { rerankingApplied: boolean, minimumShare: number, original: ConditionalDisparity,
 *     reranked: ConditionalDisparity } }} FairnessReport
 * @typedef {{ lower: number, upper: number }} FourFifthsBand
 * @typedef {import('./dashboard-panel.js').Panel} Panel
 */

const COLOURS = {
  withinBand: '#0b5cad',
  flagged: '#c0392b',
  untestable: '#9aa3ae',
  band: '#1e8449',
  bandFill: 'rgba(30, 132, 73, 0.12)',
};
/** Chart labels wrap onto lines of about this many characters, so narrow screens do not clip them. */
const LABEL_LINE = 18;

/** The verdict of a comparison; reports saved before verdicts existed fall back to the raw flag. */
const verdictOf = (/** @type {GroupComparison} */ comparison) =>
  comparison.verdict ??
  (comparison.fourFifths === null ? 'untestable' : comparison.fourFifths ? 'outside_band' : 'within_band');

/** @type {Record<Verdict, string>} */
const VERDICT_WORDS = { outside_band: 'outside band', within_band: 'within band', untestable: 'untestable' };

/** Words split onto lines of at most LABEL_LINE characters (a long word keeps its own line). */
export function wrapLabel(/** @type {string} */ text) {
  /** @type {string[]} */
  const lines = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= LABEL_LINE)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** "0 of 3 testable comparisons fall outside the 0.8–1.25 band; 4 untestable (a group under 30 rows)". */
function verdictSentence(
  /** @type {GroupComparison[]} */ comparisons,
  /** @type {FourFifthsBand} */ band,
  /** @type {number} */ minimum,
) {
  const verdicts = comparisons.map(verdictOf);
  const outside = verdicts.filter((verdict) => verdict === 'outside_band').length;
  const untestable = verdicts.filter((verdict) => verdict === 'untestable').length;
  const testable = verdicts.length - untestable;
  return `${outside} of ${testable} testable comparison${testable === 1 ? '' : 's'} fall${testable === 1 ? 's' : ''} outside the ${band.lower}–${band.upper} band; ${untestable} untestable (a group under ${minimum} rows, or no favourable outcome in the reference group).`;
}

/**
 * Disparate impact of every comparison in the overall section, with the four-fifths band as two dashed lines;
 * bars outside it are red, untestable ones grey; the table says the same, verdict by verdict.
 * @param {Panel} target
 * @param {FairnessReport} report
 * @param {FourFifthsBand} band
 */
export function drawFairness(target, report, band) {
  const overall = report.sections.find((section) => section.kind === 'overall');
  const comparisons = overall ? overall.attributes.flatMap((item) => item.comparisons) : [];
  if (comparisons.length === 0) {
    target.empty(`${report.rows} rows: no group comparisons could be made.`);
    return;
  }
  const names = comparisons.map(
    (comparison) =>
      `${comparison.attribute}: ${comparison.unprivileged.group} vs ${comparison.privileged.group}`,
  );
  const colour = (/** @type {GroupComparison} */ comparison) => {
    const verdict = verdictOf(comparison);
    return verdict === 'outside_band'
      ? COLOURS.flagged
      : verdict === 'within_band'
        ? COLOURS.withinBand
        : COLOURS.untestable;
  };
  const bandLine = {
    type: 'line',
    borderColor: COLOURS.band,
    borderDash: [6, 4],
    borderWidth: 2,
    pointRadius: 0,
    pointHitRadius: 0,
  };
  const config = {
    type: 'bar',
    data: {
      labels: names.map(wrapLabel),
      datasets: [
        {
          type: 'bar',
          label: 'Disparate impact',
          data: comparisons.map((comparison) => comparison.disparateImpact.value),
          backgroundColor: comparisons.map(colour),
          order: 2,
        },
        {
          ...bandLine,
          label: `Four-fifths band, lower bound (${band.lower})`,
          data: names.map(() => band.lower),
          fill: false,
          order: 1,
        },
        {
          ...bandLine,
          label: `Four-fifths band, upper bound (${band.upper})`,
          data: names.map(() => band.upper),
          fill: '-1',
          backgroundColor: COLOURS.bandFill,
          order: 1,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // Horizontal bars: twenty-odd comparison names stay readable, and the band is two vertical lines.
      indexAxis: 'y',
      scales: {
        x: { beginAtZero: true, suggestedMax: 1.5, title: { display: true, text: 'Disparate impact' } },
        y: { ticks: { autoSkip: false, font: { size: 11 } } },
      },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: 11 } } } },
    },
  };
  const rows = comparisons.map((comparison) => {
    const verdict = verdictOf(comparison);
    return [
      comparison.attribute,
      `${comparison.unprivileged.group} (n ${comparison.unprivileged.size})`,
      `${comparison.privileged.group} (n ${comparison.privileged.size})`,
      { text: fixed(comparison.disparateImpact.value), flagged: verdict === 'outside_band' },
      // An interval on a handful of rows looks precise and is not: untestable rows show none.
      verdict !== 'untestable' && comparison.interval
        ? `${fixed(comparison.interval.lower)}–${fixed(comparison.interval.upper)}`
        : '—',
      VERDICT_WORDS[verdict],
    ];
  });
  /** @type {Node[]} */
  const details = [
    table(
      `Disparate impact per comparison (band ${band.lower}–${band.upper})`,
      ['Attribute', 'Unprivileged', 'Privileged', 'DI', '95% interval', 'Four-fifths'],
      rows,
    ),
  ];
  const untestable = comparisons.filter((comparison) => verdictOf(comparison) === 'untestable');
  details.push(
    paragraph(
      `Untestable (a group under ${report.minGroupSize} rows, or none favourable in the reference group): ${
        untestable
          .map(
            (item) =>
              `${item.unprivileged.group} vs ${item.privileged.group} (n ${item.unprivileged.size}/${item.privileged.size})`,
          )
          .join(', ') || 'none'
      }.`,
    ),
  );
  if (report.conditioning) {
    const list = (/** @type {ConditionedFinding[]} */ findings) =>
      findings.map((finding) => `${finding.unprivileged} vs ${finding.privileged}`).join(', ') || 'none';
    details.push(
      paragraph(
        `Flags followed into each risk band — survive: ${list(report.conditioning.survives)}; explained by risk tolerance: ${list(report.conditioning.explained)}; flagged overall but too small to follow: ${list(report.conditioning.untestable)}.`,
      ),
    );
  }
  details.push(...dataVersusModelDetails(report), ...ageConditionalDetails(report));
  target.draw(
    `${report.rows} rows. Favourable outcome: ${report.favourable}. ${verdictSentence(comparisons, band, report.minGroupSize)}`,
    config,
    { details, height: 34 * comparisons.length + 130 },
  );
}

/** The data's disparities beside the model's, as a table (testable comparisons, outside-band ones first). */
function dataVersusModelDetails(/** @type {FairnessReport} */ report) {
  const comparison = report.dataVersusModel;
  if (!comparison) return [];
  const testable = comparison.rows.filter((row) => row.change !== 'untestable');
  const outside = (/** @type {DataModelRow} */ row) =>
    row.data.verdict === 'outside_band' || row.model.verdict === 'outside_band';
  const ordered = [...testable.filter(outside), ...testable.filter((row) => !outside(row))];
  const count = (/** @type {string} */ change) =>
    comparison.rows.filter((row) => row.change === change).length;
  return [
    table(
      'Data bias vs model bias: DI in the data (adoptions) and in the recommender (offers)',
      ['Groups', 'Outcome', 'Data DI', 'Model DI', 'Gap'],
      ordered.map((row) => [
        `${row.attribute}: ${row.unprivileged} vs ${row.privileged}`,
        row.outcome === 'favourable' ? 'favourable outcome' : row.outcome,
        { text: fixed(row.data.disparateImpact), flagged: row.data.verdict === 'outside_band' },
        { text: fixed(row.model.disparateImpact), flagged: row.model.verdict === 'outside_band' },
        row.reversed ? `${row.change}, reversed` : row.change,
      ]),
    ),
    paragraph(
      `The model narrows ${count('narrows')} gaps, widens ${count('widens')}, leaves ${count('about the same')} about the same; ${count('untestable')} untestable. Data: ${comparison.dataOutcome}.`,
    ),
  ];
}

/** The 18–24 disparity within strata of legitimate factors, before and after the fairness re-ranking. */
function ageConditionalDetails(/** @type {FairnessReport} */ report) {
  const finding = report.ageConditional;
  if (!finding) return [];
  const { original, reranked } = finding;
  const served = finding.rerankingApplied ? reranked : original;
  return [
    table(
      `Age ${original.protectedGroup} vs ${original.referenceGroup} within ${original.factors}`,
      ['Ranking', 'Pooled DI (Mantel–Haenszel)', 'Crude DI', 'Verdict', 'Strata testable / untestable'],
      [original, reranked].map((item, index) => [
        index === 0 ? 'as ranked' : `re-ranked (share ≥ ${finding.minimumShare})`,
        { text: fixed(item.pooled), flagged: item.verdict === 'outside_band' },
        fixed(item.crude),
        VERDICT_WORDS[item.verdict],
        `${item.testableStrata} / ${item.untestableStrata}`,
      ]),
    ),
    table(
      `Testable strata, ${finding.rerankingApplied ? 're-ranked (FAIR_RERANKING=on)' : 'as ranked (FAIR_RERANKING=off)'}`,
      ['Stratum', `n ${original.protectedGroup} / ${original.referenceGroup}`, 'DI', 'Four-fifths'],
      served.strata
        .filter((stratum) => stratum.verdict !== 'untestable')
        .map((stratum) => [
          stratum.stratum,
          `${stratum.protected.size} / ${stratum.reference.size}`,
          { text: fixed(stratum.disparateImpact), flagged: stratum.verdict === 'outside_band' },
          VERDICT_WORDS[stratum.verdict],
        ]),
    ),
  ];
}
