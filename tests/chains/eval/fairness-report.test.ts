import { describe, expect, it } from 'vitest';
import {
  type AuditRow,
  buildFairnessReport,
  type FairnessReport,
  type GroupComparison,
  renderFairnessReport,
} from '../../../chains/eval/fairness/index.ts';
import type { RiskTolerance } from '../../../knowledge/schemas.ts';
import { createRandom } from '../../../knowledge/seeded-random.ts';

/** `size` customers alike but for the outcome: the first `favourable` of them were offered a fund. */
function customers(
  size: number,
  favourable: number,
  facts: { gender: string; risk_tolerance: RiskTolerance } & Partial<AuditRow>,
): AuditRow[] {
  return Array.from({ length: size }, (_, index) => ({
    age_band: '35-44',
    income_quartile: 'rest',
    offered_types: index < favourable ? ['fund'] : ['savings'],
    favourable: index < favourable,
    ...facts,
  }));
}

function comparison(
  report: FairnessReport,
  section: string,
  attribute: string,
  unprivileged: string,
): GroupComparison | undefined {
  return report.sections
    .find((candidate) => candidate.name === section)
    ?.attributes.find((candidate) => candidate.attribute === attribute)
    ?.comparisons.find((candidate) => candidate.unprivileged.group === unprivileged);
}

