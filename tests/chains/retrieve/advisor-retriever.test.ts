import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosine } from '../../../chains/retrieve/advisor-retriever.ts';
import { COLLECTIONS, createChromaClient } from '../../../knowledge/index.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../../support/advisor-fixture.ts';

describe('cosine', () => {
  it('is 1 for the same direction, 0 for orthogonal or zero vectors, and ignores length', () => {
    expect(cosine([1, 2, 2], [2, 4, 4])).toBeCloseTo(1, 12);
    expect(cosine([1, 0], [0, 3])).toBe(0);
    expect(cosine([0, 0], [1, 1])).toBe(0);
    // 3·4 / (√(9+16) · 4) = 12 / 20
    expect(cosine([3, 4], [4, 0])).toBeCloseTo(0.6, 12);
  });
});

describe('AdvisorRetriever scores the small collections in process exactly as Chroma does', () => {
  let fixture: AdvisorFixture;
  beforeAll(async () => {
    fixture = await createAdvisorFixture(60);
  }, 120_000);
  afterAll(async () => {
    await fixture?.dispose();
  });

  it('product similarity equals 1 − Chroma cosine distance for every product', async () => {
    const customer = await fixture.retriever.customer('C-000007');
    if (!customer) throw new Error('fixture customer C-000007 is missing');
    const ours = await fixture.retriever.productSimilarity(customer.vector);
    const collection = await createChromaClient(fixture.chroma.server.url).getCollection({
      name: COLLECTIONS.products,
    });
    const chroma = await collection.query({
      queryEmbeddings: [customer.vector],
      nResults: ours.size,
      include: ['distances'],
    });
    const ids = chroma.ids[0] ?? [];
    expect(ids).toHaveLength(ours.size);
    for (const [index, id] of ids.entries()) {
      expect(ours.get(id)).toBeCloseTo(1 - (chroma.distances[0]?.[index] ?? 2), 5);
    }
  });

  it('the dense part of passage retrieval ranks passages in Chroma’s own order', async () => {
    const question = 'My card has not arrived yet, what should I do?';
    const vector = await fixture.retriever.embedQuestion(question);
    const collection = await createChromaClient(fixture.chroma.server.url).getCollection({
      name: COLLECTIONS.articles,
    });
    const chroma = await collection.query({ queryEmbeddings: [vector], nResults: 3, include: ['distances'] });
    const stored = await collection.get({ include: ['embeddings'] });
    const exact = stored.ids
      .map((id, index) => ({ id, similarity: cosine(vector, Array.from(stored.embeddings[index] ?? [])) }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, 3);
    expect(exact.map((hit) => hit.id)).toEqual(chroma.ids[0]);
    const [best] = await fixture.retriever.passages(question, vector, 1);
    expect(best?.articleId).toBe('card-not-arrived');
    expect(best?.intents).toEqual(['card_arrival', 'card_delivery_estimate']);
  });
});

describe('AdvisorRetriever neighbour adoptions (ids from Chroma, holdings from the in-memory index)', () => {
  let fixture: AdvisorFixture;
  beforeAll(async () => {
    fixture = await createAdvisorFixture(80);
  }, 120_000);
  afterAll(async () => {
    await fixture?.dispose();
  });

  it('counts exactly what the neighbours’ stored metadata says they hold', async () => {
    const customer = await fixture.retriever.customer('C-000011');
    if (!customer) throw new Error('fixture customer C-000011 is missing');
    const ours = await fixture.retriever.neighbourAdoptions(customer, 20);
    const collection = await createChromaClient(fixture.chroma.server.url).getCollection({
      name: COLLECTIONS.profiles,
    });
    const chroma = await collection.query({
      queryEmbeddings: [customer.vector],
      nResults: 21,
      include: ['metadatas'],
    });
    const expected = new Map<string, number>();
    const others = (chroma.ids[0] ?? [])
      .map((id, index) => ({ id, metadata: chroma.metadatas[0]?.[index] }))
      .filter((hit) => hit.id !== 'C-000011')
      .slice(0, 20);
    for (const { metadata } of others) {
      const held = String(metadata?.held_products ?? '');
      for (const productId of held ? held.split(',') : []) {
        expected.set(productId, (expected.get(productId) ?? 0) + 1);
      }
    }
    expect(ours.neighbourCount).toBe(20);
    expect(ours.adoptions).toEqual(expected);
    expect([...expected.values()].reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
  });

  it('a profile stored after the index was read is looked up, not counted as holding nothing', async () => {
    await fixture.retriever.warm();
    const customer = await fixture.retriever.customer('C-000012');
    if (!customer) throw new Error('fixture customer C-000012 is missing');
    const collection = await createChromaClient(fixture.chroma.server.url).getCollection({
      name: COLLECTIONS.profiles,
    });
    await collection.add({
      ids: ['C-999999'],
      embeddings: [customer.vector],
      documents: ['a late arrival'],
      metadatas: [{ held_products: 'LATE-01' }],
    });
    const adoptions = await fixture.retriever.neighbourAdoptions(customer, 5);
    expect(adoptions.adoptions.get('LATE-01')).toBe(1);
  });
});
