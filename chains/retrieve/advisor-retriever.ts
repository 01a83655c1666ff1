import { Chroma } from '@langchain/community/vectorstores/chroma';
import {
  ChromaRecords,
  COLLECTIONS,
  createChromaClient,
  type Embedder,
  intentsFromMetadata,
  PASSAGE_INTENTS_KEY,
  PRODUCT_RECORD_KEY,
  PROFILE_RECORD_KEY,
  Product,
  parseProfileRecord,
} from '../../knowledge/index.ts';
import { ChainError } from '../chain-error.ts';
import type { RetrievedPassage } from '../llm/chat-model.ts';
import { NEIGHBOUR_COUNT } from '../recommend/index.ts';
import { LexicalIndex } from './lexical-index.ts';
import type {
  CustomerDocument,
  NeighbourAdoptions,
  PassageFilter,
  Retriever,
  ScoredPassage,
} from './retriever.ts';

export type { CustomerDocument, NeighbourAdoptions, ScoredPassage } from './retriever.ts';

/** Share of the dense (vector) score in the fused passage score; the rest is lexical. */
export const DENSE_WEIGHT = 0.25;
/** How many dense hits are fused with the lexical scores (passages outside them count as dense 0). */
const DENSE_CANDIDATES = 12;
/** Profiles read per request when building the held-products index. */
const HOLDINGS_PAGE = 2000;

/**
 * Scoped retrieval over the Chroma store through LangChain's Chroma vector store: a customer's own profile by
 * id, knowledge passages and products by similarity, and aggregated adoptions of similar customers. The
 * profile collection is searched in Chroma on every turn; the small article and product collections, and each
 * customer's held products, are read once (see `warm`) because they change only when ingest runs.
 */
export class AdvisorRetriever implements Retriever {
  private catalogCache: Promise<StoredCatalog> | undefined;
  private passageCache: Promise<StoredPassages> | undefined;
  private holdingsCache: Promise<Map<string, string[]>> | undefined;

  private profileRecordsCache: Promise<ChromaRecords> | undefined;

  private constructor(
    private readonly chromaUrl: string,
    private readonly embedder: Embedder,
    private readonly profiles: Chroma,
    private readonly products: Chroma,
    private readonly articles: Chroma,
  ) {}

  /** Binds LangChain vector stores to the three collections of an ingested store. */
  static create(options: { chromaUrl: string; embedder: Embedder }): AdvisorRetriever {
    const index = createChromaClient(options.chromaUrl);
    const store = (collectionName: string) => new Chroma(options.embedder, { index, collectionName });
    return new AdvisorRetriever(
      options.chromaUrl,
      options.embedder,
      store(COLLECTIONS.profiles),
      store(COLLECTIONS.products),
      store(COLLECTIONS.articles),
    );
  }

  /** Closes the pooled connections of the per-turn profile reads. */
  async close(): Promise<void> {
    const records = this.profileRecordsCache;
    this.profileRecordsCache = undefined;
    if (records) await (await records.catch(() => undefined))?.close();
  }

  // The profile collection is read twice on every turn (the customer, then their neighbours): those reads go
  // through a pooled REST client (see ChromaRecords), bound to the collection LangChain's store resolved.
  private profileRecords(): Promise<ChromaRecords> {
    this.profileRecordsCache ??= this.profiles
      .ensureCollection()
      .then((collection) => new ChromaRecords(this.chromaUrl, collection))
      .catch((error: unknown) => {
        this.profileRecordsCache = undefined;
        throw error;
      });
    return this.profileRecordsCache;
  }

  /** Embeds a question once so several searches can share the vector. */
  async embedQuestion(question: string): Promise<number[]> {
    return await this.embedder.embedQuery(question);
  }

  /** The customer's own profile, fetched by id; null when the store has no such customer. */
  async customer(customerId: string): Promise<CustomerDocument | null> {
    const records = await this.profileRecords();
    const result = await records.get([customerId], ['documents', 'metadatas', 'embeddings']);
    const metadata = result.metadatas?.[0];
    const vector = result.embeddings?.[0];
    if (result.ids[0] !== customerId || !metadata || !vector) return null;
    return {
      customerId,
      text: result.documents?.[0] ?? '',
      record: parseProfileRecord(metadata[PROFILE_RECORD_KEY], customerId),
      vector,
    };
  }

