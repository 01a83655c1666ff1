import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../knowledge/config.ts';
import { resolveEmbedder } from '../../../knowledge/embedding/create-embedder.ts';

const CORPUS = [
  'emergency savings account with easy access',
  'credit card with travel rewards and no foreign fees',
  'index fund for long term retirement investing',
  'mortgage for a first home purchase',
  'savings for a rainy day fund',
  'retirement pension with employer match',
];

describe('resolveEmbedder', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'embedder-choice-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });
  const offline = (embedder: string) =>
    loadConfig({
      EMBEDDER: embedder,
      MODELS_DIR: directory,
      ALLOW_REMOTE_MODELS: 'false',
      LSA_DIMENSIONS: '8',
    });

  it('auto falls back to the offline LSA embedder when no transformers model is present, and says why', async () => {
    const lsaDir = path.join(directory, 'auto-lsa');
    const choice = await resolveEmbedder(offline('auto'), { lsaDir, fitCorpus: async () => CORPUS });
    expect(choice.embedder.kind).toBe('lsa');
    expect(choice.reason).toMatch(/no transformers model is available/);
    expect(choice.reason).toMatch(/fitted on 6 documents/);
    const reloaded = await resolveEmbedder(offline('auto'), { lsaDir });
    expect(reloaded.embedder.id).toBe(choice.embedder.id);
    expect(reloaded.reason).toMatch(/loaded fitted model/);
  });

  it('EMBEDDER=transformers without a model fails with EMBEDDER_UNAVAILABLE naming the model', async () => {
    await expect(
      resolveEmbedder(offline('transformers'), { lsaDir: path.join(directory, 'unused') }),
    ).rejects.toMatchObject({
      code: 'EMBEDDER_UNAVAILABLE',
      message: expect.stringContaining('Xenova/all-MiniLM-L6-v2'),
    });
  });

  it('EMBEDDER=lsa with no fitted model and nothing to fit on tells the user to ingest', async () => {
    await expect(
      resolveEmbedder(offline('lsa'), { lsaDir: path.join(directory, 'missing') }),
    ).rejects.toMatchObject({
      code: 'EMBEDDER_UNAVAILABLE',
      message: expect.stringContaining('npm run ingest'),
    });
  });

  it('auto keeps the kind an existing transformers store was built with instead of silently switching', async () => {
    await expect(
      resolveEmbedder(offline('auto'), {
        lsaDir: path.join(directory, 'auto-lsa'),
        storeKind: 'transformers',
      }),
    ).rejects.toMatchObject({ code: 'EMBEDDER_UNAVAILABLE' });
  });
});
