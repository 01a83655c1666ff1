import { disparateImpactOfCounts, FOUR_FIFTHS_BAND, fourFifthsFlag } from './fairness-metrics.ts';
import type { FourFifthsVerdict } from './group-comparison.ts';

/** One decision with the stratum of legitimate factors it falls in and whether its person is in the protected group. */
export interface StratifiedOutcome {
  stratum: string;
  protected: boolean;
  favourable: boolean;
}

/** A group's size and favourable outcomes within one stratum. */
export interface StratumCounts {
  size: number;
  favourable: number;
}

/** Disparate impact within one stratum (protected rate / reference rate). */
export interface StratumDisparity {
  stratum: string;
  protected: StratumCounts;
  reference: StratumCounts;
  /** Null when either group is empty here or the reference group has no favourable outcome. */
  disparateImpact: number | null;
  /** 'untestable' when either group has fewer than minStratumSize rows or DI is undefined. */
  verdict: FourFifthsVerdict;
}

/** The protected group's disparity once the legitimate factors are held fixed. */
export interface ConditionalDisparity {
  protectedGroup: string;
  referenceGroup: string;
  /** The legitimate factors the strata are made of, in words. */
  factors: string;
  minStratumSize: number;
  /** DI over all rows, ignoring the strata. */
  crude: number | null;
  /**
   * Mantel–Haenszel pooled risk ratio Σ aᵢ·mᵢ/Nᵢ ÷ Σ cᵢ·nᵢ/Nᵢ over strata holding both groups (aᵢ, cᵢ favourable
   * among the nᵢ protected and mᵢ reference rows of a stratum of Nᵢ): a DI weighted towards the strata where
   * both groups are present, so a difference in the mix of strata cannot create or hide it.
   */
  pooled: number | null;
  /** outside/within the band from the pooled DI; 'untestable' when no stratum is testable. */
  verdict: FourFifthsVerdict;
  testableStrata: number;
  untestableStrata: number;
  /** Rows of each group that fall in strata holding both groups (the rows the pooled figure uses). */
  pooledRows: { protected: number; reference: number };
  strata: StratumDisparity[];
}

/** How to measure: the group names and the smallest group a stratum may test. */
export interface ConditionalDisparityOptions {
  protectedGroup: string;
  referenceGroup: string;
  factors: string;
  /** Both groups need at least this many rows in a stratum for its DI to be judged (default 30). */
  minStratumSize?: number;
}

const DEFAULT_MIN_STRATUM_SIZE = 30;

function verdictOf(value: number | null, sizes: [number, number], minimum: number): FourFifthsVerdict {
  if (value === null || sizes[0] < minimum || sizes[1] < minimum) return 'untestable';
  return fourFifthsFlag(value) ? 'outside_band' : 'within_band';
}

/**
 * Conditional disparate impact: DI of the protected group within each stratum of the legitimate factors, and a
 * Mantel–Haenszel pooled figure. Strata are listed in the order first seen.
 * @example conditionalDisparateImpact(rows, { protectedGroup: '18-24', referenceGroup: '25+', factors: 'horizon × risk × capacity' })
 */
export function conditionalDisparateImpact(
  rows: readonly StratifiedOutcome[],
  options: ConditionalDisparityOptions,
): ConditionalDisparity {
  const minimum = options.minStratumSize ?? DEFAULT_MIN_STRATUM_SIZE;
  const counts = new Map<string, { protected: StratumCounts; reference: StratumCounts }>();
  const crude = { protected: { size: 0, favourable: 0 }, reference: { size: 0, favourable: 0 } };
  for (const row of rows) {
    let stratum = counts.get(row.stratum);
    if (stratum === undefined) {
      stratum = { protected: { size: 0, favourable: 0 }, reference: { size: 0, favourable: 0 } };
      counts.set(row.stratum, stratum);
    }
    for (const group of [stratum, crude]) {
      const side = row.protected ? group.protected : group.reference;
      side.size++;
      if (row.favourable) side.favourable++;
    }
  }
  let numerator = 0;
  let denominator = 0;
  const pooledRows = { protected: 0, reference: 0 };
  const strata: StratumDisparity[] = [];
  for (const [stratum, groups] of counts) {
    const impact = disparateImpactOfCounts(groups.protected, groups.reference);
    const value = impact.value;
    strata.push({
      stratum,
      protected: groups.protected,
      reference: groups.reference,
      disparateImpact: value,
      verdict: verdictOf(value, [groups.protected.size, groups.reference.size], minimum),
    });
    if (groups.protected.size === 0 || groups.reference.size === 0) continue;
    const total = groups.protected.size + groups.reference.size;
    numerator += (groups.protected.favourable * groups.reference.size) / total;
    denominator += (groups.reference.favourable * groups.protected.size) / total;
    pooledRows.protected += groups.protected.size;
    pooledRows.reference += groups.reference.size;
  }
  const testableStrata = strata.filter((stratum) => stratum.verdict !== 'untestable').length;
  const pooled = denominator === 0 ? null : numerator / denominator;
  return {
    protectedGroup: options.protectedGroup,
    referenceGroup: options.referenceGroup,
    factors: options.factors,
    minStratumSize: minimum,
    crude: disparateImpactOfCounts(crude.protected, crude.reference).value,
    pooled,
    verdict:
      pooled === null || testableStrata === 0
        ? 'untestable'
        : pooled < FOUR_FIFTHS_BAND.lower || pooled > FOUR_FIFTHS_BAND.upper
          ? 'outside_band'
          : 'within_band',
    testableStrata,
    untestableStrata: strata.length - testableStrata,
    pooledRows,
    strata,
  };
}
