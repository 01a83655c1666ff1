import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainError } from '../../../../chains/chain-error.ts';
import {
  type BenchRun,
  benchRunFileName,
  hashDataFiles,
  loadPreviousRun,
  readGitCommit,
  renderBenchReport,
  runBench,
  saveBenchRun,
} from '../../../../chains/eval/bench/index.ts';
import { generatedDataset } from './bench-fixtures.ts';

const COMMIT = 'a'.repeat(40);
let scratch: string;
let run: BenchRun;
let cleanupData: () => Promise<void> = async () => {};
let dataDir: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'bench-run-'));
  const generated = await generatedDataset(300, 21);
  cleanupData = generated.cleanup;
  dataDir = generated.directory;
  const repoDir = path.join(scratch, 'repo');
  await mkdir(path.join(repoDir, '.git', 'refs', 'heads'), { recursive: true });
  await writeFile(path.join(repoDir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  await writeFile(path.join(repoDir, '.git', 'refs', 'heads', 'main'), `${COMMIT}\n`);
  run = await runBench(dataDir, { repoDir, seed: 42, now: () => new Date('2026-07-01T10:15:00.000Z') });
});
afterAll(async () => {
  await cleanupData();
  await rm(scratch, { recursive: true, force: true });
});

describe('runBench', () => {
  it('records when, on what data and code, with which embedder, and both benchmarks', () => {
    expect(run.timestamp).toBe('2026-07-01T10:15:00.000Z');
    expect(run.gitCommit).toBe(COMMIT);
    expect(run.dataVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(run.embedder).toMatch(/^lsa:d\d+:/);
    expect(run.provider).toBe('none');
    expect(run.ranking.customers).toBe(300);
    expect(run.ranking.methods.find((method) => method.method === 'ours')?.suitabilityViolationShare).toBe(0);
    expect(run.spend.customersEvaluated).toBe(300);
    expect(run.seconds).toBeGreaterThanOrEqual(run.stageSeconds.ranking + run.stageSeconds.spend);
  });
});

describe('saving and loading runs', () => {
  it('round-trips a run and names the file by its timestamp', async () => {
    const dir = path.join(scratch, 'results-roundtrip');
    expect(await loadPreviousRun(dir)).toBeUndefined();
    const file = await saveBenchRun(run, dir);
    expect(path.basename(file)).toBe('bench-2026-07-01T10-15-00-000Z.json');
    expect(await loadPreviousRun(dir)).toEqual(run);
  });

  it('loads the latest of several runs', async () => {
    const dir = path.join(scratch, 'results-latest');
    const later = { ...run, timestamp: '2026-07-02T08:00:00.000Z' };
    await saveBenchRun(later, dir);
    await saveBenchRun(run, dir);
    expect((await loadPreviousRun(dir))?.timestamp).toBe('2026-07-02T08:00:00.000Z');
  });

  it('names a malformed saved run in an INVALID_INPUT error', async () => {
    const dir = path.join(scratch, 'results-bad');
    await mkdir(dir, { recursive: true });
    const name = benchRunFileName({ timestamp: '2026-07-03T00:00:00.000Z' });
    await writeFile(path.join(dir, name), JSON.stringify({ timestamp: 'yesterday' }));
    const error = await loadPreviousRun(dir).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ChainError);
    expect((error as ChainError).code).toBe('INVALID_INPUT');
    expect((error as ChainError).message).toContain(name);
  });
});

describe('renderBenchReport', () => {
  it('shows the ranking table, the best-baseline ratio and the spend MAE table', () => {
    const report = renderBenchReport(run);
    expect(report).toMatch(/^method\s+NDCG@5\s+MAP@7\s+P@3\s+R@5\s+coverage\s+violations$/m);
    for (const method of run.ranking.methods)
      expect(report).toMatch(new RegExp(`^${method.method}\\s+\\d\\.\\d{3}`, 'm'));
    expect(report).toMatch(/^ours\s.*\s0\.0%$/m);
    expect(report).toMatch(
      /Ours vs best baseline \([a-z-]+\) on NDCG@5: \d+\.\d{2}× \(goal ≥ 1\.30×: (met|NOT met)\)/,
    );
    expect(report).toMatch(/^category\s+random forest\s+customer mean\s+global mean$/m);
    expect(report).toContain(`all            ${run.spend.mae.randomForest.toFixed(2).padStart(13)}`);
    expect(report).toContain('Change since previous run: no previous run saved.');
  });

  it('shows the change since the previous run', () => {
    const previous: BenchRun = structuredClone(run);
    previous.timestamp = '2026-06-30T09:00:00.000Z';
    previous.seconds = run.seconds - 2;
    previous.spend.mae.randomForest = run.spend.mae.randomForest + 1.5;
    const previousOurs = previous.ranking.methods.find((method) => method.method === 'ours');
    const currentOurs = run.ranking.methods.find((method) => method.method === 'ours');
    if (previousOurs === undefined || currentOurs === undefined) throw new Error('no result for ours');
    previousOurs.ndcgAt5 = currentOurs.ndcgAt5 - 0.05;
    const report = renderBenchReport(run, previous);
    expect(report).toContain(
      'Change since previous run (2026-06-30T09:00:00.000Z, commit aaaaaaaaaaaa, same data):',
    );
    expect(report).toMatch(/^ours\s+\+0\.050\s+\+0\.000/m);
    expect(report).toMatch(/^random\s+\+0\.000/m);
    expect(report).toContain(`Spend MAE (random forest): ${run.spend.mae.randomForest.toFixed(2)} (−1.50)`);
    expect(report).toContain('Time: ');
    expect(report).toContain('(+2.0 s)');
  });

  it('warns when the previous run was on different data', () => {
    const previous: BenchRun = { ...structuredClone(run), dataVersion: '0123456789abcdef' };
    expect(renderBenchReport(run, previous)).toContain('DIFFERENT data 0123456789abcdef');
  });
});

describe('provenance', () => {
  it('reads the commit from a loose ref, a packed ref or a detached HEAD, else "unknown"', async () => {
    const repo = path.join(scratch, 'packed');
    await mkdir(path.join(repo, '.git'), { recursive: true });
    await writeFile(path.join(repo, '.git', 'HEAD'), 'ref: refs/heads/trunk\n');
    await writeFile(
      path.join(repo, '.git', 'packed-refs'),
      `# pack-refs\n${'b'.repeat(40)} refs/heads/trunk\n`,
    );
    expect(await readGitCommit(repo)).toBe('b'.repeat(40));
    await writeFile(path.join(repo, '.git', 'HEAD'), `${'c'.repeat(40)}\n`);
    expect(await readGitCommit(repo)).toBe('c'.repeat(40));
    expect(await readGitCommit(path.join(scratch, 'no-repo-here'))).toBe('unknown');
  });

  it('hashes the data files so any change to them changes the data version', async () => {
    const before = await hashDataFiles(dataDir);
    expect(before).toBe(run.dataVersion);
    await appendFile(path.join(dataDir, 'adoptions.csv'), '\n');
    expect(await hashDataFiles(dataDir)).not.toBe(before);
  });
});