describe('buildFairnessReport', () => {
  // Simpson's paradox by construction. Within each risk band women and men get the same rate:
  //   low:  F 12/60 = 0.2, M 6/30 = 0.2;   high: F 24/30 = 0.8, M 48/60 = 0.8.
  // But women are mostly in the low band, so overall F 36/90 = 0.4 vs M 54/90 = 0.6: DI 0.667, flagged.
  // Conditioning on risk tolerance explains it: DI is 1 in both bands, each with ≥ 30 per group.
  const explained = [
    ...customers(60, 12, { gender: 'Female', risk_tolerance: 'low' }),
    ...customers(30, 6, { gender: 'Male', risk_tolerance: 'low' }),
    ...customers(30, 24, { gender: 'Female', risk_tolerance: 'high' }),
    ...customers(60, 48, { gender: 'Male', risk_tolerance: 'high' }),
  ];
  // Here women get less within the high band too: low F 6/30 = M 6/30 = 0.2; high F 12/30 = 0.4 vs
  // M 24/30 = 0.8 (DI 0.5). Overall F 18/60 = 0.3 vs M 30/60 = 0.5: DI 0.6, and it survives conditioning.
  const survives = [
    ...customers(30, 6, { gender: 'Female', risk_tolerance: 'low' }),
    ...customers(30, 6, { gender: 'Male', risk_tolerance: 'low' }),
    ...customers(30, 12, { gender: 'Female', risk_tolerance: 'high' }),
    ...customers(30, 24, { gender: 'Male', risk_tolerance: 'high' }),
  ];

  it('reports sizes, rates, DI, SPD and the four-fifths flag overall and within each risk band', () => {
    const report = buildFairnessReport(explained, { random: createRandom(1) });
    const overall = comparison(report, 'all', 'gender', 'Female');
    expect(overall?.unprivileged).toMatchObject({ group: 'Female', size: 90, favourable: 36, rate: 0.4 });
    expect(overall?.privileged).toMatchObject({ group: 'Male', size: 90, favourable: 54, rate: 0.6 });
    expect(overall?.disparateImpact.value).toBeCloseTo(2 / 3, 12);
    expect(overall?.statisticalParityDifference.value).toBeCloseTo(-0.2, 12);
    expect(overall?.fourFifths).toBe(true);
    expect(overall?.interval?.lower).toBeLessThan(2 / 3);
    expect(overall?.interval?.upper).toBeGreaterThan(2 / 3);
    for (const band of ['low', 'high']) {
      expect(comparison(report, band, 'gender', 'Female')?.disparateImpact).toEqual({ value: 1 });
      expect(comparison(report, band, 'gender', 'Female')?.fourFifths).toBe(false);
    }
    expect(report.sections.find((section) => section.name === 'medium')?.rows).toBe(0);
  });

  it('puts a flag that vanishes within every risk band under "explained"', () => {
    const { conditioning } = buildFairnessReport(explained, { random: createRandom(1) });
    expect(conditioning?.survives).toEqual([]);
    // Gender, and the same women vs men within the 35-44 band (everyone is 35-44).
    expect(conditioning?.explained.map((finding) => finding.attribute)).toEqual([
      'gender',
      'gender × age_band',
    ]);
    expect(conditioning?.explained[0]?.byRiskBand).toEqual([
      { riskBand: 'low', disparateImpact: 1, flagged: false, comparable: true },
      { riskBand: 'medium', disparateImpact: null, flagged: false, comparable: false },
      { riskBand: 'high', disparateImpact: 1, flagged: false, comparable: true },
    ]);
  });

  it('puts a flag that stays within a comparable risk band under "survives"', () => {
    const { conditioning } = buildFairnessReport(survives, { random: createRandom(1) });
    expect(conditioning?.survives.map((finding) => [finding.attribute, finding.disparateImpact])).toEqual([
      ['gender', 0.6],
      ['gender × age_band', 0.6],
    ]);
    expect(conditioning?.survives[0]?.byRiskBand[2]).toEqual({
      riskBand: 'high',
      disparateImpact: 0.5,
      flagged: true,
      comparable: true,
    });
    expect(conditioning?.explained).toEqual([]);
  });

  it('lists a difference the band mix masks: not flagged overall, flagged within a comparable band', () => {
    // low: F 6/30 = 0.2 vs M 18/60 = 0.3 → DI 0.667 (flagged, 30 and 60 ≥ 30);
    // high: F 42/60 = 0.7 vs M 24/30 = 0.8 → DI 0.875. Overall F 48/90 vs M 42/90 → DI 48/42 = 1.143, not flagged.
    const masked = [
      ...customers(30, 6, { gender: 'Female', risk_tolerance: 'low' }),
      ...customers(60, 18, { gender: 'Male', risk_tolerance: 'low' }),
      ...customers(60, 42, { gender: 'Female', risk_tolerance: 'high' }),
      ...customers(30, 24, { gender: 'Male', risk_tolerance: 'high' }),
    ];
    const { conditioning } = buildFairnessReport(masked, { random: createRandom(1) });
    expect(conditioning?.survives).toEqual([]);
    expect(conditioning?.emerges.map((finding) => finding.attribute)).toEqual([
      'gender',
      'gender × age_band',
    ]);
    expect(conditioning?.emerges[0]?.disparateImpact).toBeCloseTo(8 / 7, 12);
    expect(conditioning?.emerges[0]?.byRiskBand[0]?.disparateImpact).toBeCloseTo(2 / 3, 12);
  });

  it('cannot tell when no risk band has 30 of each group, and warns about the small groups', () => {
    // F 4/20 = 0.2 vs M 16/20 = 0.8 in the high band only: DI 0.25 overall and in the band, but 20 < 30.
    const small = [
      ...customers(20, 4, { gender: 'Female', risk_tolerance: 'high' }),
      ...customers(20, 16, { gender: 'Male', risk_tolerance: 'high' }),
    ];
    const report = buildFairnessReport(small, { random: createRandom(1) });
    expect(report.conditioning?.untestable.map((finding) => finding.attribute)).toEqual([
      'gender',
      'gender × age_band',
    ]);
    expect(comparison(report, 'all', 'gender', 'Female')?.warnings).toEqual([
      'Female has 20 members (< 30): too few to rely on',
      'Male has 20 members (< 30): too few to rely on',
    ]);
  });

  it('reports Other on its own against Male, each age band against the largest, and bottom vs rest income', () => {
    const rows = [
      ...customers(40, 20, { gender: 'Female', risk_tolerance: 'medium', age_band: '25-34' }),
      ...customers(50, 25, { gender: 'Male', risk_tolerance: 'medium', age_band: '45-54' }),
      ...customers(10, 2, {
        gender: 'Other',
        risk_tolerance: 'medium',
        age_band: '45-54',
        income_quartile: 'bottom',
      }),
    ];
    const report = buildFairnessReport(rows, { random: createRandom(2) });
    const overall = report.sections[0];
    const gender = overall?.attributes.find((attribute) => attribute.attribute === 'gender');
    expect(
      gender?.comparisons.map((item) => `${item.unprivileged.group} vs ${item.privileged.group}`),
    ).toEqual(['Female vs Male', 'Other vs Male']);
    // Other: 2/10 = 0.2 vs Male 25/50 = 0.5 → DI 0.4, flagged, with a small-group warning.
    const other = gender?.comparisons[1];
    expect(other?.disparateImpact.value).toBeCloseTo(0.4, 12);
    expect(other?.warnings).toContain('Other has 10 members (< 30): too few to rely on');
    // 45-54 holds 60 people, 25-34 holds 40: the larger is the reference.
    const age = overall?.attributes.find((attribute) => attribute.attribute === 'age_band');
    expect(age?.note).toBe('reference: 45-54, the largest band');
    expect(age?.comparisons.map((item) => item.unprivileged.group)).toEqual(['25-34']);
    // Rates 20/40 = 0.5 and 27/60 = 0.45: difference 0.05, ratio 0.9.
    expect(age?.spread?.difference.value).toBeCloseTo(0.05, 12);
    expect(age?.spread?.ratio.value).toBeCloseTo(0.9, 12);
    const income = overall?.attributes.find((attribute) => attribute.attribute === 'income_quartile');
    // bottom 2/10 = 0.2 vs rest 45/90 = 0.5 → DI 0.4.
    expect(income?.comparisons[0]?.disparateImpact.value).toBeCloseTo(0.4, 12);
  });

  it('takes each offered product type as the outcome, without EOD; EOD overall when labels exist', () => {
    const rows = [
      ...customers(30, 15, { gender: 'Female', risk_tolerance: 'low', label: true }),
      ...customers(30, 15, { gender: 'Male', risk_tolerance: 'low', label: true }),
    ];
    const report = buildFairnessReport(rows, { random: createRandom(3) });
    expect(
      report.sections.filter((section) => section.kind === 'product_type').map((section) => section.name),
    ).toEqual(['savings', 'fund']);
    const savings = comparison(report, 'savings', 'gender', 'Female');
    expect(savings?.unprivileged).toMatchObject({ size: 30, favourable: 15 });
    expect(savings?.equalOpportunityDifference).toBeNull();
    expect(comparison(report, 'all', 'gender', 'Female')?.equalOpportunityDifference).toEqual({ value: 0 });
  });

  it('gives the same intervals for the same seed', () => {
    const first = buildFairnessReport(survives, { random: createRandom(7) });
    const second = buildFairnessReport(survives, { random: createRandom(7) });
    expect(comparison(first, 'all', 'gender', 'Female')?.interval).toEqual(
      comparison(second, 'all', 'gender', 'Female')?.interval,
    );
  });
});

