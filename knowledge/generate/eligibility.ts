import type { Customer, Product } from '../schemas.ts';
import { DATA_END, dayOfIsoDate } from './timeline.ts';

/** The customer facts the catalogue's eligibility rules read. */
export type EligibilityFacts = Pick<
  Customer,
  'age' | 'income' | 'debt_balance' | 'risk_tolerance' | 'investment_horizon_years'
>;

const END_DAY = dayOfIsoDate(DATA_END);

/**
 * The youngest a customer can have been on `date`, given their customers.csv age (their age on
 * DATA_END). Birthdays are at least 365 days apart, so at most ceil(days / 365) fell in between.
 */
export function youngestAgeOn(ageAtEnd: number, date: string): number {
  const daysBeforeEnd = Math.max(0, END_DAY - dayOfIsoDate(date));
  return ageAtEnd - Math.ceil(daysBeforeEnd / 365);
}

/**
 * Whether every eligibility rule of `product` certainly held for the customer on `date`.
 * Financial facts are a snapshot assumed constant over the timeline; only age moves, and both
 * its possible extremes on that day must fall inside the product's age band.
 */
export function isEligibleOn(product: Product, customer: EligibilityFacts, date: string): boolean {
  const rules = product.eligibility;
  if (youngestAgeOn(customer.age, date) < rules.min_age || customer.age > rules.max_age) return false;
  if (customer.income < product.min_income) return false;
  if (customer.investment_horizon_years < rules.min_horizon_years) return false;
  if (!rules.risk_tolerances.includes(customer.risk_tolerance)) return false;
  if (rules.max_debt_to_income !== null) {
    if (customer.income <= 0 || customer.debt_balance / customer.income > rules.max_debt_to_income)
      return false;
  }
  return true;
}
