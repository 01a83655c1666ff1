import { Chroma } from '@langchain/community/vectorstores/chroma';
import {
  COLLECTIONS,
  createChromaClient,
  type Embedder,
  PRODUCT_RECORD_KEY,
  PROFILE_RECORD_KEY,
  Product,
  type ProfileRecord,
  parseProfileRecord,
} from '../../knowledge/index.ts';
import { ChainError } from '../chain-error.ts';
import type { RetrievedPassage } from '../llm/chat-model.ts';
import { NEIGHBOUR_COUNT } from '../recommend/index.ts';
import { LexicalIndex } from './lexical-index.ts';

/** Share of the dense (vector) score in the fused passage score; the rest is lexical. */
export const DENSE_WEIGHT = 0.25;
/** How many dense hits are fused with the lexical scores (passages outside them count as dense 0). */
const DENSE_CANDIDATES = 12;

/** A passage with its similarity to the question (1 = same direction, 0 = unrelated). */
export interface ScoredPassage extends RetrievedPassage {
  similarity: number;
}

/** One customer's own stored profile: the text, the facts and the vector it is stored under. */
export interface CustomerDocument {
  customerId: string;
  text: string;
  record: ProfileRecord;
  vector: number[];
}

/** What similar customers hold, as counts only: no neighbour's id, name, text or numbers leave the retriever. */
export interface NeighbourAdoptions {
  neighbourCount: number;
  adoptions: Map<string, number>;
}

/**
 * Scoped retrieval over the Chroma store through LangChain's Chroma vector store: a customer's own profile by
 * id, knowledge passages and products by similarity, and aggregated adoptions of similar customers.
 */
export class AdvisorRetriever {
  private catalogCache: Product[] | undefined;
  private lexicalCache: { index: LexicalIndex; passages: RetrievedPassage[] } | undefined;

  private constructor(
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
      options.embedder,
      store(COLLECTIONS.profiles),
      store(COLLECTIONS.products),
      store(COLLECTIONS.articles),
    );
  }

  /** Embeds a question once so several searches can share the vector. */
  async embedQuestion(question: string): Promise<number[]> {
    return await this.embedder.embedQuery(question);
  }

  /** The customer's own profile, fetched by id; null when the store has no such customer. */
  async customer(customerId: string): Promise<CustomerDocument | null> {
    const collection = await this.profiles.ensureCollection();
    const result = await collection.get({
      ids: [customerId],
      include: ['documents', 'metadatas', 'embeddings'],
    });
    const metadata = result.metadatas[0];
    const vector = result.embeddings[0];
    if (result.ids[0] !== customerId || !metadata || !vector) return null;
    return {
      customerId,
      text: result.documents[0] ?? '',
      record: parseProfileRecord(metadata[PROFILE_RECORD_KEY], customerId),
      vector: Array.from(vector),
    };
  }

  /**
   * The knowledge passages that best answer a question: hybrid retrieval fusing dense similarity (Chroma, the
   * store's embedder) with lexical TF-IDF cosine over the same passages, weighted by DENSE_WEIGHT.
   */
  async passages(question: string, questionVector: number[], k = 3): Promise<ScoredPassage[]> {
    const [lexical, dense] = await Promise.all([
      this.lexicalIndex(),
      this.articles.similaritySearchVectorWithScore(questionVector, DENSE_CANDIDATES),
    ]);
    const lexicalScores = lexical.index.score(question);
    const denseScores = new Map(dense.map(([document, distance]) => [String(document.id), 1 - distance]));
    const fused = lexical.passages.map((passage) => ({
      ...passage,
      similarity:
        DENSE_WEIGHT * Math.max(0, denseScores.get(passage.id) ?? 0) +
        (1 - DENSE_WEIGHT) * (lexicalScores.get(passage.id) ?? 0),
    }));
    fused.sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id));
    return fused.slice(0, k);
  }

  private async lexicalIndex(): Promise<{ index: LexicalIndex; passages: RetrievedPassage[] }> {
    if (this.lexicalCache) return this.lexicalCache;
    const collection = await this.articles.ensureCollection();
    const result = await collection.get({ include: ['documents', 'metadatas'] });
    const passages = result.ids.map((id, index) => {
      const metadata = result.metadatas[index] ?? {};
      return {
        id,
        articleId: String(metadata.article_id),
        title: String(metadata.title),
        section: String(metadata.section ?? ''),
        text: result.documents[index] ?? '',
      };
    });
    // Titles and section headings say what a passage answers; repeating them weighs them like a search engine's title field.
    const searchable = passages.map((passage) => ({
      id: passage.id,
      text: `${passage.title}. ${passage.title}. ${passage.section}. ${passage.text}`,
    }));
    this.lexicalCache = { index: new LexicalIndex(searchable), passages };
    return this.lexicalCache;
  }

  /** Cosine similarity of every catalogue product to a vector (e.g. the customer's profile). */
  async productSimilarity(vector: number[]): Promise<Map<string, number>> {
    const catalog = await this.catalog();
    const collection = await this.products.ensureCollection();
    // Only ids and distances travel: the product texts are not needed for a score.
    const result = await collection.query({
      queryEmbeddings: [vector],
      nResults: catalog.length,
      include: ['distances'],
    });
    const ids = result.ids[0] ?? [];
    return new Map(ids.map((id, index) => [id, 1 - (result.distances[0]?.[index] ?? 1)]));
  }

  /** Counts of products held by the k nearest other customers; only the counts are returned. */
  async neighbourAdoptions(customer: CustomerDocument, k = NEIGHBOUR_COUNT): Promise<NeighbourAdoptions> {
    const collection = await this.profiles.ensureCollection();
    // One more than needed, then the customer themself is dropped by id: much faster in Chroma than a
    // `$ne` metadata filter, which scans every profile.
    const result = await collection.query({
      queryEmbeddings: [customer.vector],
      nResults: k + 1,
      include: ['metadatas'],
    });
    const ids = result.ids[0] ?? [];
    const metadatas = result.metadatas[0] ?? [];
    const neighbours = metadatas.filter((_, index) => ids[index] !== customer.customerId).slice(0, k);
    const adoptions = new Map<string, number>();
    for (const metadata of neighbours) {
      for (const productId of heldProducts(metadata?.held_products)) {
        adoptions.set(productId, (adoptions.get(productId) ?? 0) + 1);
      }
    }
    return { neighbourCount: neighbours.length, adoptions };
  }

  /** The bank's catalogue as stored at ingest (read once, then cached). */
  async catalog(): Promise<Product[]> {
    if (this.catalogCache) return this.catalogCache;
    const collection = await this.products.ensureCollection();
    const result = await collection.get({ include: ['metadatas'] });
    const products = result.metadatas.map((metadata, index) => {
      const parsed = Product.safeParse(JSON.parse(String(metadata?.[PRODUCT_RECORD_KEY] ?? 'null')));
      if (!parsed.success) {
        throw new ChainError(
          'MODEL_BAD_RESPONSE',
          `Stored product ${result.ids[index]} is unreadable; re-run \`npm run ingest\`.`,
          { cause: parsed.error },
        );
      }
      return parsed.data;
    });
    products.sort((a, b) => a.id.localeCompare(b.id));
    this.catalogCache = products;
    return products;
  }
}

function heldProducts(held: unknown): string[] {
  return typeof held === 'string' && held.length > 0 ? held.split(',') : [];
}
