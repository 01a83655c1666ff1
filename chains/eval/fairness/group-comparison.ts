import type { Random } from '../../../knowledge/seeded-random.ts';
import { disparateImpactInterval } from './disparate-impact-interval.ts';
import {
  type BootstrapInterval,
  disparateImpact,
  equalOpportunityDifference,
  fourFifthsFlag,
  groupDifference,
  groupRatio,
  type MetricResult,
  type OutcomeRow,
  selectionRate,
  statisticalParityDifference,
  truePositiveRate,
} from './fairness-metrics.ts';

/** One audited decision with every protected attribute it is reported over (attribute → group). */
export interface ProtectedRow {
  attributes: Readonly<Record<string, string>>;
  favourable: boolean;
  label?: boolean;
}

/** One unprivileged group measured against a privileged (reference) group of the same attribute. */
export interface GroupPair {
  unprivileged: string;
  privileged: string;
}

/** What to report for one protected attribute. */
export interface AttributeSpec {
  /** Key in ProtectedRow.attributes, also the name shown. */
  attribute: string;
  pairs: readonly GroupPair[];
  /** Also report Fairlearn's max−min difference and min/max ratio of selection rates across all groups. */
  spread: boolean;
  /** Shown beside the attribute, e.g. how the reference group was chosen. */
  note?: string;
}

/** How comparisons are measured. */
export interface ComparisonOptions {
  random: Random;
  resamples: number;
  /** Groups smaller than this get a warning. */
  minGroupSize: number;
  /** Whether labels are meaningful here, so EOD is reported. */
  labelled: boolean;
}

/** One group's size and outcomes. */
export interface GroupSummary {
  group: string;
  size: number;
  favourable: number;
  rate: number | null;
  /** Rows with a true label, and the share of them given the favourable outcome; null without labels. */
  labelledPositives: number | null;
  truePositiveRate: number | null;
}

/** Every metric for one unprivileged/privileged pair. */
export interface GroupComparison {
  attribute: string;
  unprivileged: GroupSummary;
  privileged: GroupSummary;
  disparateImpact: MetricResult;
  statisticalParityDifference: MetricResult;
  /** Null when the rows carry no labels. */
  equalOpportunityDifference: MetricResult | null;
  /** Null when DI is undefined. */
  fourFifths: boolean | null;
  /**
   * What the report may say about the four-fifths rule: 'untestable' when either group is under
   * minGroupSize or DI is undefined (a flag or a pass on a handful of rows means nothing), so every
   * surface counts and words small groups the same way.
   */
  verdict: FourFifthsVerdict;
  /** 95% stratified bootstrap interval of DI. */
  interval: BootstrapInterval | null;
  warnings: string[];
}

/** The four-fifths verdict of one comparison, with small or undefined ones kept apart. */
export type FourFifthsVerdict = 'outside_band' | 'within_band' | 'untestable';

/** The verdict from DI and the two group sizes: untestable below minGroupSize or without a DI. */
export function fourFifthsVerdict(
  disparateImpactValue: number | null,
  sizes: { unprivileged: number; privileged: number },
  minGroupSize: number,
): FourFifthsVerdict {
  if (disparateImpactValue === null) return 'untestable';
  if (sizes.unprivileged < minGroupSize || sizes.privileged < minGroupSize) return 'untestable';
  return fourFifthsFlag(disparateImpactValue) ? 'outside_band' : 'within_band';
}

/** The comparisons for one attribute, and its spread across all groups. */
export interface AttributeReport {
  attribute: string;
  note?: string;
  comparisons: GroupComparison[];
  spread: { groups: number; difference: MetricResult; ratio: MetricResult } | null;
}

function summarise(rows: readonly OutcomeRow[], group: string, labelled: boolean): GroupSummary {
  let size = 0;
  let favourable = 0;
  let positives = 0;
  for (const row of rows) {
    if (row.group !== group) continue;
    size++;
    if (row.favourable) favourable++;
    if (row.label === true) positives++;
  }
  return {
    group,
    size,
    favourable,
    rate: selectionRate(rows, group).value,
    labelledPositives: labelled ? positives : null,
    truePositiveRate: labelled ? truePositiveRate(rows, group).value : null,
  };
}

function compareGroups(
  rows: readonly OutcomeRow[],
  attribute: string,
  pair: GroupPair,
  options: ComparisonOptions,
): GroupComparison {
  const unprivileged = summarise(rows, pair.unprivileged, options.labelled);
  const privileged = summarise(rows, pair.privileged, options.labelled);
  const impact = disparateImpact(rows, pair.unprivileged, pair.privileged);
  const warnings: string[] = [];
  for (const group of [unprivileged, privileged]) {
    if (group.size < options.minGroupSize) {
      warnings.push(
        `${group.group} has ${group.size} members (< ${options.minGroupSize}): too few to rely on`,
      );
    }
  }
  if (impact.value === null) warnings.push(`DI undefined: ${impact.message}`);
  return {
    attribute,
    unprivileged,
    privileged,
    disparateImpact: impact,
    statisticalParityDifference: statisticalParityDifference(rows, pair.unprivileged, pair.privileged),
    equalOpportunityDifference: options.labelled
      ? equalOpportunityDifference(rows, pair.unprivileged, pair.privileged)
      : null,
    fourFifths: impact.value === null ? null : fourFifthsFlag(impact.value),
    verdict: fourFifthsVerdict(
      impact.value,
      { unprivileged: unprivileged.size, privileged: privileged.size },
      options.minGroupSize,
    ),
    interval: disparateImpactInterval(unprivileged, privileged, options),
    warnings,
  };
}

/** Measures every pair of one attribute over the rows that have a value for it. */
export function compareAttribute(
  rows: readonly ProtectedRow[],
  spec: AttributeSpec,
  options: ComparisonOptions,
): AttributeReport {
  const outcomes: OutcomeRow[] = [];
  for (const row of rows) {
    const group = row.attributes[spec.attribute];
    if (group === undefined) continue;
    outcomes.push(
      row.label === undefined
        ? { group, favourable: row.favourable }
        : { group, favourable: row.favourable, label: row.label },
    );
  }
  return {
    attribute: spec.attribute,
    ...(spec.note === undefined ? {} : { note: spec.note }),
    comparisons: spec.pairs.map((pair) => compareGroups(outcomes, spec.attribute, pair, options)),
    spread: spec.spread
      ? {
          groups: new Set(outcomes.map((row) => row.group)).size,
          difference: groupDifference(outcomes),
          ratio: groupRatio(outcomes),
        }
      : null,
  };
}
