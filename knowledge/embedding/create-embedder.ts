import { existsSync } from 'node:fs';
import path from 'node:path';
import type { KnowledgeConfig } from '../config.ts';
import { KnowledgeError } from '../errors.ts';
import type { Embedder, EmbedderKind } from './embedder.ts';
import { fitLsaEmbedder, loadLsaEmbedder } from './lsa-embedder.ts';
import { TransformersEmbedder } from './transformers-embedder.ts';

/** The embedder in use and, in plain words, why it was chosen (printed by every command). */
export interface EmbedderChoice {
  embedder: Embedder;
  reason: string;
}

export interface ResolveEmbedderOptions {
  /** Folder holding the fitted LSA model (`<storeDir>/lsa`). */
  lsaDir: string;
  /** The kind an existing store was built with; `auto` keeps using it so stored vectors stay comparable. */
  storeKind?: EmbedderKind | undefined;
  /** Texts to fit LSA on when no fitted model exists yet; without it, a missing model is an error. */
  fitCorpus?: () => Promise<string[]>;
}

/** Seed of the LSA fit: fixed so the same corpus always gives the same vector space. */
const LSA_SEED = 42;

/**
 * Picks the embedder named by config: `transformers`, `lsa`, or `auto` (transformers when a model loads,
 * else lsa — unless the store already holds vectors of one kind, which then wins).
 */
export async function resolveEmbedder(
  config: KnowledgeConfig,
  options: ResolveEmbedderOptions,
): Promise<EmbedderChoice> {
  if (config.embedder === 'transformers') {
    return { embedder: await loadTransformers(config), reason: 'EMBEDDER=transformers' };
  }
  if (config.embedder === 'lsa') {
    return await loadOrFitLsa(config, options, 'EMBEDDER=lsa');
  }
  if (options.storeKind === 'lsa') {
    return await loadOrFitLsa(config, options, 'EMBEDDER=auto and the store was built with lsa');
  }
  try {
    const embedder = await loadTransformers(config);
    return { embedder, reason: `EMBEDDER=auto and ${config.embeddingModel} loaded` };
  } catch (error) {
    if (options.storeKind === 'transformers') throw error;
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return await loadOrFitLsa(
      config,
      options,
      `EMBEDDER=auto and no transformers model is available (${why}); using the offline LSA embedder`,
    );
  }
}

async function loadTransformers(config: KnowledgeConfig): Promise<Embedder> {
  return await TransformersEmbedder.load({
    model: config.embeddingModel,
    modelsDir: config.modelsDir,
    allowRemoteModels: config.allowRemoteModels,
  });
}

async function loadOrFitLsa(
  config: KnowledgeConfig,
  options: ResolveEmbedderOptions,
  reason: string,
): Promise<EmbedderChoice> {
  if (existsSync(path.join(options.lsaDir, 'lsa.json'))) {
    return { embedder: await loadLsaEmbedder(options.lsaDir), reason: `${reason}; loaded fitted model` };
  }
  if (!options.fitCorpus) {
    throw new KnowledgeError(
      'EMBEDDER_UNAVAILABLE',
      `No fitted LSA model in ${options.lsaDir}: run \`npm run ingest\` first to build the store.`,
    );
  }
  const corpus = await options.fitCorpus();
  const embedder = fitLsaEmbedder(corpus, { dimensions: config.lsaDimensions, seed: LSA_SEED });
  await embedder.save(options.lsaDir);
  return { embedder, reason: `${reason}; fitted on ${corpus.length} documents` };
}
