import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFavourableProduct } from '../../../chains/eval/fairness/index.ts';
import {
  checkSuitability,
  type FairRerankingConfig,
  type RecommendationInput,
  rankProducts,
} from '../../../chains/recommend/index.ts';
import { applyFairReranking } from '../../../chains/steps/fair-reranking-step.ts';
import { generateDataset } from '../../../knowledge/generate/index.ts';
import { buildCustomerProfiles, type Dataset, loadDataset } from '../../../knowledge/preprocess/index.ts';
import { spendingOf } from '../../../knowledge/profile-record.ts';

const root = await mkdtemp(path.join(tmpdir(), 'fair-reranking-step-'));
let dataset: Dataset;
let inputs: RecommendationInput[];
const ON: FairRerankingConfig = { enabled: true, minimumShare: 0.34, k: 3 };

beforeAll(async () => {
  await generateDataset({ customers: 400, seed: 3, outDir: root });
  dataset = await loadDataset(root);
  inputs = buildCustomerProfiles(dataset).map(({ customer, aggregates }) => ({
    customer,
    heldProductIds: aggregates.heldProductIds,
    spending: spendingOf(aggregates),
    neighbourAdoptions: new Map(),
    neighbourCount: 0,
  }));
}, 60_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const favourable = (ids: readonly string[]) =>
  dataset.products
    .filter((product) => ids.includes(product.id))
    .some((p) => isFavourableProduct(p, 'investment_or_premium'));

describe('applyFairReranking (the chat step behind FAIR_RERANKING)', () => {
  it('gives an 18–24-year-old with a suitable favourable product at least one in the three shown, all suitable', () => {
    const changed = inputs.filter((input) => {
      if (input.customer.age > 24) return false;
      const shown = rankProducts(input, dataset.products);
      const ids = shown.map((item) => item.product.id);
      const anySuitableFavourable = rankProducts(input, dataset.products, {
        limit: dataset.products.length,
      }).some((item) => isFavourableProduct(item.product, 'investment_or_premium'));
      return !favourable(ids) && anySuitableFavourable;
    });
    // The generated young customers include ones the recommender shows no favourable product.
    expect(changed.length).toBeGreaterThan(0);
    for (const input of changed) {
      const shown = rankProducts(input, dataset.products);
      const reranked = applyFairReranking(shown, input, dataset.products, ON);
      expect(reranked).toHaveLength(shown.length);
      expect(favourable(reranked.map((item) => item.product.id))).toBe(true);
      for (const item of reranked) {
        expect(checkSuitability(input.customer, input.heldProductIds, item.product).suitable).toBe(true);
      }
    }
  });

  it('changes nothing when off, or for customers of 25 and over', () => {
    const young = inputs.find((input) => input.customer.age <= 24) as RecommendationInput;
    const older = inputs.find((input) => input.customer.age >= 25) as RecommendationInput;
    const shownYoung = rankProducts(young, dataset.products);
    expect(applyFairReranking(shownYoung, young, dataset.products, { ...ON, enabled: false })).toBe(
      shownYoung,
    );
    expect(applyFairReranking(shownYoung, young, dataset.products, undefined)).toBe(shownYoung);
    const shownOlder = rankProducts(older, dataset.products);
    expect(applyFairReranking(shownOlder, older, dataset.products, ON)).toBe(shownOlder);
  });
});
