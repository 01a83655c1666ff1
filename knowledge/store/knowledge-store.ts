import { createHash } from 'node:crypto';
import type { ChromaClient, Collection, Metadata } from 'chromadb';
import type { Embedder, EmbedderKind } from '../embedding/embedder.ts';
import { KnowledgeError } from '../errors.ts';
import { createChromaClient } from './chroma-client.ts';

/** The store's three collections (Chroma names need ≥ 3 characters). */
export const COLLECTIONS = {
  profiles: 'customer_profiles',
  products: 'products',
  articles: 'knowledge_articles',
} as const;
export type CollectionKey = keyof typeof COLLECTIONS;

/** Flat metadata as Chroma stores it. */
export type DocumentMetadata = Record<string, string | number | boolean>;

/** One document to keep in a collection. */
export interface StoreDocument {
  id: string;
  text: string;
  metadata: DocumentMetadata;
}

/** A retrieved document with its cosine distance to the query (0 = identical direction). */
export interface StoreHit extends StoreDocument {
  distance: number;
}

/** What a sync changed. */
export interface SyncSummary {
  collection: string;
  total: number;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  /** Documents written (embedded and upserted) by this run. */
  written: number;
  /** Documents not yet written because the run was interrupted. */
  pending: number;
  embedSeconds: number;
  upsertSeconds: number;
}

export interface SyncOptions {
  batchSize?: number;
  /** Called after each written batch with (documents written so far, documents to write). */
  onProgress?: (written: number, toWrite: number) => void;
  /** When aborted, the current batch finishes and the sync stops; the store stays consistent. */
  signal?: AbortSignal;
}

/** Metadata key of the content hash that makes re-ingest incremental. */
export const CONTENT_HASH_KEY = 'content_hash';

/** Hash of exactly what is embedded and stored, so any change to a document is noticed. */
export function contentHash(document: Pick<StoreDocument, 'text' | 'metadata'>): string {
  const keys = Object.keys(document.metadata)
    .filter((key) => key !== CONTENT_HASH_KEY)
    .sort();
  const metadata = keys.map((key) => [key, document.metadata[key]]);
  return createHash('sha256')
    .update(document.text)
    .update('\u0000')
    .update(JSON.stringify(metadata))
    .digest('hex')
    .slice(0, 32);
}

/** Where each collection records the vector space its embeddings live in. */
interface CollectionSpace {
  embedder_id: string;
  embedder_kind: EmbedderKind;
  dimensions: number;
}

/** Reads which embedder built the store, if any collection exists yet. */
export async function readStoreEmbedder(url: string): Promise<CollectionSpace | undefined> {
  const client = createChromaClient(url);
  for (const name of Object.values(COLLECTIONS)) {
    const existing = await findCollection(client, name);
    const space = existing ? spaceOf(existing) : undefined;
    if (space) return space;
  }
  return undefined;
}

