import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateDataset, SPLIT_DATE } from '../../../../knowledge/generate/index.ts';
import { type Dataset, type DatasetTables, loadDataset } from '../../../../knowledge/preprocess/index.ts';
import { SPEND_CATEGORIES } from '../../../../knowledge/schemas.ts';

/** A generated and loaded dataset in a temporary folder, removed by `cleanup`. */
export async function generatedDataset(
  customers: number,
  seed: number,
): Promise<{ directory: string; dataset: Dataset; cleanup: () => Promise<void> }> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'bench-quality-'));
  await generateDataset({ customers, seed, outDir: directory });
  return {
    directory,
    dataset: await loadDataset(directory),
    cleanup: () => rm(directory, { recursive: true, force: true }),
  };
}

/**
 * The same dataset with everything dated on or after the cut-off rewritten: other products adopted
 * (and extra adoptions), spending multiplied and moved to other categories (plus a new row per
 * customer), and posts replaced. Rows before the cut-off are untouched.
 */
export function perturbAfterCutoff(dataset: DatasetTables, cutoff: string = SPLIT_DATE): DatasetTables {
  const productIds = dataset.products.map((product) => product.id);
  const otherProduct = (id: string, step: number) =>
    productIds[(productIds.indexOf(id) + step) % productIds.length] as string;
  const after = (date: string) => date >= cutoff;
  return {
    customers: dataset.customers,
    products: dataset.products,
    posts: dataset.posts.map((post) =>
      Date.parse(post.timestamp) >= Date.parse(`${cutoff}T00:00:00Z`)
        ? {
            ...post,
            content: 'I need a mortgage, a premium travel card and an emerging markets fund now',
            sentiment_score: 0.9,
          }
        : post,
    ),
    transactions: [
      ...dataset.transactions.map((transaction) =>
        after(transaction.date)
          ? {
              ...transaction,
              amount: transaction.amount * 7,
              category:
                SPEND_CATEGORIES[
                  (SPEND_CATEGORIES.indexOf(transaction.category) + 3) % SPEND_CATEGORIES.length
                ] ?? transaction.category,
            }
          : transaction,
      ),
      ...dataset.customers.map((customer, index) => ({
        transaction_id: `T-EXTRA-${index}`,
        customer_id: customer.customer_id,
        date: cutoff,
        amount: 999,
        category: 'travel' as const,
        merchant: 'Perturbation Airways',
      })),
    ],
    adoptions: [
      ...dataset.adoptions
        .filter((adoption, index) => !after(adoption.date) || index % 2 === 0)
        .map((adoption) =>
          after(adoption.date) ? { ...adoption, product_id: otherProduct(adoption.product_id, 5) } : adoption,
        ),
      ...dataset.customers.slice(0, 200).map((customer, index) => ({
        customer_id: customer.customer_id,
        product_id: productIds[index % productIds.length] as string,
        date: cutoff,
      })),
    ],
  };
}
