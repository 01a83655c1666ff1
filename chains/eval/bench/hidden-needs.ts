import { generateCustomer } from '../../../knowledge/generate/customer-generator.ts';
import type { FinancialNeed } from '../../../knowledge/generate/index.ts';
import type { Customer } from '../../../knowledge/schemas.ts';
import { createRandom, deriveSeed } from '../../../knowledge/seeded-random.ts';

/**
 * generateDataset's substream ids for a customer's traits and identity. They are mirrored here, not
 * imported (the generator keeps them private), so every regenerated customer is checked against
 * the loaded row: if the generator's streams ever move, the check fails instead of inventing needs.
 */
const TRAITS_STREAM = 0;
const IDENTITY_STREAM = 1;

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
    const customerSeed = deriveSeed(generatorSeed, index);
    const generated = generateCustomer(index, {
      traits: createRandom(deriveSeed(customerSeed, TRAITS_STREAM)),
      identity: createRandom(deriveSeed(customerSeed, IDENTITY_STREAM)),
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
