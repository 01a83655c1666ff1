import type { ChromaClient, Collection } from 'chromadb';
import { z } from 'zod';
import {
  COLLECTIONS,
  type CollectionKey,
  createChromaClient,
  type Embedder,
  PROFILE_RECORD_KEY,
  parseProfileRecord,
} from '../../../knowledge/index.ts';
import { createRandom } from '../../../knowledge/seeded-random.ts';
import { ChainError } from '../../chain-error.ts';
import { sampleIndices } from './sample-indices.ts';

/** How many neighbours the index recall is measured on (the recall@10). */
export const RETRIEVAL_K = 10;
/** Stored vectors used as queries per collection, and customers named in questions (seeded samples). */
export const RETRIEVAL_SAMPLE = 200;
/**
 * Distances this close to the exact k-th distance count as ties: HNSW may return either of two equally
 * near vectors, and neither choice is a miss.
 */
const TIE_TOLERANCE = 1e-6;
const PAGE_SIZE = 2000;
const QUERY_BATCH = 50;

/** How much of the exact nearest neighbours the approximate (HNSW) index returns, for one collection. */
export const IndexRecall = z.object({
  collection: z.string(),
  /** Vectors stored in the collection. */
  vectors: z.number().int(),
  /** Stored vectors used as queries (a seeded sample; each query's own vector stays in the index). */
  queries: z.number().int(),
  /** Mean over queries of |HNSW top-k ∩ exact top-k| / min(k, vectors), ties at the k-th distance counted as found. */
  recallAtK: z.number(),
  /** Queries whose HNSW top-k missed at least one exact neighbour. */
  imperfectQueries: z.number().int(),
});
/** Index recall of one collection. */
export type IndexRecall = z.output<typeof IndexRecall>;

/** Whether a question naming a customer finds that customer's own profile first. */
export const OwnProfileHits = z.object({
  /** The question asked for each sampled customer, with `{name}` and `{id}` filled in. */
  question: z.string(),
  customers: z.number().int(),
  topHit: z.number().int(),
  /** topHit / customers; null with no customers. */
  topHitRate: z.number().nullable(),
  inTopK: z.number().int(),
  inTopKRate: z.number().nullable(),
});
/** Own-profile hits of the profile store. */
export type OwnProfileHits = z.output<typeof OwnProfileHits>;

/** Retrieval quality of the Chroma store: index recall per collection and own-profile hits. */
export const RetrievalQuality = z.object({
  k: z.number().int(),
  seed: z.number().int(),
  embedder: z.string(),
  indexRecall: z.array(IndexRecall),
  ownProfile: OwnProfileHits,
  seconds: z.number(),
});
/** Retrieval quality of the Chroma store. */
export type RetrievalQuality = z.output<typeof RetrievalQuality>;

/** What a bench run saves about retrieval: the measurement, or why there is none. */
export const RetrievalOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('measured'), quality: RetrievalQuality }),
  z.object({ status: z.literal('skipped'), reason: z.string() }),
]);
/** The measurement, or why it was skipped. */
export type RetrievalOutcome = z.output<typeof RetrievalOutcome>;

/** Options of a retrieval-quality measurement. */
export interface RetrievalQualityOptions {
  /** A Chroma server holding an ingested store. */
  chromaUrl: string;
  /** The embedder the store was built with; embeds the questions naming customers. */
  embedder: Embedder;
  k?: number;
  seed?: number;
  /** Stored vectors used as queries per collection (default RETRIEVAL_SAMPLE). */
  queries?: number;
  /** Customers named in questions (default RETRIEVAL_SAMPLE). */
  customers?: number;
}

/** The question that should find the customer's own profile first. */
export const OWN_PROFILE_QUESTION = 'What should {name} ({id}) do with their savings?';

/**
 * Measures the store the advisor retrieves from: for each collection, recall@k of Chroma's HNSW index
 * against exact (brute-force cosine) search over the same stored vectors; and for the profile store, how
 * often a question naming a customer returns that customer's own profile first.
 * @example await measureRetrievalQuality({ chromaUrl: knowledge.connection.url, embedder: knowledge.embedder.embedder })
 */
export async function measureRetrievalQuality(options: RetrievalQualityOptions): Promise<RetrievalQuality> {
  const started = performance.now();
  const k = options.k ?? RETRIEVAL_K;
  const seed = options.seed ?? 42;
  const client = createChromaClient(options.chromaUrl);
  const indexRecall: IndexRecall[] = [];
  for (const key of ['profiles', 'products', 'articles'] as const satisfies readonly CollectionKey[]) {
    const collection = await openCollection(client, COLLECTIONS[key]);
    indexRecall.push(
      await measureIndexRecall(collection, k, options.queries ?? RETRIEVAL_SAMPLE, createRandom(seed)),
    );
  }
  const profiles = await openCollection(client, COLLECTIONS.profiles);
  const ownProfile = await measureOwnProfileHits(
    profiles,
    options.embedder,
    k,
    options.customers ?? RETRIEVAL_SAMPLE,
    createRandom(seed + 1),
  );
  return {
    k,
    seed,
    embedder: options.embedder.id,
    indexRecall,
    ownProfile,
    seconds: (performance.now() - started) / 1000,
  };
}

async function openCollection(client: ChromaClient, name: string): Promise<Collection> {
  const names = await client.listCollections();
  if (!names.some((collection) => collection.name === name)) {
    throw new ChainError(
      'INVALID_INPUT',
      `The store has no collection ${name}: run \`npm run ingest\` first.`,
    );
  }
  return await client.getOrCreateCollection({ name, embeddingFunction: null });
}

