import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newestRunFiles, readRunFile, writeRunFile } from '../../../chains/eval/saved-runs.ts';

const Run = z.object({ timestamp: z.string(), score: z.number() });
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'saved-runs-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('saved runs', () => {
  it('writes without leaving temporary files, lists newest first, and reads back through the schema', async () => {
    await writeRunFile(dir, 'run-2026-01-02.json', { timestamp: '2026-01-02', score: 2 });
    await writeRunFile(dir, 'run-2026-01-01.json', { timestamp: '2026-01-01', score: 1 });
    await writeFile(path.join(dir, 'notes.txt'), 'not a run');
    expect((await readdir(dir)).sort()).toEqual(['notes.txt', 'run-2026-01-01.json', 'run-2026-01-02.json']);
    const files = await newestRunFiles(dir, /^run-.*\.json$/, 5);
    expect(files.map((file) => path.basename(file))).toEqual(['run-2026-01-02.json', 'run-2026-01-01.json']);
    expect(await readRunFile(files[0] ?? '', Run, 'test run')).toEqual({ timestamp: '2026-01-02', score: 2 });
    expect(await newestRunFiles(path.join(dir, 'missing'), /.*/, 5)).toEqual([]);
  });

  it('names the file and what is wrong with it', async () => {
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, '{');
    await expect(readRunFile(broken, Run, 'test run')).rejects.toThrow(
      `Saved test run ${broken} is not valid JSON`,
    );
    const malformed = path.join(dir, 'malformed.json');
    await writeFile(malformed, JSON.stringify({ timestamp: '2026-01-03', score: 'high' }));
    await expect(readRunFile(malformed, Run, 'test run')).rejects.toThrow(
      new RegExp(`Saved test run ${malformed} is malformed: .*score`, 's'),
    );
  });
});
