import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastSpend, prepareRecommenders, RANKING_METHODS } from '../../../../chains/eval/bench/index.ts';
import type { Dataset, DatasetTables } from '../../../../knowledge/preprocess/index.ts';
import { generatedDataset, perturbAfterCutoff } from './bench-fixtures.ts';

let dataset: Dataset;
let perturbed: DatasetTables;
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  const generated = await generatedDataset(600, 5);
  cleanup = generated.cleanup;
  dataset = generated.dataset;
  perturbed = perturbAfterCutoff(dataset);
});
afterAll(() => cleanup());

describe('the time split leaks nothing', () => {
  it('the perturbation really changes what happens after the cut-off', () => {
    expect(perturbed.adoptions).not.toEqual(dataset.adoptions);
    expect(perturbed.transactions.length).toBe(dataset.transactions.length + dataset.customers.length);
  });

  it('rewriting post-cut-off adoptions, transactions and posts changes no method’s ranking', async () => {
    const original = await prepareRecommenders(dataset, { seed: 3 });
    const rewritten = await prepareRecommenders(perturbed, { seed: 3 });
    expect(rewritten.embedderId).toBe(original.embedderId);
    let compared = 0;
    for (let index = 0; index < dataset.customers.length; index++) {
      const before = original.contextOf(index);
      const after = rewritten.contextOf(index);
      for (const method of RANKING_METHODS) {
        expect(rewritten.recommenders[method](after), `${method} for customer ${index}`).toEqual(
          original.recommenders[method](before),
        );
        compared++;
      }
    }
    expect(compared).toBe(dataset.customers.length * RANKING_METHODS.length);
  });

  it('rewriting post-cut-off spending changes no spend prediction', () => {
    const options = { seed: 3, trainingCustomers: 150, boostingRounds: 5 };
    const original = forecastSpend(dataset, options);
    const rewritten = forecastSpend(perturbed, options);
    expect(rewritten.forest).toEqual(original.forest);
    expect(rewritten.customerMean).toEqual(original.customerMean);
    expect(rewritten.globalMean).toEqual(original.globalMean);
  });
});
