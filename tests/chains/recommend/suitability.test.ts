import { describe, expect, it } from 'vitest';
import {
  checkSuitability,
  SUITABILITY_RULES,
  type SuitabilityRule,
} from '../../../chains/recommend/suitability.ts';
import type { Customer, Product } from '../../../knowledge/schemas.ts';
import { makeCustomer, makeProduct } from './recommendation-fixtures.ts';

interface RuleCase {
  rule: SuitabilityRule;
  title: string;
  violating: { customer: Partial<Customer>; held?: string[] };
  passing: { customer: Partial<Customer>; held?: string[] };
  product: Parameters<typeof makeProduct>[0];
}

// Each case breaks exactly one rule, and its passing twin sits exactly on the boundary.
const CASES: RuleCase[] = [
  {
    rule: 'age_outside_range',
    title: 'under the minimum age (20 < 21; 21 passes)',
    product: { id: 'CC-01', eligibility: { min_age: 21 } },
    violating: { customer: { age: 20 } },
    passing: { customer: { age: 21 } },
  },
  {
    rule: 'age_outside_range',
    title: 'over the maximum age (61 > 60; 60 passes)',
    product: { id: 'INS-01', type: 'insurance', eligibility: { max_age: 60 } },
    violating: { customer: { age: 61 } },
    passing: { customer: { age: 60 } },
  },
  {
    rule: 'income_below_minimum',
    title: 'income below the minimum (49,999 < 50,000; 50,000 passes)',
    product: { id: 'CC-02', min_income: 50_000 },
    violating: { customer: { income: 49_999 } },
    passing: { customer: { income: 50_000 } },
  },
  {
    rule: 'risk_tolerance_not_allowed',
    title: 'tolerance not listed (medium, product allows high only; high passes)',
    product: { id: 'FND-01', type: 'fund', risk_level: 2, eligibility: { risk_tolerances: ['high'] } },
    violating: { customer: { risk_tolerance: 'medium' } },
    passing: { customer: { risk_tolerance: 'high' } },
  },
  {
    rule: 'risk_level_too_high',
    title: 'risk 3 for a low tolerance (cap 2; medium, cap 3, passes)',
    product: { id: 'FND-02', type: 'fund', risk_level: 3 },
    violating: { customer: { risk_tolerance: 'low' } },
    passing: { customer: { risk_tolerance: 'medium' } },
  },
  {
    rule: 'risk_level_too_high',
    title: 'risk 4 for a medium tolerance (cap 3; high, cap 5, passes)',
    product: { id: 'FND-03', type: 'fund', risk_level: 4 },
    violating: { customer: { risk_tolerance: 'medium' } },
    passing: { customer: { risk_tolerance: 'high' } },
  },
  {
    rule: 'horizon_too_short',
    title: 'horizon shorter than required (6 < 7; 7 passes)',
    product: { id: 'FND-04', eligibility: { min_horizon_years: 7 } },
    violating: { customer: { investment_horizon_years: 6 } },
    passing: { customer: { investment_horizon_years: 7 } },
  },
  {
    rule: 'debt_to_income_too_high',
    title: 'debt/income above the maximum (20,001/50,000 > 0.4; exactly 0.4 passes)',
    product: { id: 'LN-01', type: 'loan', risk_level: 2, eligibility: { max_debt_to_income: 0.4 } },
    violating: { customer: { income: 50_000, debt_balance: 20_001 } },
    passing: { customer: { income: 50_000, debt_balance: 20_000 } },
  },
  {
    rule: 'debt_to_income_too_high',
    title: 'no income is never eligible for credit, even without debt (any income passes)',
    product: { id: 'CC-04', type: 'credit_card', risk_level: 2, eligibility: { max_debt_to_income: 0.6 } },
    violating: { customer: { income: 0, debt_balance: 0 } },
    passing: { customer: { income: 1, debt_balance: 0 } },
  },
  {
    rule: 'already_held',
    title: 'the customer already holds it (holding another product passes)',
    product: { id: 'SAV-01' },
    violating: { customer: {}, held: ['SAV-09', 'SAV-01'] },
    passing: { customer: {}, held: ['SAV-09'] },
  },
];

describe('checkSuitability', () => {
  it.each(CASES)('$rule: $title', ({ rule, product, violating, passing }) => {
    const catalogProduct: Product = makeProduct(product);
    const verdict = checkSuitability(makeCustomer(violating.customer), violating.held ?? [], catalogProduct);
    expect(verdict.suitable).toBe(false);
    if (verdict.suitable) return;
    expect(verdict.violations.map((violation) => violation.code)).toEqual([rule]);
    expect(verdict.violations[0]?.message).not.toBe('');

    expect(checkSuitability(makeCustomer(passing.customer), passing.held ?? [], catalogProduct)).toEqual({
      suitable: true,
    });
  });

  it('has a known-answer case for every rule it exports', () => {
    expect(new Set(CASES.map((rule) => rule.rule))).toEqual(new Set(SUITABILITY_RULES));
    expect(SUITABILITY_RULES).toHaveLength(7);
  });

  it('reports every broken rule at once, in rule order', () => {
    const product = makeProduct({
      id: 'RET-01',
      type: 'retirement',
      risk_level: 4,
      min_income: 10_000,
      eligibility: { min_age: 18, max_age: 60, min_horizon_years: 10, risk_tolerances: ['high'] },
    });
    const customer = makeCustomer({
      age: 70,
      income: 5_000,
      risk_tolerance: 'low',
      investment_horizon_years: 2,
    });
    const verdict = checkSuitability(customer, ['RET-01'], product);
    expect(verdict).toMatchObject({ suitable: false });
    if (verdict.suitable) return;
    expect(verdict.violations.map((violation) => violation.code)).toEqual([
      'age_outside_range',
      'income_below_minimum',
      'risk_tolerance_not_allowed',
      'risk_level_too_high',
      'horizon_too_short',
      'already_held',
    ]);
  });

  it('does not apply the debt rule to products that are not credit', () => {
    const savings = makeProduct({ id: 'SAV-02', eligibility: { max_debt_to_income: null } });
    expect(checkSuitability(makeCustomer({ income: 0, debt_balance: 90_000 }), [], savings)).toEqual({
      suitable: true,
    });
  });

  it('gives the same verdict whatever the gender', () => {
    const product = makeProduct({ id: 'CC-02', min_income: 50_000, eligibility: { min_age: 21 } });
    const verdicts = (['Female', 'Male', 'Other'] as const).map((gender) =>
      checkSuitability(makeCustomer({ gender, age: 20, income: 40_000 }), [], product),
    );
    expect(verdicts[1]).toEqual(verdicts[0]);
    expect(verdicts[2]).toEqual(verdicts[0]);
  });
});
