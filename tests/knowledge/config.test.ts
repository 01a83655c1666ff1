import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../knowledge/config.ts';
import { KnowledgeError } from '../../knowledge/errors.ts';

describe('loadConfig', () => {
  it('uses documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.embedder).toBe('auto');
    expect(config.embeddingModel).toBe('Xenova/all-MiniLM-L6-v2');
    expect(config.lsaDimensions).toBe(256);
    expect(config.storeDir).toBe(path.resolve('.store'));
    expect(config.chromaUrl).toBeUndefined();
    expect(config.allowRemoteModels).toBe(true);
  });

  it('reads explicit values', () => {
    const config = loadConfig({
      EMBEDDER: 'lsa',
      LSA_DIMENSIONS: '64',
      ALLOW_REMOTE_MODELS: 'false',
      MODELS_DIR: '/m',
    });
    expect(config).toMatchObject({
      embedder: 'lsa',
      lsaDimensions: 64,
      allowRemoteModels: false,
      modelsDir: '/m',
    });
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ EMBEDDER: 'word2vec' })).toThrow(KnowledgeError);
    expect(() => loadConfig({ EMBEDDER: 'word2vec' })).toThrow(/EMBEDDER/);
    expect(() => loadConfig({ LSA_DIMENSIONS: 'many' })).toThrow(/LSA_DIMENSIONS/);
  });
});