  /**
   * The knowledge passages that best answer a question: hybrid retrieval fusing dense similarity (the store's
   * embedder, exact cosine over the stored passage vectors) with lexical TF-IDF cosine over the same passages,
   * weighted by DENSE_WEIGHT.
   */
  async passages(
    question: string,
    questionVector: number[],
    k = 3,
    filter: PassageFilter = {},
  ): Promise<ScoredPassage[]> {
    const stored = await this.storedPassages();
    const wanted = filter.intents ? new Set(filter.intents) : null;
    const lexicalScores = stored.index.score(question);
    const query = unitVector(questionVector);
    const dense = stored.passages
      .map((passage, index) => ({ id: passage.id, similarity: dot(query, stored.vectors[index]) }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, DENSE_CANDIDATES);
    const denseScores = new Map(dense.map((hit) => [hit.id, hit.similarity]));
    const fused = stored.passages.map((passage) => ({
      ...passage,
      similarity:
        DENSE_WEIGHT * Math.max(0, denseScores.get(passage.id) ?? 0) +
        (1 - DENSE_WEIGHT) * (lexicalScores.get(passage.id) ?? 0),
    }));
    const allowed = wanted
      ? fused.filter((passage) => passage.intents.some((intent) => wanted.has(intent)))
      : fused;
    allowed.sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id));
    return allowed.slice(0, k);
  }

  // The article and product collections are small (about a hundred passages, a few dozen products) and change
  // only when `npm run ingest` runs, before the server starts: they are read from Chroma once, vectors
  // included, and scored exactly in process. That saves two Chroma round trips per turn, and exact cosine
  // ranks no worse than the approximate index. The 10k-profile collection is always searched in Chroma.
  private storedPassages(): Promise<StoredPassages> {
    this.passageCache ??= this.readPassages().catch((error: unknown) => {
      this.passageCache = undefined;
      throw error;
    });
    return this.passageCache;
  }

  private async readPassages(): Promise<StoredPassages> {
    const collection = await this.articles.ensureCollection();
    const result = await collection.get({ include: ['documents', 'metadatas', 'embeddings'] });
    const passages = result.ids.map((id, index) => {
      const metadata = result.metadatas[index] ?? {};
      return {
        id,
        articleId: String(metadata.article_id),
        title: String(metadata.title),
        section: String(metadata.section ?? ''),
        text: result.documents[index] ?? '',
        intents: intentsFromMetadata(metadata[PASSAGE_INTENTS_KEY]),
      };
    });
    // Titles and section headings say what a passage answers; repeating them weighs them like a search engine's title field.
    const searchable = passages.map((passage) => ({
      id: passage.id,
      text: `${passage.title}. ${passage.title}. ${passage.section}. ${passage.text}`,
    }));
    return {
      index: new LexicalIndex(searchable),
      passages,
      vectors: result.ids.map((id, index) => storedUnitVector(result.embeddings[index], 'passage', id)),
    };
  }

  /** Cosine similarity of every catalogue product to a vector (e.g. the customer's profile). */
  async productSimilarity(vector: number[]): Promise<Map<string, number>> {
    const { vectors } = await this.storedCatalog();
    const unit = unitVector(vector);
    return new Map([...vectors].map(([id, productVector]) => [id, dot(unit, productVector)]));
  }

  /** Counts of products held by the k nearest other customers; only the counts are returned. */
  async neighbourAdoptions(customer: CustomerDocument, k = NEIGHBOUR_COUNT): Promise<NeighbourAdoptions> {
    const records = await this.profileRecords();
    // One more than needed, then the customer themself is dropped by id: much faster in Chroma than a
    // `$ne` metadata filter, which scans every profile. Only ids travel: each profile's metadata carries its
    // whole record (~1.2 KB), which made this query 2.5× slower; holdings come from the in-memory index.
    const [nearest, holdings] = await Promise.all([records.nearest(customer.vector, k + 1), this.holdings()]);
    const neighbours = nearest.ids.filter((id) => id !== customer.customerId).slice(0, k);
    const unknown = neighbours.filter((id) => !holdings.has(id));
    if (unknown.length > 0) await this.readHoldings(unknown, holdings);
    const adoptions = new Map<string, number>();
    for (const id of neighbours) {
      for (const productId of holdings.get(id) ?? []) {
        adoptions.set(productId, (adoptions.get(productId) ?? 0) + 1);
      }
    }
    return { neighbourCount: neighbours.length, adoptions };
  }

  /**
   * Reads what the store holds before serving: the catalogue, the article passages and every customer's held
   * products (a few bytes each), so the first customer does not wait for them.
   */
  async warm(): Promise<void> {
    await Promise.all([this.storedCatalog(), this.storedPassages(), this.holdings()]);
  }

  // Which products each stored customer holds: read once, page by page (held product ids only are kept,
  // ~100 bytes a customer), then topped up for any id a later query returns that is not in it yet.
  private holdings(): Promise<Map<string, string[]>> {
    this.holdingsCache ??= this.readHoldings(null, new Map()).catch((error: unknown) => {
      this.holdingsCache = undefined;
      throw error;
    });
    return this.holdingsCache;
  }

  private async readHoldings(
    ids: string[] | null,
    into: Map<string, string[]>,
  ): Promise<Map<string, string[]>> {
    const collection = await this.profiles.ensureCollection();
    for (let offset = 0; ; offset += HOLDINGS_PAGE) {
      const result = await collection.get(
        ids ? { ids, include: ['metadatas'] } : { limit: HOLDINGS_PAGE, offset, include: ['metadatas'] },
      );
      result.ids.forEach((id, index) => {
        into.set(id, heldProducts(result.metadatas[index]?.held_products));
      });
      if (ids || result.ids.length < HOLDINGS_PAGE) return into;
    }
  }

  /** The bank's catalogue as stored at ingest (read once, then cached). */
  async catalog(): Promise<Product[]> {
    return (await this.storedCatalog()).products;
  }

  private storedCatalog(): Promise<StoredCatalog> {
    this.catalogCache ??= this.readCatalog().catch((error: unknown) => {
      this.catalogCache = undefined;
      throw error;
    });
    return this.catalogCache;
  }

  private async readCatalog(): Promise<StoredCatalog> {
    const collection = await this.products.ensureCollection();
    const result = await collection.get({ include: ['metadatas', 'embeddings'] });
    const vectors = new Map<string, Float64Array>();
    const products = result.metadatas.map((metadata, index) => {
      const id = result.ids[index] ?? '';
      const parsed = Product.safeParse(JSON.parse(String(metadata?.[PRODUCT_RECORD_KEY] ?? 'null')));
      if (!parsed.success) {
        throw new ChainError(
          'MODEL_BAD_RESPONSE',
          `Stored product ${id} is unreadable; re-run \`npm run ingest\`.`,
          {
            cause: parsed.error,
          },
        );
      }
      vectors.set(id, storedUnitVector(result.embeddings[index], 'product', id));
      return parsed.data;
    });
    products.sort((a, b) => a.id.localeCompare(b.id));
    return { products, vectors };
  }
}

