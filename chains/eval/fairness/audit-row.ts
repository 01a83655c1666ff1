import { ageBand } from '../../../knowledge/preprocess/index.ts';
import {
  type Adoption,
  type Customer,
  INVESTMENT_PRODUCT_TYPES,
  type Product,
  type ProductType,
} from '../../../knowledge/schemas.ts';
import type { AuditRow } from './fairness-report.ts';

/** Which outcome of a recommendation counts as favourable in an audit. */
export type FavourableOutcome = 'investment_or_premium' | 'credit_approved';

/** Every favourable-outcome definition, for flag parsing and help texts. */
export const FAVOURABLE_OUTCOMES: readonly FavourableOutcome[] = ['investment_or_premium', 'credit_approved'];

const CREDIT_TYPES: readonly ProductType[] = ['credit_card', 'loan', 'mortgage'];
/** Risk level from which a product is a premium offer whatever its type. */
const PREMIUM_RISK_LEVEL = 4;

/** The words a report uses for each definition. */
export const FAVOURABLE_DESCRIPTIONS: Readonly<Record<FavourableOutcome, string>> = {
  investment_or_premium:
    'offered an investment (fund/retirement) or premium product (card with an annual fee, or risk level 4+)',
  credit_approved: 'offered a credit product (credit card, loan or mortgage)',
};

/** Whether offering (or adopting) this product is the favourable outcome. */
export function isFavourableProduct(product: Product, outcome: FavourableOutcome): boolean {
  if (outcome === 'credit_approved') return CREDIT_TYPES.includes(product.type);
  return (
    INVESTMENT_PRODUCT_TYPES.includes(product.type) ||
    (product.type === 'credit_card' && product.fees.annual > 0) ||
    product.risk_level >= PREMIUM_RISK_LEVEL
  );
}

/**
 * The income at or below which a customer is in the bottom quartile: the ⌈n/4⌉-th lowest income,
 * so at least a quarter of customers are "bottom" (more only when incomes tie at the threshold).
 */
export function bottomQuartileIncome(customers: readonly Customer[]): number {
  const incomes = customers.map((customer) => customer.income).sort((left, right) => left - right);
  return incomes[Math.max(0, Math.ceil(incomes.length / 4) - 1)] ?? 0;
}

/** Customers who took up a favourable product on or after `asOf`: the labels for EOD. */
export function laterAdopters(
  adoptions: readonly Adoption[],
  products: readonly Product[],
  outcome: FavourableOutcome,
  asOf: string,
): Set<string> {
  const favourable = new Set(
    products.filter((product) => isFavourableProduct(product, outcome)).map((product) => product.id),
  );
  const adopters = new Set<string>();
  for (const adoption of adoptions) {
    if (adoption.date >= asOf && favourable.has(adoption.product_id)) adopters.add(adoption.customer_id);
  }
  return adopters;
}

/** One audit row for a customer and the products they were offered. */
export function toAuditRow(
  customer: Customer,
  offered: readonly Product[],
  context: { outcome: FavourableOutcome; bottomQuartileIncome: number; label: boolean },
): AuditRow {
  return {
    gender: customer.gender,
    age_band: ageBand(customer.age),
    income_quartile: customer.income <= context.bottomQuartileIncome ? 'bottom' : 'rest',
    risk_tolerance: customer.risk_tolerance,
    offered_types: [...new Set(offered.map((product) => product.type))],
    favourable: offered.some((product) => isFavourableProduct(product, context.outcome)),
    label: context.label,
  };
}
