import type { Random } from '../../../knowledge/seeded-random.ts';
import { type BootstrapInterval, disparateImpactOfCounts, percentileInterval } from './fairness-metrics.ts';

/** A group's size and how many of it got the favourable outcome. */
export interface GroupCounts {
  size: number;
  favourable: number;
}

/**
 * Draws Binomial(n, p) by inverting its cumulative distribution, built once in O(n); each draw is
 * then one uniform and a binary search. Log-space recursion keeps large n from underflowing.
 */
export function binomialSampler(trials: number, probability: number): (random: Random) => number {
  if (probability <= 0) return () => 0;
  if (probability >= 1) return () => trials;
  const logOdds = Math.log(probability / (1 - probability));
  const logProbabilities = new Float64Array(trials + 1);
  logProbabilities[0] = trials * Math.log1p(-probability);
  let highest = logProbabilities[0];
  for (let successes = 0; successes < trials; successes++) {
    const next =
      (logProbabilities[successes] ?? 0) + Math.log((trials - successes) / (successes + 1)) + logOdds;
    logProbabilities[successes + 1] = next;
    if (next > highest) highest = next;
  }
  const cumulative = new Float64Array(trials + 1);
  let total = 0;
  for (let successes = 0; successes <= trials; successes++) {
    total += Math.exp((logProbabilities[successes] ?? 0) - highest);
    cumulative[successes] = total;
  }
  return (random) => {
    const target = random() * total;
    let low = 0;
    let high = trials;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] ?? total) > target) high = middle;
      else low = middle + 1;
    }
    return low;
  };
}

/**
 * The stratified bootstrap interval of disparate impact, drawn on counts: resampling a group of n
 * rows with k favourable, with replacement, gives Binomial(n, k/n) favourable rows, so this is the
 * same distribution as {@link bootstrapInterval} over the rows, at a cost independent of n.
 */
export function disparateImpactInterval(
  unprivileged: GroupCounts,
  privileged: GroupCounts,
  options: { resamples: number; random: Random; level?: number },
): BootstrapInterval | null {
  if (unprivileged.size === 0 || privileged.size === 0) return null;
  const drawUnprivileged = binomialSampler(unprivileged.size, unprivileged.favourable / unprivileged.size);
  const drawPrivileged = binomialSampler(privileged.size, privileged.favourable / privileged.size);
  const draws: number[] = [];
  for (let resample = 0; resample < options.resamples; resample++) {
    const result = disparateImpactOfCounts(
      { size: unprivileged.size, favourable: drawUnprivileged(options.random) },
      { size: privileged.size, favourable: drawPrivileged(options.random) },
    );
    if (result.value !== null) draws.push(result.value);
  }
  return percentileInterval(draws, { resamples: options.resamples, level: options.level ?? 0.95 });
}
