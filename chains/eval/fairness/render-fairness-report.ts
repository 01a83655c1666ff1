import { FOUR_FIFTHS_BAND, type MetricResult } from './fairness-metrics.ts';
import type { ConditionedFinding, FairnessReport, ReportSection } from './fairness-report.ts';
import type { AttributeReport, GroupComparison } from './group-comparison.ts';
import { ageConditionalLines, dataVersusModelLines } from './render-population-findings.ts';
import { verdictCounts } from './verdict-counts.ts';

/** How much of the report to render. */
export interface RenderOptions {
  /** 'full' (default) renders every section; 'overall' only the header, the summary and the overall section. */
  detail?: 'full' | 'overall';
}

const percent = (value: number | null): string => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
/** DI to three places, so 0.798 (flagged) and 0.802 (not) read differently; interval ends to two. */
const ratio = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(3));
const bound = (value: number): string => value.toFixed(2);
const signed = (value: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(3)}`;
const metric = (result: MetricResult, format: (value: number) => string): string =>
  result.value === null ? 'n/a' : format(result.value);

function comparisonLine(comparison: GroupComparison, labelWidth: number): string {
  const { unprivileged, privileged } = comparison;
  const interval = comparison.interval
    ? ` [${bound(comparison.interval.lower)}, ${bound(comparison.interval.upper)}]`
    : '';
  const parts = [
    `${`${unprivileged.group} vs ${privileged.group}`.padEnd(labelWidth)}`,
    `n ${unprivileged.size}/${privileged.size}`.padEnd(13),
    `rate ${percent(unprivileged.rate)}/${percent(privileged.rate)}`.padEnd(18),
    `DI ${ratio(comparison.disparateImpact.value)}${interval}`.padEnd(22),
    `SPD ${metric(comparison.statisticalParityDifference, signed)}`,
  ];
  if (comparison.equalOpportunityDifference) {
    parts.push(`EOD ${metric(comparison.equalOpportunityDifference, signed)}`);
  }
  if (comparison.verdict === 'outside_band') parts.push('FLAG');
  else if (comparison.verdict === 'untestable') parts.push('untestable');
  return `  ${parts.join('  ')}`.trimEnd();
}

function attributeLines(attribute: AttributeReport): string[] {
  const notes: string[] = [];
  if (attribute.note) notes.push(attribute.note);
  if (attribute.spread) {
    const { groups, difference, ratio: spreadRatio } = attribute.spread;
    notes.push(
      `across ${groups} groups: difference ${metric(difference, (value) => value.toFixed(3))}, ratio ${metric(spreadRatio, (value) => value.toFixed(2))}`,
    );
  }
  const lines = [notes.length === 0 ? attribute.attribute : `${attribute.attribute} (${notes.join('; ')})`];
  const labelWidth = Math.max(
    0,
    ...attribute.comparisons.map((item) => `${item.unprivileged.group} vs ${item.privileged.group}`.length),
  );
  for (const comparison of attribute.comparisons) {
    lines.push(comparisonLine(comparison, labelWidth));
    for (const warning of comparison.warnings) lines.push(`      warning: ${warning}`);
  }
  if (attribute.comparisons.length === 0) lines.push('  (no groups to compare)');
  return lines;
}

function sectionLines(section: ReportSection): string[] {
  const rate = percent(section.favourableRate);
  const heading =
    section.kind === 'overall'
      ? `== Overall: ${section.rows} rows, favourable rate ${rate} ==`
      : section.kind === 'product_type'
        ? `== Favourable = offered a product of type ${section.name}: ${rate} of ${section.rows} rows ==`
        : `== Within risk tolerance ${section.name}: ${section.rows} rows, favourable rate ${rate} ==`;
  return ['', heading, ...section.attributes.flatMap(attributeLines)];
}

function findingLine(finding: ConditionedFinding): string {
  const bands = finding.byRiskBand
    .map((band) => {
      const value = band.disparateImpact === null ? 'n/a' : ratio(band.disparateImpact);
      return `${band.riskBand} ${value}${band.comparable ? (band.flagged ? ' FLAG' : '') : ' (small)'}`;
    })
    .join(', ');
  return `    ${finding.attribute}: ${finding.unprivileged} vs ${finding.privileged}, DI ${ratio(finding.disparateImpact)} overall; by risk band: ${bands}`;
}

/** "3 of 7 overall comparisons testable, 4 untestable (a group under 30 rows or DI undefined)". */
function testableLine(report: FairnessReport): string {
  const counts = verdictCounts(report);
  const total = counts.testable + counts.untestable;
  return `${counts.testable} of ${total} overall comparisons testable, ${counts.untestable} untestable (a group under ${report.minGroupSize} rows or DI undefined)`;
}

function summaryLines(report: FairnessReport): string[] {
  const conditioning = report.conditioning;
  if (conditioning === null) {
    const flagged = report.sections
      .flatMap((section) => section.attributes.flatMap((attribute) => attribute.comparisons))
      .filter((comparison) => comparison.verdict === 'outside_band');
    return [
      '',
      `Summary: ${testableLine(report)}; ${flagged.length} flagged by the four-fifths rule`,
      ...flagged.map(
        (comparison) =>
          `    ${comparison.attribute}: ${comparison.unprivileged.group} vs ${comparison.privileged.group}, DI ${ratio(comparison.disparateImpact.value)}`,
      ),
    ];
  }
  const group = (title: string, findings: readonly ConditionedFinding[]): string[] => [
    `  ${title}: ${findings.length === 0 ? 'none' : findings.length}`,
    ...findings.map(findingLine),
  ];
  return [
    '',
    `Summary: ${testableLine(report)}; four-fifths flags, overall and conditioned on risk tolerance`,
    ...group('Survive within a risk band (not explained by risk tolerance)', conditioning.survives),
    ...group(
      'Disappear within every comparable risk band (explained by risk tolerance)',
      conditioning.explained,
    ),
    ...group(
      `Cannot tell (no risk band with ≥ ${report.minGroupSize} in both groups)`,
      conditioning.untestable,
    ),
    ...group(
      'Not flagged overall, but flagged within a risk band (masked by the mix of bands)',
      conditioning.emerges,
    ),
  ];
}

/**
 * The report as plain text lines (no colours or markup), fit for Slack, Teams or a terminal.
 * @example console.log(renderFairnessReport(report).join('\n'))
 */
export function renderFairnessReport(report: FairnessReport, options: RenderOptions = {}): string[] {
  const sections =
    options.detail === 'overall'
      ? report.sections.filter((section) => section.kind === 'overall')
      : report.sections;
  const band = `[${FOUR_FIFTHS_BAND.lower.toFixed(2)}, ${FOUR_FIFTHS_BAND.upper.toFixed(2)}]`;
  return [
    `Fairness report: ${report.title}`,
    `Rows: ${report.rows}. Favourable: ${report.favourable}.`,
    report.label === null
      ? 'Labels: none, so no equal opportunity difference (EOD).'
      : `Label: ${report.label}; EOD = TPR(unprivileged) - TPR(privileged).`,
    `DI = rate(unprivileged) / rate(privileged), flagged (FLAG) outside ${band} (four-fifths rule); SPD = rate difference.`,
    `DI intervals: 95% stratified bootstrap, ${report.resamples} resamples. Groups under ${report.minGroupSize} get a warning.`,
    ...summaryLines(report),
    ...dataVersusModelLines(report),
    ...ageConditionalLines(report),
    ...sections.flatMap(sectionLines),
  ];
}
