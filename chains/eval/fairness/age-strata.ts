import type { Customer } from '../../../knowledge/schemas.ts';

/** The protected age group of the conditional audit (decided in issue #15) and its reference. */
export const YOUNG_ADULTS = { group: '18-24', reference: '25+', maximumAge: 24 } as const;

/** The factors through which age may legitimately change a recommendation, in words. */
export const AGE_LEGITIMATE_FACTORS =
  'investment horizon (under 5 / 5–14 / 15+ years) × risk tolerance × capacity (tercile of income + savings − debt)';

/** Whether the customer is in the protected age group (18–24). */
export function isYoungAdult(customer: Pick<Customer, 'age'>): boolean {
  return customer.age <= YOUNG_ADULTS.maximumAge;
}

/** One year of income plus net assets: what a customer could put at risk. */
const capacityOf = (customer: Customer): number =>
  customer.income + customer.savings_balance - customer.debt_balance;

function horizonBand(years: number): string {
  if (years < 5) return 'horizon <5y';
  if (years < 15) return 'horizon 5-14y';
  return 'horizon 15y+';
}

/**
 * A function naming each customer's stratum of the legitimate factors. Capacity terciles are cut on the
 * population given, so the strata mean the same thing for the protected group and the reference group.
 */
export function ageStrata(population: readonly Customer[]): (customer: Customer) => string {
  const sorted = population.map(capacityOf).sort((left, right) => left - right);
  const cut = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
  const lower = cut(1 / 3);
  const upper = cut(2 / 3);
  return (customer) => {
    const capacity = capacityOf(customer);
    const tercile = capacity < lower ? 'capacity low' : capacity < upper ? 'capacity mid' : 'capacity high';
    return `${horizonBand(customer.investment_horizon_years)}, risk ${customer.risk_tolerance}, ${tercile}`;
  };
}
