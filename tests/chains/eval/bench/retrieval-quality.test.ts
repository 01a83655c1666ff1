import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ExactCosineIndex,
  measureRetrievalQuality,
  RetrievalOutcome,
  type RetrievalQuality,
} from '../../../../chains/eval/bench/index.ts';
import { loadDataset } from '../../../../knowledge/preprocess/index.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../../../support/advisor-fixture.ts';

describe('measureRetrievalQuality on a real Chroma store', () => {
  let fixture: AdvisorFixture;
  let quality: RetrievalQuality;
  beforeAll(async () => {
    fixture = await createAdvisorFixture(120);
    quality = await measureRetrievalQuality({
      chromaUrl: fixture.chroma.server.url,
      embedder: fixture.knowledge.embedder.embedder,
      seed: 7,
    });
  }, 120_000);
  afterAll(async () => {
    await fixture?.dispose();
  });

  it('finds every exact neighbour on collections small enough for HNSW to be exact', () => {
    expect(quality.k).toBe(10);
    expect(quality.embedder).toBe(fixture.knowledge.embedder.embedder.id);
    expect(quality.indexRecall).toEqual([
      { collection: 'customer_profiles', vectors: 120, queries: 120, recallAtK: 1, imperfectQueries: 0 },
      { collection: 'products', vectors: 32, queries: 32, recallAtK: 1, imperfectQueries: 0 },
      { collection: 'knowledge_articles', vectors: 231, queries: 200, recallAtK: 1, imperfectQueries: 0 },
    ]);
  });

  it("counts a question naming a customer as a hit exactly when the store's own search returns that customer first", async () => {
    const { customers } = await loadDataset(fixture.dataDir);
    let expectedTopHits = 0;
    for (const customer of customers) {
      const question = `What should ${customer.name} (${customer.customer_id}) do with their savings?`;
      const [first] = await fixture.knowledge.store.query('profiles', question, { k: 1 });
      if (first?.id === customer.customer_id) expectedTopHits++;
    }
    const own = quality.ownProfile;
    expect(own.customers).toBe(120);
    expect(own.topHit).toBe(expectedTopHits);
    // Some named customers are found first, and being first implies being in the top k.
    expect(own.topHit).toBeGreaterThan(0);
    expect(own.inTopK).toBeGreaterThanOrEqual(own.topHit);
    expect(own.topHitRate).toBe(own.topHit / 120);
    expect(own.inTopKRate).toBe(own.inTopK / 120);
  });

  it('saves either the measurement or the reason it was skipped', () => {
    expect(RetrievalOutcome.parse({ status: 'measured', quality })).toEqual({ status: 'measured', quality });
    expect(RetrievalOutcome.parse({ status: 'skipped', reason: 'no store' })).toEqual({
      status: 'skipped',
      reason: 'no store',
    });
    expect(RetrievalOutcome.safeParse({ status: 'skipped' }).success).toBe(false);
  });
});

describe('ExactCosineIndex.recall: how an approximate answer is scored', () => {
  // Directions at 0°, 10°, 20°, 90° and a second vector at 10° (a tie), scaled to show length is ignored.
  const degrees = (angle: number, length = 1) => [
    length * Math.cos((angle * Math.PI) / 180),
    length * Math.sin((angle * Math.PI) / 180),
  ];
  const index = new ExactCosineIndex(
    ['a', 'b', 'c', 'd', 'b2'],
    [degrees(0), degrees(10, 3), degrees(20), degrees(90), degrees(10, 0.5)],
  );

  it('is the share of the exact top-k found', () => {
    // From 0°: exact top-3 is a, b, b2 (b and b2 tie at 10°).
    expect(index.recall(degrees(0), ['a', 'b', 'b2'], 3)).toBe(1);
    expect(index.recall(degrees(0), ['a', 'b', 'c'], 3)).toBeCloseTo(2 / 3, 12);
    expect(index.recall(degrees(0), ['d', 'c'], 3)).toBe(0);
    expect(index.recall(degrees(0), ['a', 'a', 'a'], 3)).toBeCloseTo(1 / 3, 12);
  });

  it('counts either of two tied neighbours as found', () => {
    // Exact top-2 from 0° is a and one of the tied b/b2: both answers are right.
    expect(index.recall(degrees(0), ['a', 'b'], 2)).toBe(1);
    expect(index.recall(degrees(0), ['a', 'b2'], 2)).toBe(1);
  });

  it('expects at most as many neighbours as are stored', () => {
    expect(index.size).toBe(5);
    expect(index.recall(degrees(45), ['a', 'b', 'c', 'd', 'b2'], 10)).toBe(1);
    expect(index.recall(degrees(45), ['a', 'b', 'c', 'd'], 10)).toBe(0.8);
  });
});