describe('renderFairnessReport', () => {
  const report = buildFairnessReport(
    [
      ...customers(30, 6, { gender: 'Female', risk_tolerance: 'low' }),
      ...customers(30, 6, { gender: 'Male', risk_tolerance: 'low' }),
      ...customers(30, 12, { gender: 'Female', risk_tolerance: 'high' }),
      ...customers(30, 24, { gender: 'Male', risk_tolerance: 'high' }),
    ],
    { random: createRandom(1), title: 'test table', favourable: 'offered a fund' },
  );

  it('renders plain lines: header, summary, then one line per comparison', () => {
    const lines = renderFairnessReport(report);
    expect(lines[0]).toBe('Fairness report: test table');
    expect(lines).toContain('  Survive within a risk band (not explained by risk tolerance): 2');
    expect(lines).toContain('== Overall: 120 rows, favourable rate 40.0% ==');
    const female = lines.find((line) => line.startsWith('  Female vs Male'));
    expect(female).toMatch(
      /n 60\/60 +rate 30\.0%\/50\.0% +DI 0\.600 \[0\.\d\d, 0\.\d\d\] +SPD -0\.200 +FLAG$/,
    );
    // No colour codes, tabs or markup: it goes to Slack, Teams and terminals alike.
    const text = lines.join('\n');
    for (const markup of ['\u001b[', '\t', '**', '<b>']) expect(text).not.toContain(markup);
  });

  it("renders only the overall section with detail 'overall'", () => {
    const lines = renderFairnessReport(report, { detail: 'overall' });
    expect(lines.filter((line) => line.startsWith('=='))).toEqual([
      '== Overall: 120 rows, favourable rate 40.0% ==',
    ]);
  });
});