/** Every stored id and vector of a collection, page by page. */
async function storedVectors(collection: Collection): Promise<{ ids: string[]; vectors: number[][] }> {
  const ids: string[] = [];
  const vectors: number[][] = [];
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await collection.get({ include: ['embeddings'], limit: PAGE_SIZE, offset });
    ids.push(...page.ids);
    vectors.push(...page.embeddings);
    if (page.ids.length < PAGE_SIZE) break;
  }
  return { ids, vectors };
}

function unitVector(vector: readonly number[]): Float64Array {
  const norm = Math.hypot(...vector);
  return Float64Array.from(vector, (value) => (norm === 0 ? 0 : value / norm));
}

function dot(left: Float64Array, right: Float64Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) sum += (left[index] ?? 0) * (right[index] ?? 0);
  return sum;
}

/** Brute-force cosine search over stored vectors: the ground truth an approximate index is scored against. */
export class ExactCosineIndex {
  private readonly units: Float64Array[];
  private readonly position: Map<string, number>;

  constructor(ids: readonly string[], vectors: readonly (readonly number[])[]) {
    this.units = vectors.map(unitVector);
    this.position = new Map(ids.map((id, index) => [id, index]));
  }

  get size(): number {
    return this.units.length;
  }

  /**
   * Share of the exact top-k of `query` found in `returned` (an approximate index's answer). A returned id
   * counts when it is no farther than the exact k-th neighbour, so a tie broken the other way is no miss.
   */
  recall(query: readonly number[], returned: readonly string[], k: number): number {
    const expected = Math.min(k, this.units.length);
    if (expected === 0) return 1;
    const unit = unitVector(query);
    const cutoff = this.kthDistance(unit, k) + TIE_TOLERANCE;
    const hits = [...new Set(returned)].filter((id) => {
      const stored = this.units[this.position.get(id) ?? -1];
      return stored !== undefined && 1 - dot(unit, stored) <= cutoff;
    }).length;
    return Math.min(hits, expected) / expected;
  }

  /** The k-th smallest cosine distance from a unit query to the stored vectors. */
  private kthDistance(unit: Float64Array, k: number): number {
    const nearest: number[] = [];
    for (const stored of this.units) {
      const distance = 1 - dot(unit, stored);
      if (nearest.length === k && distance >= (nearest[k - 1] ?? Number.POSITIVE_INFINITY)) continue;
      let position = nearest.length;
      while (position > 0 && (nearest[position - 1] ?? 0) > distance) position--;
      nearest.splice(position, 0, distance);
      if (nearest.length > k) nearest.pop();
    }
    return nearest[nearest.length - 1] ?? Number.POSITIVE_INFINITY;
  }
}

async function measureIndexRecall(
  collection: Collection,
  k: number,
  sampleSize: number,
  random: () => number,
): Promise<IndexRecall> {
  const { ids, vectors } = await storedVectors(collection);
  const exact = new ExactCosineIndex(ids, vectors);
  const queries = sampleIndices(ids.length, sampleSize, random);
  let recallSum = 0;
  let imperfectQueries = 0;
  for (let start = 0; start < queries.length; start += QUERY_BATCH) {
    const batch = queries.slice(start, start + QUERY_BATCH).map((index) => vectors[index] ?? []);
    const approximate = await collection.query({
      queryEmbeddings: batch,
      nResults: k,
      include: ['distances'],
    });
    batch.forEach((query, row) => {
      const recall = exact.recall(query, approximate.ids[row] ?? [], k);
      recallSum += recall;
      if (recall < 1) imperfectQueries++;
    });
  }
  return {
    collection: collection.name,
    vectors: ids.length,
    queries: queries.length,
    recallAtK: queries.length === 0 ? 0 : recallSum / queries.length,
    imperfectQueries,
  };
}

async function measureOwnProfileHits(
  profiles: Collection,
  embedder: Embedder,
  k: number,
  sampleSize: number,
  random: () => number,
): Promise<OwnProfileHits> {
  const { ids } = await profiles.get({ include: [] });
  const sampled = sampleIndices(ids.length, sampleSize, random).map((index) => ids[index] as string);
  let topHit = 0;
  let inTopK = 0;
  for (let start = 0; start < sampled.length; start += QUERY_BATCH) {
    const batch = sampled.slice(start, start + QUERY_BATCH);
    const stored = await profiles.get({ ids: batch, include: ['metadatas'] });
    const names = new Map(
      stored.ids.map((id, index) => [
        id,
        parseProfileRecord(stored.metadatas[index]?.[PROFILE_RECORD_KEY], id).customer.name,
      ]),
    );
    const questions = await Promise.all(
      batch.map((id) =>
        embedder.embedQuery(OWN_PROFILE_QUESTION.replace('{name}', names.get(id) ?? '').replace('{id}', id)),
      ),
    );
    const hits = await profiles.query({ queryEmbeddings: questions, nResults: k, include: ['distances'] });
    batch.forEach((id, row) => {
      const found = hits.ids[row] ?? [];
      if (found[0] === id) topHit++;
      if (found.includes(id)) inTopK++;
    });
  }
  const rate = (count: number) => (sampled.length === 0 ? null : count / sampled.length);
  return {
    question: OWN_PROFILE_QUESTION,
    customers: sampled.length,
    topHit,
    topHitRate: rate(topHit),
    inTopK,
    inTopKRate: rate(inTopK),
  };
}
