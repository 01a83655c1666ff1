import { ageBand, type DatasetTables } from '../../../knowledge/preprocess/index.ts';
import type { Product } from '../../../knowledge/schemas.ts';
import { bottomQuartileIncome, type FavourableOutcome, isFavourableProduct } from './audit-row.ts';
import type { AuditRow } from './fairness-report.ts';

/**
 * The dataset's own outcomes as audit rows, one per customer: the product types they adopted (any date in the
 * store) stand where the recommender's offers stand, and "favourable" is adopting a favourable product. Run
 * through buildFairnessReport, this is the data's disparity beside the model's, section for section.
 */
export function dataOutcomeRows(
  dataset: Pick<DatasetTables, 'customers' | 'products' | 'adoptions'>,
  favourable: FavourableOutcome,
): AuditRow[] {
  const products = new Map<string, Product>(dataset.products.map((product) => [product.id, product]));
  const adopted = new Map<string, Product[]>();
  for (const adoption of dataset.adoptions) {
    const product = products.get(adoption.product_id);
    if (product === undefined) continue;
    const list = adopted.get(adoption.customer_id) ?? [];
    list.push(product);
    adopted.set(adoption.customer_id, list);
  }
  const threshold = bottomQuartileIncome(dataset.customers);
  return dataset.customers.map((customer) => {
    const taken = adopted.get(customer.customer_id) ?? [];
    return {
      gender: customer.gender,
      age_band: ageBand(customer.age),
      income_quartile: customer.income <= threshold ? 'bottom' : 'rest',
      risk_tolerance: customer.risk_tolerance,
      offered_types: [...new Set(taken.map((product) => product.type))],
      favourable: taken.some((product) => isFavourableProduct(product, favourable)),
    };
  });
}