/** Documents per collection (0 for a collection that does not exist yet), without needing an embedder. */
export async function countCollections(url: string): Promise<Record<CollectionKey, number>> {
  const client = createChromaClient(url);
  const counts = await Promise.all(
    (Object.keys(COLLECTIONS) as CollectionKey[]).map(async (key) => {
      const collection = await findCollection(client, COLLECTIONS[key]);
      return [key, collection ? await collection.count() : 0] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<CollectionKey, number>;
}

/**
 * The Chroma-backed document store: collections bound to one embedder, incremental sync, scoped queries.
 * @example const store = await KnowledgeStore.open({ url, embedder }); await store.query('products', 'low-risk savings', { k: 5 });
 */
export class KnowledgeStore {
  private constructor(
    private readonly embedder: Embedder,
    private readonly collections: Record<CollectionKey, Collection>,
  ) {}

  /** Opens (creating when absent) the collections; refuses a store built with another embedder. */
  static async open(options: { url: string; embedder: Embedder }): Promise<KnowledgeStore> {
    const client = createChromaClient(options.url);
    try {
      await client.heartbeat();
    } catch (error) {
      throw new KnowledgeError('STORE_UNAVAILABLE', `Chroma is not reachable at ${options.url}`, {
        cause: error,
      });
    }
    const space: CollectionSpace = {
      embedder_id: options.embedder.id,
      embedder_kind: options.embedder.kind,
      dimensions: options.embedder.dimensions,
    };
    const entries = await Promise.all(
      (Object.keys(COLLECTIONS) as CollectionKey[]).map(async (key) => {
        const name = COLLECTIONS[key];
        const existing = await findCollection(client, name);
        if (existing) {
          assertSameSpace(name, spaceOf(existing), space);
          return [key, existing] as const;
        }
        const created = await client.getOrCreateCollection({
          name,
          embeddingFunction: null,
          configuration: { hnsw: { space: 'cosine' } },
          metadata: { ...space },
        });
        return [key, created] as const;
      }),
    );
    return new KnowledgeStore(
      options.embedder,
      Object.fromEntries(entries) as Record<CollectionKey, Collection>,
    );
  }

  /** Deletes every collection (used by `ingest --rebuild` and tests). */
  static async drop(url: string): Promise<void> {
    const client = createChromaClient(url);
    for (const name of Object.values(COLLECTIONS)) {
      if (await findCollection(client, name)) await client.deleteCollection({ name });
    }
  }

  get embedderId(): string {
    return this.embedder.id;
  }

  async count(key: CollectionKey): Promise<number> {
    return await this.collections[key].count();
  }

  /**
   * Makes the collection hold exactly `documents`: embeds and upserts only new or changed ones
   * (content hash), deletes the ones no longer present. Each batch carries its own hashes, so an
   * interrupted sync leaves every stored document consistent and the next run finishes the rest.
   */
  async sync(
    key: CollectionKey,
    documents: StoreDocument[],
    options: SyncOptions = {},
  ): Promise<SyncSummary> {
    const collection = this.collections[key];
    const stored = await this.storedHashes(collection);
    const seen = new Set<string>();
    const toWrite: StoreDocument[] = [];
    let added = 0;
    let updated = 0;
    for (const document of documents) {
      if (seen.has(document.id)) {
        throw new KnowledgeError(
          'INVALID_INPUT',
          `Duplicate document id ${document.id} in ${collection.name}`,
        );
      }
      seen.add(document.id);
      const hash = contentHash(document);
      const previous = stored.get(document.id);
      if (previous === hash) continue;
      if (previous === undefined) added++;
      else updated++;
      toWrite.push({ ...document, metadata: { ...document.metadata, [CONTENT_HASH_KEY]: hash } });
    }
    const removedIds = [...stored.keys()].filter((id) => !seen.has(id));
    const batchSize = options.batchSize ?? 500;
    let written = 0;
    let embedMs = 0;
    let upsertMs = 0;
    for (let start = 0; start < toWrite.length; start += batchSize) {
      if (options.signal?.aborted) break;
      const batch = toWrite.slice(start, start + batchSize);
      const embedStart = performance.now();
      const embeddings = await this.embedder.embedDocuments(batch.map((document) => document.text));
      embedMs += performance.now() - embedStart;
      const upsertStart = performance.now();
      await collection.upsert({
        ids: batch.map((document) => document.id),
        embeddings,
        documents: batch.map((document) => document.text),
        metadatas: batch.map((document) => document.metadata as Metadata),
      });
      upsertMs += performance.now() - upsertStart;
      written += batch.length;
      options.onProgress?.(written, toWrite.length);
    }
    const interrupted = written < toWrite.length;
    if (!interrupted) {
      for (let start = 0; start < removedIds.length; start += batchSize) {
        await collection.delete({ ids: removedIds.slice(start, start + batchSize) });
      }
    }
    return {
      collection: collection.name,
      total: documents.length,
      added,
      updated,
      unchanged: documents.length - added - updated,
      removed: interrupted ? 0 : removedIds.length,
      written,
      pending: toWrite.length - written,
      embedSeconds: embedMs / 1000,
      upsertSeconds: upsertMs / 1000,
    };
  }

  /** Nearest documents to a text, optionally restricted by a metadata filter (Chroma `where`). */
  async query(
    key: CollectionKey,
    text: string,
    options: { k: number; where?: Record<string, unknown> },
  ): Promise<StoreHit[]> {
    const embedding = await this.embedder.embedQuery(text);
    return await this.queryByVector(key, embedding, options);
  }

  /** Nearest documents to a vector already in this store's space. */
  async queryByVector(
    key: CollectionKey,
    embedding: number[],
    options: { k: number; where?: Record<string, unknown> },
  ): Promise<StoreHit[]> {
    if (embedding.length !== this.embedder.dimensions) {
      throw new KnowledgeError(
        'EMBEDDER_MISMATCH',
        `Query vector has ${embedding.length} dimensions; the store's embedder ${this.embedder.id} has ${this.embedder.dimensions}`,
      );
    }
    const result = await this.collections[key].query({
      queryEmbeddings: [embedding],
      nResults: options.k,
      ...(options.where ? { where: options.where as never } : {}),
      include: ['documents', 'metadatas', 'distances'],
    });
    const ids = result.ids[0] ?? [];
    return ids.map((id, index) => ({
      id,
      text: result.documents[0]?.[index] ?? '',
      metadata: (result.metadatas[0]?.[index] ?? {}) as DocumentMetadata,
      distance: result.distances[0]?.[index] ?? Number.NaN,
    }));
  }

  /** Documents by id, in the order asked; missing ids are left out. */
  async getByIds(key: CollectionKey, ids: string[]): Promise<StoreDocument[]> {
    if (ids.length === 0) return [];
    const result = await this.collections[key].get({ ids, include: ['documents', 'metadatas'] });
    const byId = new Map<string, StoreDocument>();
    result.ids.forEach((id, index) => {
      byId.set(id, {
        id,
        text: result.documents[index] ?? '',
        metadata: (result.metadatas[index] ?? {}) as DocumentMetadata,
      });
    });
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  private async storedHashes(collection: Collection): Promise<Map<string, string>> {
    const hashes = new Map<string, string>();
    const pageSize = 5000;
    for (let offset = 0; ; offset += pageSize) {
      const page = await collection.get({ include: ['metadatas'], limit: pageSize, offset });
      page.ids.forEach((id, index) => {
        const hash = page.metadatas[index]?.[CONTENT_HASH_KEY];
        hashes.set(id, typeof hash === 'string' ? hash : '');
      });
      if (page.ids.length < pageSize) break;
    }
    return hashes;
  }
}

async function findCollection(client: ChromaClient, name: string): Promise<Collection | undefined> {
  const names = await client.listCollections();
  if (!names.some((collection) => collection.name === name)) return undefined;
  return await client.getOrCreateCollection({ name, embeddingFunction: null });
}

function spaceOf(collection: Collection): CollectionSpace | undefined {
  const metadata = collection.metadata;
  if (!metadata || typeof metadata.embedder_id !== 'string') return undefined;
  return {
    embedder_id: metadata.embedder_id,
    embedder_kind: metadata.embedder_kind === 'transformers' ? 'transformers' : 'lsa',
    dimensions: Number(metadata.dimensions),
  };
}

function assertSameSpace(name: string, stored: CollectionSpace | undefined, wanted: CollectionSpace): void {
  if (!stored) {
    throw new KnowledgeError(
      'EMBEDDER_MISMATCH',
      `Collection ${name} has no embedder recorded; it was not made by this project. Rebuild with \`npm run ingest -- --rebuild\`.`,
    );
  }
  if (stored.embedder_id !== wanted.embedder_id) {
    throw new KnowledgeError(
      'EMBEDDER_MISMATCH',
      `Collection ${name} was built with embedder ${stored.embedder_id} but ${wanted.embedder_id} is in use; ` +
        'vectors from different embedders are not comparable. Use the same EMBEDDER, or rebuild with `npm run ingest -- --rebuild`.',
    );
  }
}
