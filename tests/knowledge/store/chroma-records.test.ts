import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromaRecords, createChromaClient, KnowledgeError } from '../../../knowledge/index.ts';
import { type ScratchChroma, startScratchChroma } from '../../support/chroma.ts';

describe('ChromaRecords: the per-turn reads over Chroma’s REST API', () => {
  let chroma: ScratchChroma;
  let records: ChromaRecords;
  beforeAll(async () => {
    chroma = await startScratchChroma();
    const collection = await createChromaClient(chroma.server.url).createCollection({
      name: 'records-test',
      configuration: { hnsw: { space: 'cosine' } },
      embeddingFunction: null,
    });
    await collection.add({
      ids: ['a', 'b', 'c'],
      embeddings: [
        [1, 0],
        [0.6, 0.8],
        [0, 1],
      ],
      documents: ['doc a', 'doc b', 'doc c'],
      metadatas: [{ held: 'X' }, { held: 'Y' }, { held: '' }],
    });
    records = new ChromaRecords(chroma.server.url, collection);
  }, 60_000);
  afterAll(async () => {
    await records?.close();
    await chroma?.dispose();
  });

  it('reads records by id with the fields asked for, and leaves out ids it does not have', async () => {
    const found = await records.get(['b', 'missing'], ['documents', 'metadatas', 'embeddings']);
    expect(found.ids).toEqual(['b']);
    expect(found.documents).toEqual(['doc b']);
    expect(found.metadatas).toEqual([{ held: 'Y' }]);
    expect(found.embeddings?.[0]?.[0]).toBeCloseTo(0.6, 6);
  });

  it('returns the nearest ids in order, with cosine distances when asked for', async () => {
    const nearest = await records.nearest([1, 0], 3, ['distances']);
    expect(nearest.ids).toEqual(['a', 'b', 'c']);
    // cosine distance = 1 − cos: 0, 1 − 0.6, 1 − 0
    expect(nearest.distances.map((distance) => Number(distance?.toFixed(4)))).toEqual([0, 0.4, 1]);
    expect((await records.nearest([0, 1], 1)).ids).toEqual(['c']);
  });

  it('a collection that does not exist is a STORE_UNAVAILABLE error naming the operation and status', async () => {
    const stale = new ChromaRecords(chroma.server.url, {
      id: '00000000-0000-0000-0000-000000000000',
      tenant: 'default_tenant',
      database: 'default_database',
    });
    try {
      const failure = stale.nearest([1, 0], 1);
      await expect(failure).rejects.toBeInstanceOf(KnowledgeError);
      await expect(failure).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      await expect(failure).rejects.toThrow(/^Chroma query answered (404|400|500)/);
    } finally {
      await stale.close();
    }
  });
});
