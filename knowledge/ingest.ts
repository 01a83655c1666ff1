import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { articlePassageDocument } from './article-passage-document.ts';
import type { KnowledgeConfig } from './config.ts';
import { type EmbedderChoice, resolveEmbedder } from './embedding/create-embedder.ts';
import {
  clearIngestManifest,
  type IngestManifest,
  inputFingerprint,
  readIngestManifest,
  writeIngestManifest,
} from './ingest-manifest.ts';
import { ARTICLES_DIR, chunkArticle, loadArticles } from './knowledge-articles.ts';
import type { MappedData, MappingSummary } from './mapping/index.ts';
import { buildCustomerProfiles, type LoadReport, loadDataset } from './preprocess/index.ts';
import { PRODUCT_RECORD_KEY, productDocument } from './product-document.ts';
import { PROFILE_RECORD_KEY, serializeProfileRecord } from './profile-record.ts';
import { type InjectionDetector, rulesOnlyDetector } from './safety/index.ts';
import {
  COLLECTIONS,
  type CollectionKey,
  countCollections,
  KnowledgeStore,
  readStoreEmbedder,
  type StoreDocument,
  type SyncSummary,
} from './store/knowledge-store.ts';

/** What an ingest run reports as it goes (the CLI turns these into a progress bar and log lines). */
export type IngestEvent =
  | { kind: 'stage'; message: string }
  | { kind: 'embedder'; choice: EmbedderChoice }
  | { kind: 'progress'; collection: CollectionKey; written: number; toWrite: number };

export interface IngestOptions {
  config: KnowledgeConfig;
  /** A reachable Chroma server (see connectChroma). */
  chromaUrl: string;
  dataDir: string;
  /** A bank's export translated by a mapping (see prepareMappedData); its folder replaces `dataDir`. */
  mapped?: MappedData;
  articlesDir?: string;
  skipInvalid?: boolean;
  /** Drop the collections and the fitted LSA model first, and build everything anew. */
  rebuild?: boolean;
  signal?: AbortSignal;
  onEvent?: (event: IngestEvent) => void;
  /**
   * Flags posts to drop whole from profile documents (see ensureInjectionDetector); the rules alone
   * when not given. Its id is part of the input fingerprint, so a retrained detector re-ingests.
   */
  injectionDetector?: InjectionDetector;
}

/** The outcome of an ingest: counts per collection, the embedder used and where time went. */
export interface IngestSummary {
  embedder: { id: string; kind: string; dimensions: number; reason: string };
  load: LoadReport;
  /** What the mapping translated and every default it applied, when the data came through one. */
  mapping?: MappingSummary;
  collections: SyncSummary[];
  /** Posts left out of profile documents because the injection detector flagged them, and by what. */
  flaggedPosts: { count: number; detector: string };
  interrupted: boolean;
  seconds: { preprocess: number; embedderSetup: number; embed: number; upsert: number; total: number };
}

/** The manifest, when the store still holds exactly what it recorded (same inputs, embedder and counts). */
async function unchangedSince(
  manifest: IngestManifest | undefined,
  fingerprint: string,
  chromaUrl: string,
): Promise<IngestManifest | undefined> {
  if (!manifest || manifest.fingerprint !== fingerprint) return undefined;
  const stored = await readStoreEmbedder(chromaUrl);
  if (stored?.embedder_id !== manifest.embedder.id) return undefined;
  const counts = await countCollections(chromaUrl);
  const expected = manifest.counts;
  const same =
    counts.profiles === expected.profiles &&
    counts.products === expected.products &&
    counts.articles === expected.articles;
  return same ? manifest : undefined;
}

function unchangedSummary(manifest: IngestManifest, seconds: number): IngestSummary {
  const collection = (name: string, total: number): SyncSummary => ({
    collection: name,
    total,
    added: 0,
    updated: 0,
    unchanged: total,
    removed: 0,
    written: 0,
    pending: 0,
    embedSeconds: 0,
    upsertSeconds: 0,
  });
  return {
    embedder: { ...manifest.embedder, reason: 'unchanged since the last ingest' },
    load: { rows: {}, skipped: {}, issues: [], issueCount: 0 },
    collections: [
      collection(COLLECTIONS.products, manifest.counts.products),
      collection(COLLECTIONS.articles, manifest.counts.articles),
      collection(COLLECTIONS.profiles, manifest.counts.profiles),
    ],
    flaggedPosts: manifest.flaggedPosts ?? { count: 0, detector: 'unknown' },
    interrupted: false,
    seconds: { preprocess: 0, embedderSetup: 0, embed: 0, upsert: 0, total: seconds },
  };
}

/** Folder of the fitted LSA model inside the store directory. */
export function lsaModelDir(storeDir: string): string {
  return path.join(storeDir, 'lsa');
}

/**
 * CSV → validate → preprocess → embed → upsert. Validation runs to the end before anything is written;
 * unchanged documents are not re-embedded; an abort leaves each stored document consistent.
 */
