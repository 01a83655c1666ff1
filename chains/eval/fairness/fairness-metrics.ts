import type { Random } from '../../../knowledge/seeded-random.ts';

/**
 * Group fairness metrics with AIF360's definitions and names (and Fairlearn's for the spread
 * across many groups). Every metric that can be undefined returns a result with a reason instead
 * of NaN or Infinity, so a report can say why a figure is missing.
 */

/** One decision about one person: the group they belong to, whether the outcome was favourable, and the truth. */
export interface OutcomeRow {
  group: string;
  favourable: boolean;
  /** Whether the person actually merited the favourable outcome (e.g. later adopted it); needed for EOD. */
  label?: boolean;
}

/** Why a metric has no value. */
export type MetricGap = 'empty_group' | 'zero_privileged_rate' | 'zero_rates' | 'no_positive_labels';

/** A metric's value, or the reason it is undefined for these rows. */
export type MetricResult = { value: number } | { value: null; reason: MetricGap; message: string };

/** The AIF360 four-fifths band: a disparate impact outside it is flagged. */
export const FOUR_FIFTHS_BAND = { lower: 0.8, upper: 1.25 } as const;

interface Counts {
  size: number;
  favourable: number;
}

function countGroup(rows: readonly OutcomeRow[], group: string, onlyLabelled = false): Counts {
  let size = 0;
  let favourable = 0;
  for (const row of rows) {
    if (row.group !== group || (onlyLabelled && row.label !== true)) continue;
    size++;
    if (row.favourable) favourable++;
  }
  return { size, favourable };
}

function gap(reason: MetricGap, message: string): MetricResult {
  return { value: null, reason, message };
}

/** P(favourable | group): AIF360's `base_rate` of the predictions, Fairlearn's `selection_rate`. */
export function selectionRate(rows: readonly OutcomeRow[], group: string): MetricResult {
  const counts = countGroup(rows, group);
  if (counts.size === 0) return gap('empty_group', `no rows in group "${group}"`);
  return { value: counts.favourable / counts.size };
}

/**
 * P(fav | unprivileged) / P(fav | privileged). Computed from whole counts in one division, so a
 * ratio that is exactly 0.8 or 1.25 on paper is exactly that double and the four-fifths test is exact.
 */
export function disparateImpact(
  rows: readonly OutcomeRow[],
  unprivileged: string,
  privileged: string,
): MetricResult {
  return disparateImpactOfCounts(countGroup(rows, unprivileged), countGroup(rows, privileged), {
    unprivileged,
    privileged,
  });
}

/** Disparate impact from group sizes and favourable counts (the sufficient statistics). */
export function disparateImpactOfCounts(
  unprivileged: Counts,
  privileged: Counts,
  names: { unprivileged: string; privileged: string } = {
    unprivileged: 'unprivileged',
    privileged: 'privileged',
  },
): MetricResult {
  if (unprivileged.size === 0) return gap('empty_group', `no rows in group "${names.unprivileged}"`);
  if (privileged.size === 0) return gap('empty_group', `no rows in group "${names.privileged}"`);
  if (privileged.favourable === 0) {
    return gap('zero_privileged_rate', `group "${names.privileged}" has no favourable outcomes`);
  }
  return { value: (unprivileged.favourable * privileged.size) / (unprivileged.size * privileged.favourable) };
}

/** P(fav | unprivileged) − P(fav | privileged); 0 is parity, negative means the unprivileged group gets less. */
export function statisticalParityDifference(
  rows: readonly OutcomeRow[],
  unprivileged: string,
  privileged: string,
): MetricResult {
  const unprivilegedRate = selectionRate(rows, unprivileged);
  const privilegedRate = selectionRate(rows, privileged);
  if (unprivilegedRate.value === null) return unprivilegedRate;
  if (privilegedRate.value === null) return privilegedRate;
  return { value: unprivilegedRate.value - privilegedRate.value };
}

/** P(fav | label, group): how often those who merited the favourable outcome got it. */
export function truePositiveRate(rows: readonly OutcomeRow[], group: string): MetricResult {
  const counts = countGroup(rows, group, true);
  if (counts.size === 0) return gap('no_positive_labels', `no rows in group "${group}" have a true label`);
  return { value: counts.favourable / counts.size };
}

/** TPR(unprivileged) − TPR(privileged), AIF360's `equal_opportunity_difference`. */
export function equalOpportunityDifference(
  rows: readonly OutcomeRow[],
  unprivileged: string,
  privileged: string,
): MetricResult {
  const unprivilegedRate = truePositiveRate(rows, unprivileged);
  const privilegedRate = truePositiveRate(rows, privileged);
  if (unprivilegedRate.value === null) return unprivilegedRate;
  if (privilegedRate.value === null) return privilegedRate;
  return { value: unprivilegedRate.value - privilegedRate.value };
}

