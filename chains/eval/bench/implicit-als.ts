import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { createRandom } from '../../../knowledge/seeded-random.ts';

/** Settings of the implicit-feedback ALS factorisation; the defaults suit a catalogue of a few dozen products. */
export interface ImplicitAlsOptions {
  /** Latent factors per user and item (default 8: 32 products do not support more). */
  factors?: number;
  /** Confidence of an observed holding: c = 1 + alpha (default 10). */
  alpha?: number;
  /** L2 penalty on every factor vector (default 0.1). */
  regularisation?: number;
  /** Alternating sweeps (default 15). */
  iterations?: number;
  /** Seed of the initial item factors (default 42). */
  seed?: number;
}

/** A fitted factorisation: scores every item for any basket of held items. */
export interface ImplicitAlsModel {
  readonly itemIds: readonly string[];
  /** x_u · y_i for each item, where x_u is solved for the basket exactly as in training; all 0 for an empty basket. */
  score(heldItemIds: readonly string[]): Map<string, number>;
}

/**
 * Hu, Koren & Volinsky (2008) implicit ALS on the binary customer × product holdings matrix.
 * Customers with the same basket get the same factors, so each distinct basket is solved once per sweep.
 * @example fitImplicitAls([['SAV-01'], ['SAV-01', 'FND-02'], []], catalogIds).score(['SAV-01'])
 */
export function fitImplicitAls(
  baskets: readonly (readonly string[])[],
  itemIds: readonly string[],
  options: ImplicitAlsOptions = {},
): ImplicitAlsModel {
  const factors = options.factors ?? 8;
  const alpha = options.alpha ?? 10;
  const lambda = options.regularisation ?? 0.1;
  const iterations = options.iterations ?? 15;
  const itemIndex = new Map(itemIds.map((id, index) => [id, index]));
  const distinct = distinctBaskets(baskets, itemIndex);

  const random = createRandom(options.seed ?? 42);
  let items = Matrix.from1DArray(
    itemIds.length,
    factors,
    Array.from({ length: itemIds.length * factors }, () => (random() - 0.5) * 0.2),
  );
  const solveUser = (basket: readonly number[], gram: Matrix): Matrix => {
    const system = gram.clone();
    const target = Matrix.zeros(factors, 1);
    for (const item of basket) {
      const vector = items.getRowVector(item);
      system.add(vector.transpose().mmul(vector).mul(alpha));
      target.add(vector.transpose().mul(1 + alpha));
    }
    return new CholeskyDecomposition(system).solve(target);
  };
  const regularised = (gram: Matrix): Matrix => gram.add(Matrix.eye(factors).mul(lambda));

  for (let sweep = 0; sweep < iterations; sweep++) {
    const itemGram = regularised(items.transpose().mmul(items));
    const users = distinct.map((basket) =>
      basket.items.length === 0 ? Matrix.zeros(factors, 1) : solveUser(basket.items, itemGram),
    );
    const userGram = Matrix.zeros(factors, factors);
    distinct.forEach((basket, index) => {
      const vector = users[index] as Matrix;
      userGram.add(vector.mmul(vector.transpose()).mul(basket.count));
    });
    regularised(userGram);
    const next = Matrix.zeros(itemIds.length, factors);
    for (let item = 0; item < itemIds.length; item++) {
      const system = userGram.clone();
      const target = Matrix.zeros(factors, 1);
      distinct.forEach((basket, index) => {
        if (!basket.items.includes(item)) return;
        const vector = users[index] as Matrix;
        system.add(vector.mmul(vector.transpose()).mul(alpha * basket.count));
        target.add(vector.clone().mul((1 + alpha) * basket.count));
      });
      next.setRow(item, new CholeskyDecomposition(system).solve(target).getColumn(0));
    }
    items = next;
  }

  const finalGram = regularised(items.transpose().mmul(items));
  return {
    itemIds,
    score(heldItemIds) {
      const basket = heldItemIds.flatMap((id) => {
        const index = itemIndex.get(id);
        return index === undefined ? [] : [index];
      });
      const scores = new Map<string, number>(itemIds.map((id) => [id, 0]));
      if (basket.length === 0) return scores;
      const user = solveUser([...new Set(basket)], finalGram);
      const products = items.mmul(user).getColumn(0);
      itemIds.forEach((id, index) => {
        scores.set(id, products[index] ?? 0);
      });
      return scores;
    },
  };
}

/** Distinct baskets (as sorted item indices) with how many customers hold each. */
function distinctBaskets(
  baskets: readonly (readonly string[])[],
  itemIndex: ReadonlyMap<string, number>,
): { items: number[]; count: number }[] {
  const byKey = new Map<string, { items: number[]; count: number }>();
  for (const basket of baskets) {
    const items = [
      ...new Set(
        basket.flatMap((id) => {
          const index = itemIndex.get(id);
          return index === undefined ? [] : [index];
        }),
      ),
    ].sort((left, right) => left - right);
    const key = items.join(',');
    const entry = byKey.get(key);
    if (entry) entry.count++;
    else byKey.set(key, { items, count: 1 });
  }
  return [...byKey.values()];
}
