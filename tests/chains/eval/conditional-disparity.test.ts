import { describe, expect, it } from 'vitest';
import { conditionalDisparateImpact, type StratifiedOutcome } from '../../../chains/eval/fairness/index.ts';

/** `size` rows of one group in one stratum, the first `favourable` of them favourable. */
function rows(stratum: string, isProtected: boolean, size: number, favourable: number): StratifiedOutcome[] {
  return Array.from({ length: size }, (_, index) => ({
    stratum,
    protected: isProtected,
    favourable: index < favourable,
  }));
}

// Stratum A: protected 2/10, reference 8/20 → DI 0.2 / 0.4 = 0.5.
// Stratum B: protected 15/30, reference 6/10 → DI 0.5 / 0.6 = 5/6.
// Stratum C: protected 1/5 and no reference → DI undefined, left out of the pooled figure.
// Mantel–Haenszel: Σ a·m/N = 2·20/30 + 15·10/40 = 61/12; Σ c·n/N = 8·10/30 + 6·30/40 = 86/12 → 61/86.
// Crude over A and B and C: protected 18/45 = 0.4, reference 14/30 → (18·30)/(45·14) = 540/630 = 6/7.
const TABLE = [
  ...rows('A', true, 10, 2),
  ...rows('A', false, 20, 8),
  ...rows('B', true, 30, 15),
  ...rows('B', false, 10, 6),
  ...rows('C', true, 5, 1),
];
const OPTIONS = { protectedGroup: '18-24', referenceGroup: '25+', factors: 'test strata' };

describe('conditionalDisparateImpact (hand-computed)', () => {
  it('gives the per-stratum DI, the Mantel–Haenszel pooled DI and the crude DI', () => {
    const result = conditionalDisparateImpact(TABLE, { ...OPTIONS, minStratumSize: 10 });
    const byName = new Map(result.strata.map((stratum) => [stratum.stratum, stratum]));
    expect(byName.get('A')?.disparateImpact).toBeCloseTo(0.5, 12);
    expect(byName.get('B')?.disparateImpact).toBeCloseTo(5 / 6, 12);
    expect(byName.get('C')?.disparateImpact).toBeNull();
    expect(result.pooled).toBeCloseTo(61 / 86, 12);
    expect(result.crude).toBeCloseTo(6 / 7, 12);
    expect(result.pooledRows).toEqual({ protected: 40, reference: 30 });
  });

  it('judges each stratum and the pooled figure against the band, small strata untestable', () => {
    const result = conditionalDisparateImpact(TABLE, { ...OPTIONS, minStratumSize: 10 });
    expect(result.strata.map((stratum) => [stratum.stratum, stratum.verdict])).toEqual([
      ['A', 'outside_band'],
      ['B', 'within_band'],
      ['C', 'untestable'],
    ]);
    expect([result.testableStrata, result.untestableStrata]).toEqual([2, 1]);
    // The crude DI (0.857) is inside the band; held within strata the gap (0.709) is not.
    expect(result.verdict).toBe('outside_band');
  });

  it('says untestable, not "within band", when no stratum has enough rows in both groups', () => {
    const result = conditionalDisparateImpact(TABLE, { ...OPTIONS, minStratumSize: 20 });
    expect(result.strata.every((stratum) => stratum.verdict === 'untestable')).toBe(true);
    expect(result.verdict).toBe('untestable');
    expect(result.pooled).toBeCloseTo(61 / 86, 12);
  });

  it('is 1 when both groups have the same rate in every stratum, whatever the mix of strata', () => {
    const equal = [
      ...rows('A', true, 4, 1),
      ...rows('A', false, 40, 10),
      ...rows('B', true, 50, 40),
      ...rows('B', false, 5, 4),
    ];
    expect(conditionalDisparateImpact(equal, { ...OPTIONS, minStratumSize: 1 }).pooled).toBeCloseTo(1, 12);
    // … while the crude DI is far from 1: (41/54) / (14/45).
    expect(conditionalDisparateImpact(equal, OPTIONS).crude).toBeCloseTo(41 / 54 / (14 / 45), 12);
  });
});
