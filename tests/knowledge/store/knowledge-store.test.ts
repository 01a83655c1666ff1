import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Embedder } from '../../../knowledge/embedding/embedder.ts';
import { fitLsaEmbedder } from '../../../knowledge/embedding/lsa-embedder.ts';
import { KnowledgeError } from '../../../knowledge/errors.ts';
import {
  CONTENT_HASH_KEY,
  contentHash,
  KnowledgeStore,
  type StoreDocument,
} from '../../../knowledge/store/knowledge-store.ts';
import { type ScratchChroma, startScratchChroma } from '../../support/chroma.ts';

const TOPICS = [
  'saving money in a high interest savings account for an emergency fund',
  'paying off credit card debt and personal loans with a consolidation loan',
  'investing for retirement in a diversified index fund with low fees',
  'buying a first home with a mortgage and saving for the down payment',
  'travel rewards credit card with no foreign transaction fees for trips abroad',
];

function customerDocuments(count: number): StoreDocument[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `C-${String(index + 1).padStart(6, '0')}`,
    text: `Customer ${index + 1} is interested in ${TOPICS[index % TOPICS.length]}. Note ${index}.`,
    metadata: { customer_id: `C-${String(index + 1).padStart(6, '0')}`, topic: index % TOPICS.length },
  }));
}

/** Wraps the real embedder to count how many texts it embedded. */
function counting(embedder: Embedder): Embedder & { embedded: number } {
  const wrapper = {
    kind: embedder.kind,
    id: embedder.id,
    dimensions: embedder.dimensions,
    embedded: 0,
    embedDocuments: async (texts: string[]) => {
      wrapper.embedded += texts.length;
      return await embedder.embedDocuments(texts);
    },
    embedQuery: (text: string) => embedder.embedQuery(text),
  };
  return wrapper;
}

describe('KnowledgeStore against a real Chroma server', () => {
  let chroma: ScratchChroma;
  let embedder: Embedder;
  beforeAll(async () => {
    chroma = await startScratchChroma();
    const corpus = [...TOPICS, ...customerDocuments(60).map((document) => document.text)];
    embedder = fitLsaEmbedder(corpus, { dimensions: 16, seed: 1 });
  });
  afterAll(async () => {
    await chroma?.dispose();
  });

  it('adds everything once, then re-embeds nothing when nothing changed', async () => {
    await KnowledgeStore.drop(chroma.server.url);
    const counted = counting(embedder);
    const store = await KnowledgeStore.open({ url: chroma.server.url, embedder: counted });
    const documents = customerDocuments(40);
    const first = await store.sync('profiles', documents, { batchSize: 16 });
    expect(first).toMatchObject({ total: 40, added: 40, updated: 0, unchanged: 0, removed: 0, pending: 0 });
    expect(counted.embedded).toBe(40);
    expect(await store.count('profiles')).toBe(40);

    const second = await store.sync('profiles', documents, { batchSize: 16 });
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: 40, removed: 0 });
    expect(counted.embedded).toBe(40);
  });

  it('re-embeds a changed document alone and deletes a removed one', async () => {
    await KnowledgeStore.drop(chroma.server.url);
    const counted = counting(embedder);
    const store = await KnowledgeStore.open({ url: chroma.server.url, embedder: counted });
    const documents = customerDocuments(20);
    await store.sync('profiles', documents);
    const changed = documents
      .slice(0, 19)
      .map((document) =>
        document.id === 'C-000007'
          ? { ...document, text: `${document.text} Now saving for a house.` }
          : document,
      );
    const summary = await store.sync('profiles', changed);
    expect(summary).toMatchObject({ added: 0, updated: 1, unchanged: 18, removed: 1 });
    expect(counted.embedded).toBe(21);
    const [stored] = await store.getByIds('profiles', ['C-000007']);
    expect(stored?.text).toContain('Now saving for a house.');
    expect(await store.getByIds('profiles', ['C-000020'])).toEqual([]);
  });

  it('an interrupted sync leaves every stored document consistent and the next run finishes', async () => {
    await KnowledgeStore.drop(chroma.server.url);
    const store = await KnowledgeStore.open({ url: chroma.server.url, embedder });
    const documents = customerDocuments(50);
    const abort = new AbortController();
    const partial = await store.sync('profiles', documents, {
      batchSize: 10,
      signal: abort.signal,
      onProgress: (written) => {
        if (written >= 20) abort.abort();
      },
    });
    expect(partial).toMatchObject({ pending: 30, removed: 0 });
    expect(await store.count('profiles')).toBe(20);
    const stored = await store.getByIds(
      'profiles',
      documents.map((document) => document.id),
    );
    for (const document of stored) {
      expect(document.metadata[CONTENT_HASH_KEY]).toBe(contentHash(document));
    }
    const rest = await store.sync('profiles', documents, { batchSize: 10 });
    expect(rest).toMatchObject({ added: 30, unchanged: 20, pending: 0 });
    expect(await store.count('profiles')).toBe(50);
  });

  it('scopes a query to one customer with a metadata filter', async () => {
    await KnowledgeStore.drop(chroma.server.url);
    const store = await KnowledgeStore.open({ url: chroma.server.url, embedder });
    await store.sync('profiles', customerDocuments(30));
    const hits = await store.query('profiles', 'mortgage for a first home', {
      k: 5,
      where: { customer_id: 'C-000012' },
    });
    expect(hits.map((hit) => hit.id)).toEqual(['C-000012']);
    const open = await store.query('profiles', 'buying a first home with a mortgage', { k: 3 });
    expect(open).toHaveLength(3);
    expect(open.every((hit) => hit.metadata.topic === 3)).toBe(true);
  });

  it('refuses to open a store built with a different embedder', async () => {
    await KnowledgeStore.drop(chroma.server.url);
    await KnowledgeStore.open({ url: chroma.server.url, embedder });
    const other = fitLsaEmbedder([...TOPICS, 'an entirely different corpus about pets and gardens'], {
      dimensions: 4,
      seed: 2,
    });
    await expect(KnowledgeStore.open({ url: chroma.server.url, embedder: other })).rejects.toMatchObject({
      code: 'EMBEDDER_MISMATCH',
    });
  });

  it('refuses a query vector of the wrong length', async () => {
    const store = await KnowledgeStore.open({ url: chroma.server.url, embedder });
    await expect(store.queryByVector('products', [1, 0, 0], { k: 1 })).rejects.toBeInstanceOf(KnowledgeError);
  });

  it('reports an unreachable server as STORE_UNAVAILABLE', async () => {
    await expect(KnowledgeStore.open({ url: 'http://127.0.0.1:9', embedder })).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    });
  });
});
