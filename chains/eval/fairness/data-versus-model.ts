import type { FairnessReport, ReportSection } from './fairness-report.ts';
import type { FourFifthsVerdict, GroupComparison } from './group-comparison.ts';

/** Whether the recommender's disparity is smaller or larger than the data's, for one comparison. */
export type GapChange = 'narrows' | 'widens' | 'about the same' | 'untestable';

/** One comparison measured on the data's adoptions and on the recommender's offers. */
export interface DataModelRow {
  /** 'favourable' (the report's favourable outcome) or a product type. */
  outcome: string;
  attribute: string;
  unprivileged: string;
  privileged: string;
  data: { disparateImpact: number | null; verdict: FourFifthsVerdict; sizes: [number, number] };
  model: { disparateImpact: number | null; verdict: FourFifthsVerdict; sizes: [number, number] };
  change: GapChange;
  /** The model favours the other group than the data does (DI on the other side of 1, both beyond the tolerance). */
  reversed: boolean;
}

/** The data's disparities beside the model's. */
export interface DataModelComparison {
  /** What the data side counts, in words. */
  dataOutcome: string;
  rows: DataModelRow[];
}

/** Gaps whose |ln DI| differ by less than this (about 2%) are "about the same". */
export const GAP_TOLERANCE = 0.02;

/** How the gap changes from data to model: compared on |ln DI|, so 0.5 and 2 are equally far from parity. */
export function gapChange(
  data: { disparateImpact: number | null; verdict: FourFifthsVerdict },
  model: { disparateImpact: number | null; verdict: FourFifthsVerdict },
): GapChange {
  if (data.verdict === 'untestable' || model.verdict === 'untestable') return 'untestable';
  if (data.disparateImpact === null || model.disparateImpact === null) return 'untestable';
  if (data.disparateImpact === 0 || model.disparateImpact === 0) {
    if (data.disparateImpact === model.disparateImpact) return 'about the same';
    return data.disparateImpact === 0 ? 'narrows' : 'widens';
  }
  const dataGap = Math.abs(Math.log(data.disparateImpact));
  const modelGap = Math.abs(Math.log(model.disparateImpact));
  if (Math.abs(modelGap - dataGap) < GAP_TOLERANCE) return 'about the same';
  return modelGap < dataGap ? 'narrows' : 'widens';
}

const key = (section: ReportSection, comparison: GroupComparison): string =>
  `${section.kind === 'overall' ? 'favourable' : section.name}|${comparison.attribute}|${comparison.unprivileged.group}|${comparison.privileged.group}`;

const side = (comparison: GroupComparison): DataModelRow['data'] => ({
  disparateImpact: comparison.disparateImpact.value,
  verdict: comparison.verdict,
  sizes: [comparison.unprivileged.size, comparison.privileged.size],
});

/**
 * Pairs the overall and per-product-type comparisons of the data report (adoptions) with the model report
 * (offers); outcomes present in only one of them are left out. `attributes` limits which attributes are paired.
 */
export function compareDataWithModel(
  data: FairnessReport,
  model: FairnessReport,
  options: { dataOutcome: string; attributes: readonly string[] },
): DataModelComparison {
  const fromData = new Map<string, GroupComparison>();
  for (const section of data.sections) {
    if (section.kind === 'risk_band') continue;
    for (const attribute of section.attributes) {
      for (const comparison of attribute.comparisons) fromData.set(key(section, comparison), comparison);
    }
  }
  const rows: DataModelRow[] = [];
  for (const section of model.sections) {
    if (section.kind === 'risk_band') continue;
    for (const attribute of section.attributes) {
      if (!options.attributes.includes(attribute.attribute)) continue;
      for (const comparison of attribute.comparisons) {
        const matching = fromData.get(key(section, comparison));
        if (matching === undefined) continue;
        const dataSide = side(matching);
        const modelSide = side(comparison);
        rows.push({
          outcome: section.kind === 'overall' ? 'favourable' : section.name,
          attribute: comparison.attribute,
          unprivileged: comparison.unprivileged.group,
          privileged: comparison.privileged.group,
          data: dataSide,
          model: modelSide,
          change: gapChange(dataSide, modelSide),
          reversed: isReversal(dataSide.disparateImpact, modelSide.disparateImpact),
        });
      }
    }
  }
  return { dataOutcome: options.dataOutcome, rows };
}

/** How far from parity (|ln DI|, 10%) both DIs must be before opposite sides count as a reversal. */
const REVERSAL_MARGIN = Math.log(1.1);

/** Whether two DIs sit on opposite sides of parity, each more than 10% away from it. */
export function isReversal(data: number | null, model: number | null): boolean {
  if (data === null || model === null) return false;
  const side = (value: number) =>
    value === 0 ? -1 : Math.abs(Math.log(value)) < REVERSAL_MARGIN ? 0 : Math.sign(Math.log(value));
  return side(data) * side(model) === -1;
}

const figure = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(3));

/** "gender Female vs Male, fund: data DI 0.567 → model DI 0.994: narrows". */
export function dataModelLine(row: DataModelRow): string {
  const outcome = row.outcome === 'favourable' ? 'favourable outcome' : row.outcome;
  return `${row.attribute} ${row.unprivileged} vs ${row.privileged}, ${outcome}: data DI ${figure(row.data.disparateImpact)} → model DI ${figure(row.model.disparateImpact)}: ${row.change}${row.reversed ? ' (reversed: the model favours the other group)' : ''}`;
}