/** The article passages as stored, with their lexical index and vectors (same order as `passages`). */
interface StoredPassages {
  index: LexicalIndex;
  passages: RetrievedPassage[];
  /** Unit-length copies of the stored vectors, so a similarity is one dot product. */
  vectors: Float64Array[];
}

/** The catalogue as stored, with each product's vector by id. */
interface StoredCatalog {
  products: Product[];
  /** Unit-length copies of the stored vectors. */
  vectors: Map<string, Float64Array>;
}

function storedUnitVector(
  vector: ArrayLike<number> | null | undefined,
  kind: string,
  id: string,
): Float64Array {
  if (!vector || vector.length === 0) {
    throw new ChainError(
      'MODEL_BAD_RESPONSE',
      `Stored ${kind} ${id} has no vector; re-run \`npm run ingest\`.`,
    );
  }
  return unitVector(vector);
}

/** The vector scaled to length 1 (all zeros stays all zeros), so cosine similarity becomes a dot product. */
function unitVector(vector: ArrayLike<number>): Float64Array {
  const unit = Float64Array.from(vector);
  let norm = 0;
  for (const value of unit) norm += value * value;
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let index = 0; index < unit.length; index++) unit[index] = (unit[index] ?? 0) * scale;
  }
  return unit;
}

/** Dot product of two unit vectors = their cosine similarity; 0 when one is missing or a different size. */
function dot(first: Float64Array, second: Float64Array | undefined): number {
  if (!second || second.length !== first.length) return 0;
  let sum = 0;
  for (let index = 0; index < first.length; index++) sum += (first[index] ?? 0) * (second[index] ?? 0);
  return sum;
}

/** Cosine similarity, as Chroma's cosine space scores it (1 − distance); 0 for a zero vector. */
export function cosine(first: readonly number[], second: readonly number[]): number {
  return dot(unitVector(first), unitVector(second));
}

function heldProducts(held: unknown): string[] {
  return typeof held === 'string' && held.length > 0 ? held.split(',') : [];
}
