import type { KnowledgeConfig } from './config.ts';
import { type EmbedderChoice, resolveEmbedder } from './embedding/create-embedder.ts';
import { KnowledgeError } from './errors.ts';
import { lsaModelDir } from './ingest.ts';
import { type ChromaConnection, connectChroma } from './store/connect-chroma.ts';
import { KnowledgeStore, readStoreEmbedder } from './store/knowledge-store.ts';

/** An opened, already-ingested knowledge base: the store, the embedder that built it, and its server. */
export interface KnowledgeBase {
  store: KnowledgeStore;
  embedder: EmbedderChoice;
  connection: ChromaConnection;
  /** Releases the Chroma server if this process started it. */
  close(): Promise<void>;
}

/**
 * Opens the store built by `npm run ingest` for querying, with the same embedder it was built with.
 * Fails with a clear message when nothing has been ingested yet.
 */
export async function openKnowledgeBase(
  config: KnowledgeConfig,
  options: { log?: (line: string) => void } = {},
): Promise<KnowledgeBase> {
  const connection = await connectChroma({
    chromaUrl: config.chromaUrl,
    storeDir: config.storeDir,
    ...options,
  });
  try {
    const stored = await readStoreEmbedder(connection.url);
    if (!stored) {
      throw new KnowledgeError(
        'STORE_UNAVAILABLE',
        `The store at ${connection.url} is empty: run \`npm run ingest -- --data <dir>\` first.`,
      );
    }
    const embedder = await resolveEmbedder(config, {
      lsaDir: lsaModelDir(config.storeDir),
      storeKind: stored.embedder_kind,
    });
    const store = await KnowledgeStore.open({ url: connection.url, embedder: embedder.embedder });
    return { store, embedder, connection, close: () => connection.release() };
  } catch (error) {
    await connection.release();
    throw error;
  }
}
