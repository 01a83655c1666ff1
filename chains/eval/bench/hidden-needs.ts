import { generateCustomer } from '../../../knowledge/generate/customer-generator.ts';
import { customerStream, type FinancialNeed } from '../../../knowledge/generate/index.ts';
import type { Customer } from '../../../knowledge/schemas.ts';

/**
 * Re-derives the generator's hidden needs (most pressing first) for the given customers by
 * regenerating each one from the dataset's seed and its number in the id (C-000001 is customer 0).
 * Returns null unless every regenerated public profile equals the loaded one, i.e. unless the data
 * really came from generateDataset with this seed (and no injected bias).
 * @example const needs = regenerateHiddenNeeds(dataset.customers.slice(0, 10), 42);
 */
export function regenerateHiddenNeeds(
  customers: readonly Customer[],
  generatorSeed: number,
): Map<string, FinancialNeed[]> | null {
  const needs = new Map<string, FinancialNeed[]>();
  for (const customer of customers) {
    const number = /^C-(\d+)$/.exec(customer.customer_id)?.[1];
    if (number === undefined || Number(number) < 1) return null;
    const index = Number(number) - 1;
    const generated = generateCustomer(index, {
      traits: customerStream(generatorSeed, index, 'traits'),
      identity: customerStream(generatorSeed, index, 'identity'),
    });
    if (publicFacts(generated.profile) !== publicFacts(customer)) return null;
    needs.set(customer.customer_id, generated.hidden.needs);
  }
  return needs;
}

/** The facts compared: every money, horizon and risk figure plus age, gender and interests. */
function publicFacts(customer: Customer): string {
  return JSON.stringify([
    customer.customer_id,
    customer.age,
    customer.gender,
    customer.income,
    customer.risk_tolerance,
    customer.investment_horizon_years,
    customer.savings_balance,
    customer.debt_balance,
    [...customer.interests].sort(),
  ]);
}
