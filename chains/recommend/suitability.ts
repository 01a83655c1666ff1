import type { Customer, Product, RiskTolerance } from '../../knowledge/schemas.ts';

/**
 * The hard suitability rules: a product that breaks any of them is never recommended, whatever
 * its score. Exported as a list so benchmarks and audits can count violations per rule.
 */
export const SUITABILITY_RULES = [
  'age_outside_range',
  'income_below_minimum',
  'risk_tolerance_not_allowed',
  'risk_level_too_high',
  'horizon_too_short',
  'debt_to_income_too_high',
  'already_held',
] as const;
export type SuitabilityRule = (typeof SUITABILITY_RULES)[number];

/** Highest product risk level (1–5) each tolerance may hold, whatever a product's own eligibility allows. */
export const MAX_RISK_LEVEL: Readonly<Record<RiskTolerance, number>> = { low: 2, medium: 3, high: 5 };

/** One broken rule, with a sentence an auditor can read. */
export interface SuitabilityViolation {
  code: SuitabilityRule;
  message: string;
}

/** Either the product may be offered, or every rule it breaks. */
export type SuitabilityVerdict = { suitable: true } | { suitable: false; violations: SuitabilityViolation[] };

/** The only customer facts the rules read; gender, name and location are deliberately absent. */
export type SuitabilityFacts = Pick<
  Customer,
  'age' | 'income' | 'risk_tolerance' | 'investment_horizon_years' | 'debt_balance'
>;

/** Checks every hard rule for one product; all violations are reported, not just the first. */
export function checkSuitability(
  customer: SuitabilityFacts,
  heldProductIds: readonly string[],
  product: Product,
): SuitabilityVerdict {
  const rules = product.eligibility;
  const violations: SuitabilityViolation[] = [];
  const violate = (code: SuitabilityRule, message: string): void => {
    violations.push({ code, message });
  };

  if (customer.age < rules.min_age || customer.age > rules.max_age) {
    violate('age_outside_range', `age ${customer.age} is outside ${rules.min_age}–${rules.max_age}`);
  }
  if (customer.income < product.min_income) {
    violate(
      'income_below_minimum',
      `income ${customer.income} is below the minimum of ${product.min_income}`,
    );
  }
  if (!rules.risk_tolerances.includes(customer.risk_tolerance)) {
    violate(
      'risk_tolerance_not_allowed',
      `${customer.risk_tolerance} risk tolerance is not among ${rules.risk_tolerances.join(', ')}`,
    );
  }
  const maxRisk = MAX_RISK_LEVEL[customer.risk_tolerance];
  if (product.risk_level > maxRisk) {
    violate(
      'risk_level_too_high',
      `risk level ${product.risk_level} exceeds ${maxRisk}, the cap for ${customer.risk_tolerance} risk tolerance`,
    );
  }
  if (customer.investment_horizon_years < rules.min_horizon_years) {
    violate(
      'horizon_too_short',
      `horizon of ${customer.investment_horizon_years} years is shorter than ${rules.min_horizon_years}`,
    );
  }
  if (rules.max_debt_to_income !== null) {
    // Without income there is no ratio to test, and credit cannot responsibly be offered at all.
    if (customer.income <= 0) {
      violate('debt_to_income_too_high', 'no income, so credit cannot be offered');
    } else {
      const ratio = customer.debt_balance / customer.income;
      if (ratio > rules.max_debt_to_income) {
        violate(
          'debt_to_income_too_high',
          `debt/income ${ratio.toFixed(2)} exceeds the maximum of ${rules.max_debt_to_income}`,
        );
      }
    }
  }
  if (heldProductIds.includes(product.id)) violate('already_held', `${product.id} is already held`);

  return violations.length === 0 ? { suitable: true } : { suitable: false, violations };
}