function selectionRates(rows: readonly OutcomeRow[]): number[] {
  const counts = new Map<string, Counts>();
  for (const row of rows) {
    const group = counts.get(row.group) ?? { size: 0, favourable: 0 };
    group.size++;
    if (row.favourable) group.favourable++;
    counts.set(row.group, group);
  }
  return [...counts.values()].map((group) => group.favourable / group.size);
}

/** Fairlearn's `demographic_parity_difference`: max − min selection rate over every group present. */
export function groupDifference(rows: readonly OutcomeRow[]): MetricResult {
  const rates = selectionRates(rows);
  if (rates.length === 0) return gap('empty_group', 'no rows');
  return { value: Math.max(...rates) - Math.min(...rates) };
}

/** Fairlearn's `demographic_parity_ratio`: min / max selection rate over every group present. */
export function groupRatio(rows: readonly OutcomeRow[]): MetricResult {
  const rates = selectionRates(rows);
  if (rates.length === 0) return gap('empty_group', 'no rows');
  const highest = Math.max(...rates);
  if (highest === 0) return gap('zero_rates', 'no group has a favourable outcome');
  return { value: Math.min(...rates) / highest };
}

/** The four-fifths (80%) rule: true when DI is below 0.8 or above 1.25; both bounds themselves pass. */
export function fourFifthsFlag(disparateImpactValue: number): boolean {
  return disparateImpactValue < FOUR_FIFTHS_BAND.lower || disparateImpactValue > FOUR_FIFTHS_BAND.upper;
}

/** A bootstrap percentile interval, and how many resamples left the metric undefined (they are left out). */
export interface BootstrapInterval {
  lower: number;
  upper: number;
  /** Confidence level, e.g. 0.95. */
  level: number;
  resamples: number;
  undefinedResamples: number;
}

/** How to bootstrap: the number of resamples, the injected random source, and the level (default 0.95). */
export interface BootstrapOptions {
  resamples: number;
  random: Random;
  level?: number;
}

/** The q-quantile of sorted values with linear interpolation (NumPy's default). */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('quantileOfSorted() needs at least one value');
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below] ?? 0;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? low;
  return low + (high - low) * (position - below);
}

/** Percentile interval of bootstrap draws; null when every draw was undefined. */
export function percentileInterval(
  draws: number[],
  options: { resamples: number; level: number },
): BootstrapInterval | null {
  if (draws.length === 0) return null;
  draws.sort((left, right) => left - right);
  const tail = (1 - options.level) / 2;
  return {
    lower: quantileOfSorted(draws, tail),
    upper: quantileOfSorted(draws, 1 - tail),
    level: options.level,
    resamples: options.resamples,
    undefinedResamples: options.resamples - draws.length,
  };
}

/**
 * Stratified bootstrap percentile interval of any metric: each resample draws, with replacement,
 * as many rows from each group as the group has, so group sizes stay fixed as in the data.
 * @example bootstrapInterval(rows, (sample) => disparateImpact(sample, 'Female', 'Male'), { resamples: 1000, random: createRandom(42) })
 */
export function bootstrapInterval(
  rows: readonly OutcomeRow[],
  metric: (sample: readonly OutcomeRow[]) => MetricResult,
  options: BootstrapOptions,
): BootstrapInterval | null {
  const level = options.level ?? 0.95;
  if (!Number.isInteger(options.resamples) || options.resamples < 1) {
    throw new RangeError(`bootstrapInterval: resamples must be a whole number ≥ 1, got ${options.resamples}`);
  }
  const strata = new Map<string, OutcomeRow[]>();
  for (const row of rows) {
    const stratum = strata.get(row.group);
    if (stratum) stratum.push(row);
    else strata.set(row.group, [row]);
  }
  const draws: number[] = [];
  const sample: OutcomeRow[] = new Array(rows.length);
  for (let resample = 0; resample < options.resamples; resample++) {
    let next = 0;
    for (const stratum of strata.values()) {
      for (let index = 0; index < stratum.length; index++) {
        sample[next++] = stratum[Math.floor(options.random() * stratum.length)] as OutcomeRow;
      }
    }
    const result = metric(sample);
    if (result.value !== null) draws.push(result.value);
  }
  return percentileInterval(draws, { resamples: options.resamples, level });
}
