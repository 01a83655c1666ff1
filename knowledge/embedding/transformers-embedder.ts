import { existsSync } from 'node:fs';
import path from 'node:path';
import { env, type FeatureExtractionPipeline, pipeline } from '@huggingface/transformers';
import { KnowledgeError } from '../errors.ts';
import type { Embedder } from './embedder.ts';

export interface TransformersEmbedderOptions {
  /** Hub name, e.g. Xenova/all-MiniLM-L6-v2 (default) or Xenova/all-mpnet-base-v2. */
  model: string;
  /** Offline model folder in transformers.js layout; searched before any hub. */
  modelsDir: string | undefined;
  /** Allow downloads from the hub when the model is not in modelsDir. */
  allowRemoteModels: boolean;
  batchSize?: number;
}

/** Where a model lives offline: `<modelsDir>/<org>/<name>` or `<modelsDir>/<name>`. */
export function findLocalModel(modelsDir: string | undefined, model: string): string | undefined {
  if (!modelsDir) return undefined;
  for (const candidate of [model, path.basename(model)]) {
    if (existsSync(path.join(modelsDir, candidate, 'config.json'))) return candidate;
  }
  return undefined;
}

/** Sentence embeddings from a transformers.js feature-extraction model: mean-pooled, L2-normalised. */
export class TransformersEmbedder implements Embedder {
  readonly kind = 'transformers';

  private constructor(
    readonly id: string,
    readonly dimensions: number,
    private readonly extractor: FeatureExtractionPipeline,
    private readonly batchSize: number,
  ) {}

  /**
   * Loads the model, preferring the offline folder; fails with EMBEDDER_UNAVAILABLE when it cannot.
   * @example const embedder = await TransformersEmbedder.load({ model: 'Xenova/all-MiniLM-L6-v2', modelsDir: '../shared/models', allowRemoteModels: false });
   */
  static async load(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const localName = findLocalModel(options.modelsDir, options.model);
    if (localName && options.modelsDir) {
      env.localModelPath = `${path.resolve(options.modelsDir)}/`;
      env.allowLocalModels = true;
    }
    env.allowRemoteModels = localName ? false : options.allowRemoteModels;
    const modelName = localName ?? options.model;
    let extractor: FeatureExtractionPipeline;
    try {
      extractor = await pipeline('feature-extraction', modelName, { dtype: 'q8' });
    } catch (error) {
      const where = localName
        ? `from ${options.modelsDir}`
        : options.allowRemoteModels
          ? 'from the hub'
          : 'offline';
      throw new KnowledgeError(
        'EMBEDDER_UNAVAILABLE',
        `Could not load embedding model ${options.model} ${where}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    const probe = await extractor(['dimension probe'], { pooling: 'mean', normalize: true });
    const dimensions = probe.dims[1] ?? 0;
    return new TransformersEmbedder(
      `transformers:${options.model}:q8`,
      dimensions,
      extractor,
      options.batchSize ?? 32,
    );
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize);
      const output = await this.extractor(batch, { pooling: 'mean', normalize: true });
      vectors.push(...(output.tolist() as number[][]));
    }
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([text]);
    return vector ?? new Array<number>(this.dimensions).fill(0);
  }
}
