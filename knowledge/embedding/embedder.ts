/** Which embedding implementation produced a vector; recorded in the store's metadata. */
export type EmbedderKind = 'transformers' | 'lsa';

/**
 * Turns text into vectors. Structurally compatible with LangChain's `EmbeddingsInterface`
 * (embedDocuments / embedQuery), so the same object feeds the LangChain Chroma vector store.
 */
export interface Embedder {
  readonly kind: EmbedderKind;
  /** Stable identity of the exact vector space (kind, model, fitted state): a store built with one id refuses another. */
  readonly id: string;
  readonly dimensions: number;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}
