import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../knowledge/config.ts';
import { findLocalModel } from '../../knowledge/embedding/transformers-embedder.ts';
import { DatasetError } from '../../knowledge/errors.ts';
import { generateDataset } from '../../knowledge/generate/index.ts';
import { ingestDataset } from '../../knowledge/ingest.ts';
import { openKnowledgeBase } from '../../knowledge/open-knowledge-base.ts';
import { createChromaClient } from '../../knowledge/store/chroma-client.ts';
import { COLLECTIONS, KnowledgeStore, readStoreEmbedder } from '../../knowledge/store/knowledge-store.ts';
import { type ScratchChroma, startScratchChroma } from '../support/chroma.ts';

const CUSTOMERS = 300;

describe('ingest: generated CSV → validate → preprocess → LSA embed → real Chroma', () => {
  let chroma: ScratchChroma;
  let dataDir: string;
  let config: ReturnType<typeof loadConfig>;

  beforeAll(async () => {
    chroma = await startScratchChroma();
    dataDir = path.join(chroma.directory, 'data');
    await generateDataset({ customers: CUSTOMERS, seed: 7, outDir: dataDir });
    config = loadConfig({
      EMBEDDER: 'lsa',
      LSA_DIMENSIONS: '64',
      STORE_DIR: path.join(chroma.directory, 'store'),
      CHROMA_URL: chroma.server.url,
    });
  });
  afterAll(async () => {
    await chroma?.dispose();
  });

  it('builds all three collections and records the embedder on them', async () => {
    const summary = await ingestDataset({ config, chromaUrl: chroma.server.url, dataDir });
    expect(summary.embedder.kind).toBe('lsa');
    expect(summary.embedder.id).toMatch(/^lsa:d\d+:[0-9a-f]{16}$/);
    const profiles = summary.collections.find((collection) => collection.collection === COLLECTIONS.profiles);
    expect(profiles).toMatchObject({ total: CUSTOMERS, added: CUSTOMERS, pending: 0 });
    const products = summary.collections.find((collection) => collection.collection === COLLECTIONS.products);
    expect(products?.total).toBeGreaterThanOrEqual(25);
    const articles = summary.collections.find((collection) => collection.collection === COLLECTIONS.articles);
    expect(articles?.total).toBeGreaterThanOrEqual(22);
    expect(summary.interrupted).toBe(false);
    expect(existsSync(path.join(config.storeDir, 'lsa'))).toBe(true);
    expect(await readStoreEmbedder(chroma.server.url)).toMatchObject({ embedder_id: summary.embedder.id });
  });

  it('a query for a customer returns their profile, and products and articles near it', async () => {
    const knowledge = await openKnowledgeBase(config);
    try {
      const [profile] = await knowledge.store.getByIds('profiles', ['C-000042']);
      expect(profile?.text).toContain('C-000042');
      expect(profile?.metadata.customer_id).toBe('C-000042');
      const self = await knowledge.store.query('profiles', profile?.text ?? '', { k: 1 });
      expect(self[0]?.id).toBe('C-000042');
      const products = await knowledge.store.query('products', profile?.text ?? '', { k: 3 });
      expect(products).toHaveLength(3);
      const passages = await knowledge.store.query('articles', 'my card has not arrived in the post', {
        k: 3,
      });
      expect(passages.map((hit) => hit.metadata.article_id)).toContain('card-not-arrived');
      // Each passage carries its article's intents, so retrieval can keep to the intent of a question.
      const delivery = passages.find((hit) => hit.metadata.article_id === 'card-not-arrived');
      expect(delivery?.metadata.intents).toBe('|card_arrival|card_delivery_estimate|');
    } finally {
      await knowledge.close();
    }
  });

  it('re-ingesting unchanged data re-embeds nothing; a changed customer is re-embedded alone', async () => {
    const again = await ingestDataset({ config, chromaUrl: chroma.server.url, dataDir });
    for (const collection of again.collections) {
      expect(collection).toMatchObject({ added: 0, updated: 0, removed: 0 });
    }
    const file = path.join(dataDir, 'customers.csv');
    const original = await readFile(file, 'utf8');
    const lines = original.split('\n');
    const row = lines.findIndex((line) => line.startsWith('C-000010,'));
    lines[row] = (lines[row] ?? '').replace(/,(low|medium|high),/, (_, tolerance: string) =>
      tolerance === 'low' ? ',high,' : ',low,',
    );
    await writeFile(file, lines.join('\n'));
    try {
      const changed = await ingestDataset({ config, chromaUrl: chroma.server.url, dataDir });
      const profiles = changed.collections.find(
        (collection) => collection.collection === COLLECTIONS.profiles,
      );
      expect(profiles).toMatchObject({ added: 0, updated: 1, unchanged: CUSTOMERS - 1 });
    } finally {
      await writeFile(file, original);
    }
  });

  it('unchanged inputs take the fast path; a store that lost documents is repaired by a full sync', async () => {
    await ingestDataset({ config, chromaUrl: chroma.server.url, dataDir });
    const fast = await ingestDataset({ config, chromaUrl: chroma.server.url, dataDir });
    expect(fast.embedder.reason).toBe('unchanged since the last ingest');
    expect(fast.seconds.preprocess).toBe(0);
    const knowledge = await openKnowledgeBase(config);
    try {
      const client = createChromaClient(chroma.server.url);
      const collection = await client.getOrCreateCollection({
        name: COLLECTIONS.profiles,
        embeddingFunction: null,
      });
      await collection.delete({ ids: ['C-000100'] });
      const repaired = await ingestDataset({ config, chromaUrl: chroma.server.url, dataDir });
      expect(repaired.embedder.reason).not.toBe('unchanged since the last ingest');
      expect(repaired.collections.find((c) => c.collection === COLLECTIONS.profiles)).toMatchObject({
        added: 1,
      });
      expect(await knowledge.store.getByIds('profiles', ['C-000100'])).toHaveLength(1);
    } finally {
      await knowledge.close();
    }
  });

  it('refuses invalid data before writing anything', async () => {
    const file = path.join(dataDir, 'transactions.csv');
    const original = await readFile(file, 'utf8');
    const lines = original.split('\n');
    lines[3] = (lines[3] ?? '').replace(/^([^,]*),C-\d+,/, '$1,C-999999,');
    await writeFile(file, lines.join('\n'));
    const store = await openKnowledgeBase(config);
    const before = await store.store.count('profiles');
    try {
      const error = await ingestDataset({
        config,
        chromaUrl: chroma.server.url,
        dataDir,
        rebuild: true,
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DatasetError);
      expect((error as DatasetError).issues[0]).toMatchObject({
        file: 'transactions.csv',
        line: 4,
        field: 'customer_id',
      });
      expect(await store.store.count('profiles')).toBe(before);
    } finally {
      await store.close();
      await writeFile(file, original);
    }
  });

  it('refuses to mix embedders: a store built with lsa will not take transformers vectors', async () => {
    const other = loadConfig({
      EMBEDDER: 'lsa',
      LSA_DIMENSIONS: '32',
      STORE_DIR: path.join(chroma.directory, 'other'),
    });
    const { fitLsaEmbedder } = await import('../../knowledge/embedding/lsa-embedder.ts');
    const foreign = fitLsaEmbedder(
      ['savings and loans', 'loans and cards', 'cards and savings', 'savings for a home', 'a home loan'],
      { dimensions: other.lsaDimensions },
    );
    await expect(KnowledgeStore.open({ url: chroma.server.url, embedder: foreign })).rejects.toMatchObject({
      code: 'EMBEDDER_MISMATCH',
    });
  });
});

const modelsDir = loadConfig({}).modelsDir;
const localModel = findLocalModel(modelsDir, 'Xenova/all-MiniLM-L6-v2');
describe.skipIf(!localModel)(
  `transformers embedder (skipped: no all-MiniLM-L6-v2 in ${modelsDir}; ../shared/models/README.md says none is present)`,
  () => {
    it('embeds into 384 unit-length dimensions and ranks a paraphrase first', async () => {
      const { TransformersEmbedder } = await import('../../knowledge/embedding/transformers-embedder.ts');
      const embedder = await TransformersEmbedder.load({
        model: 'Xenova/all-MiniLM-L6-v2',
        modelsDir,
        allowRemoteModels: false,
      });
      const [card, savings] = await embedder.embedDocuments([
        'My new debit card has not been delivered yet',
        'Opening a high interest savings account',
      ]);
      const query = await embedder.embedQuery('the card never arrived in the mail');
      const cosine = (a: number[], b: number[]) =>
        a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);
      expect(embedder.dimensions).toBe(384);
      expect(Math.hypot(...(card ?? []))).toBeCloseTo(1, 4);
      expect(cosine(query, card ?? [])).toBeGreaterThan(cosine(query, savings ?? []));
    });
  },
);
