import type { Product } from './schemas.ts';
import type { DocumentMetadata, StoreDocument } from './store/knowledge-store.ts';

/** Metadata key of the product's full catalogue entry (JSON), so the chain reads the catalogue from the store. */
export const PRODUCT_RECORD_KEY = 'product';

/** How each product type is named in plain English (documents, replies, cards). */
export const PRODUCT_TYPE_LABELS: Record<Product['type'], string> = {
  savings: 'savings account',
  credit_card: 'credit card',
  loan: 'personal loan',
  mortgage: 'mortgage',
  fund: 'investment fund',
  retirement: 'retirement account',
  insurance: 'insurance policy',
};

const RATE_LABELS = {
  AER: 'AER',
  APR: 'APR',
  expected_return: 'expected annual return (not guaranteed)',
  monthly_premium: 'monthly premium from',
} as const;

/** The text a product is embedded and retrieved by: what it is, for whom, at what cost. */
export function productDocument(product: Product): StoreDocument {
  const rate = product.rate
    ? product.rate.kind === 'monthly_premium'
      ? `Monthly premium from $${product.rate.value.toFixed(2)}.`
      : `${product.rate.value}% ${RATE_LABELS[product.rate.kind]}.`
    : '';
  const text = [
    `${product.name} (${product.id}) is a ${PRODUCT_TYPE_LABELS[product.type]}, risk level ${product.risk_level} of 5.`,
    product.description,
    `Features: ${product.features.join('; ')}.`,
    rate,
    `Fees: ${product.fees.description}`,
    `Suited to: ${product.tags.join(', ')}.`,
  ]
    .filter((part) => part.length > 0)
    .join(' ');
  const metadata: DocumentMetadata = {
    product_id: product.id,
    name: product.name,
    type: product.type,
    risk_level: product.risk_level,
    min_income: product.min_income,
  };
  return { id: product.id, text, metadata };
}
