import path from 'node:path';
import { z } from 'zod';
import { KnowledgeError } from './errors.ts';

const ConfigSchema = z.object({
  EMBEDDER: z.enum(['auto', 'transformers', 'lsa']).default('auto'),
  EMBEDDING_MODEL: z.string().min(1).default('Xenova/all-MiniLM-L6-v2'),
  MODELS_DIR: z.string().min(1).optional(),
  ALLOW_REMOTE_MODELS: z.enum(['true', 'false']).optional(),
  LSA_DIMENSIONS: z.coerce.number().int().min(8).max(1024).default(256),
  STORE_DIR: z.string().min(1).default('.store'),
  CHROMA_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('data'),
});

/** Everything the knowledge layer reads from the environment, parsed once at start-up. */
export interface KnowledgeConfig {
  embedder: 'auto' | 'transformers' | 'lsa';
  /** Hub name of the sentence-embedding model, e.g. Xenova/all-MiniLM-L6-v2 or Xenova/all-mpnet-base-v2. */
  embeddingModel: string;
  /** Local folder of offline model files (transformers.js layout); used before any hub. */
  modelsDir: string | undefined;
  /** Whether transformers.js may download from the hub when a model is not found locally. */
  allowRemoteModels: boolean;
  lsaDimensions: number;
  /** Where the project keeps its own state: Chroma data, fitted LSA model, ingest manifest. */
  storeDir: string;
  /** An external Chroma server; when unset the app starts its own `chroma run` under storeDir. */
  chromaUrl: string | undefined;
  dataDir: string;
}

/** The default offline models folder: `../shared/models` beside the checkout, when it exists. */
const SHARED_MODELS_DIR = path.resolve(import.meta.dirname, '..', '..', 'shared', 'models');

/**
 * Parses the environment once; an invalid value fails fast with the variable's name.
 * @example const config = loadConfig(process.env);
 */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): KnowledgeConfig {
  const parsed = ConfigSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new KnowledgeError('INVALID_CONFIG', `Invalid configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  return {
    embedder: values.EMBEDDER,
    embeddingModel: values.EMBEDDING_MODEL,
    modelsDir: values.MODELS_DIR ?? SHARED_MODELS_DIR,
    allowRemoteModels:
      values.ALLOW_REMOTE_MODELS === undefined ? true : values.ALLOW_REMOTE_MODELS === 'true',
    lsaDimensions: values.LSA_DIMENSIONS,
    storeDir: path.resolve(values.STORE_DIR),
    chromaUrl: values.CHROMA_URL,
    dataDir: path.resolve(values.DATA_DIR),
  };
}