export async function ingestDataset(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const emit = options.onEvent ?? (() => {});
  const articlesDir = options.articlesDir ?? ARTICLES_DIR;
  const storeDir = options.config.storeDir;
  const dataDir = options.mapped?.dataDir ?? options.dataDir;
  // Posts are screened with the detector's stricter posts threshold (see InjectionDetector.forUse).
  const injectionDetector = (options.injectionDetector ?? rulesOnlyDetector()).forUse('posts');
  await mkdir(storeDir, { recursive: true });

  const fingerprint = await inputFingerprint(
    dataDir,
    articlesDir,
    options.config,
    options.skipInvalid ?? false,
    injectionDetector.id,
  );
  if (!options.rebuild) {
    const unchanged = await unchangedSince(
      await readIngestManifest(storeDir),
      fingerprint,
      options.chromaUrl,
    );
    if (unchanged) {
      emit({ kind: 'stage', message: 'Inputs unchanged since the last complete ingest: nothing to do' });
      const summary = unchangedSummary(unchanged, (performance.now() - started) / 1000);
      return options.mapped ? { ...summary, mapping: options.mapped.summary } : summary;
    }
  }

  emit({ kind: 'stage', message: `Validating and preprocessing ${options.dataDir}` });
  const dataset = await loadDataset(dataDir, {
    skipInvalid: options.skipInvalid ?? false,
    ...(options.mapped ? { origin: options.mapped.origin } : {}),
  });
  const profiles = buildCustomerProfiles(dataset, { postScreen: injectionDetector });
  const flaggedPosts = {
    count: profiles.reduce((sum, profile) => sum + profile.aggregates.flaggedPostCount, 0),
    detector: injectionDetector.id,
  };
  const articles = await loadArticles(articlesDir);
  const documents: Record<CollectionKey, StoreDocument[]> = {
    profiles: profiles.map((profile) => ({
      id: profile.customer.customer_id,
      text: profile.document,
      metadata: { ...profile.metadata, [PROFILE_RECORD_KEY]: serializeProfileRecord(profile) },
    })),
    products: dataset.products.map((product) => {
      const document = productDocument(product);
      return {
        ...document,
        metadata: { ...document.metadata, [PRODUCT_RECORD_KEY]: JSON.stringify(product) },
      };
    }),
    articles: articles.flatMap((article) => chunkArticle(article).map(articlePassageDocument)),
  };
  const preprocessed = performance.now();

  if (options.rebuild) {
    emit({ kind: 'stage', message: 'Rebuilding: dropping collections and the fitted LSA model' });
    await KnowledgeStore.drop(options.chromaUrl);
    await rm(lsaModelDir(options.config.storeDir), { recursive: true, force: true });
  }
  const stored = await readStoreEmbedder(options.chromaUrl);
  const choice = await resolveEmbedder(options.config, {
    lsaDir: lsaModelDir(options.config.storeDir),
    storeKind: stored?.embedder_kind,
    fitCorpus: async () =>
      [...documents.profiles, ...documents.products, ...documents.articles].map((d) => d.text),
  });
  emit({ kind: 'embedder', choice });
  const store = await KnowledgeStore.open({ url: options.chromaUrl, embedder: choice.embedder });
  const embedderReady = performance.now();
  await clearIngestManifest(storeDir);

  const collections: SyncSummary[] = [];
  for (const key of ['products', 'articles', 'profiles'] as const) {
    emit({ kind: 'stage', message: `Syncing ${key} (${documents[key].length} documents)` });
    collections.push(
      await store.sync(key, documents[key], {
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: (written, toWrite) => emit({ kind: 'progress', collection: key, written, toWrite }),
      }),
    );
    if (options.signal?.aborted) break;
  }
  const finished = performance.now();
  const interrupted = collections.some((summary) => summary.pending > 0) || collections.length < 3;
  if (!interrupted) {
    await writeIngestManifest(storeDir, {
      fingerprint,
      embedder: {
        id: choice.embedder.id,
        kind: choice.embedder.kind,
        dimensions: choice.embedder.dimensions,
      },
      counts: {
        profiles: documents.profiles.length,
        products: documents.products.length,
        articles: documents.articles.length,
      },
      flaggedPosts,
      completedAt: new Date().toISOString(),
    });
  }
  return {
    embedder: {
      id: choice.embedder.id,
      kind: choice.embedder.kind,
      dimensions: choice.embedder.dimensions,
      reason: choice.reason,
    },
    load: dataset.report,
    ...(options.mapped ? { mapping: options.mapped.summary } : {}),
    collections,
    flaggedPosts,
    interrupted,
    seconds: {
      preprocess: (preprocessed - started) / 1000,
      embedderSetup: (embedderReady - preprocessed) / 1000,
      embed: collections.reduce((sum, summary) => sum + summary.embedSeconds, 0),
      upsert: collections.reduce((sum, summary) => sum + summary.upsertSeconds, 0),
      total: (finished - started) / 1000,
    },
  };
}
