import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KnowledgeConfig } from './config.ts';
import { DATA_FILES } from './preprocess/index.ts';

/**
 * Bumped whenever preprocessing, document building or chunking changes what gets stored, so a re-ingest
 * of unchanged files still rebuilds the documents after an upgrade. 2: profile records carry spending history.
 */
export const PIPELINE_VERSION = 2;

/** What the last complete ingest saw and wrote; lets an ingest of unchanged inputs finish in well under a second. */
export interface IngestManifest {
  fingerprint: string;
  embedder: { id: string; kind: string; dimensions: number };
  counts: { profiles: number; products: number; articles: number };
  completedAt: string;
}

const MANIFEST_FILE = 'ingest-manifest.json';

/** A hash of every input (data files, articles, embedder settings, pipeline version): equal hashes, equal documents. */
export async function inputFingerprint(
  dataDir: string,
  articlesDir: string,
  config: KnowledgeConfig,
  skipInvalid: boolean,
): Promise<string> {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      PIPELINE_VERSION,
      embedder: config.embedder,
      model: config.embeddingModel,
      lsaDimensions: config.lsaDimensions,
      skipInvalid,
    }),
  );
  for (const file of DATA_FILES) await hashFile(hash, path.join(dataDir, file));
  const articles = (await readdir(articlesDir)).filter((name) => name.endsWith('.md')).sort();
  for (const name of articles) await hashFile(hash, path.join(articlesDir, name));
  return hash.digest('hex');
}

async function hashFile(hash: ReturnType<typeof createHash>, file: string): Promise<void> {
  hash.update(`\u0000${path.basename(file)}\u0000`);
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch {
    hash.update('(missing)');
  }
}

/** The manifest of the last complete ingest, if any (a missing or unreadable one just means "not known"). */
export async function readIngestManifest(storeDir: string): Promise<IngestManifest | undefined> {
  try {
    return JSON.parse(await readFile(path.join(storeDir, MANIFEST_FILE), 'utf8')) as IngestManifest;
  } catch {
    return undefined;
  }
}

/** Records a complete ingest; written atomically (temp file + rename) only after every collection synced. */
export async function writeIngestManifest(storeDir: string, manifest: IngestManifest): Promise<void> {
  const file = path.join(storeDir, MANIFEST_FILE);
  await writeFile(`${file}.tmp`, JSON.stringify(manifest, null, 2), 'utf8');
  await rename(`${file}.tmp`, file);
}

/** Forgets the last ingest (before a rebuild or when a sync starts changing the store). */
export async function clearIngestManifest(storeDir: string): Promise<void> {
  await rm(path.join(storeDir, MANIFEST_FILE), { force: true });
}
