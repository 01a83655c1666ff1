import type { ProfileRecord } from '../../knowledge/index.ts';
import type { Product } from '../../knowledge/schemas.ts';
import type { RetrievedPassage } from '../llm/chat-model.ts';

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

/** Which passages a search may return. */
export interface PassageFilter {
  /** Only passages tagged with at least one of these intents (article front matter `intents:`). */
  intents?: readonly string[];
}

/**
 * What the advisor chain reads from the store, as a small interface: the chain's steps are testable with an
 * in-memory implementation, and the Chroma one (AdvisorRetriever) is wired in one place.
 */
export interface Retriever {
  embedQuestion(question: string): Promise<number[]>;
  /** The customer's own profile by id; null when the store has no such customer. */
  customer(customerId: string): Promise<CustomerDocument | null>;
  /** The `k` passages that best answer a question, within the filter. */
  passages(
    question: string,
    questionVector: number[],
    k?: number,
    filter?: PassageFilter,
  ): Promise<ScoredPassage[]>;
  /** Cosine similarity of every catalogue product to a vector (e.g. the customer's profile). */
  productSimilarity(vector: number[]): Promise<Map<string, number>>;
  /** Counts of products held by the nearest other customers; only the counts. */
  neighbourAdoptions(customer: CustomerDocument, k?: number): Promise<NeighbourAdoptions>;
  catalog(): Promise<Product[]>;
}
