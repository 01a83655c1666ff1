import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainError } from '../../../../chains/chain-error.ts';
import {
  BenchRun,
  benchRunFileName,
  hashDataFiles,
  loadPreviousRun,
  type OperationsSummary,
  OWN_PROFILE_QUESTION,
  type RetrievalQuality,
  readGitCommit,
  renderBenchReport,
  runBench,
  SPEND_MODEL,
  saveBenchRun,
} from '../../../../chains/eval/bench/index.ts';
import { generatedDataset } from './bench-fixtures.ts';

const COMMIT = 'a'.repeat(40);
let scratch: string;
let run: BenchRun;
let cleanupData: () => Promise<void> = async () => {};
let dataDir: string;

/** A hand-made measurement (the real one is tested in retrieval-quality.test.ts). */
const QUALITY: RetrievalQuality = {
  k: 10,
  seed: 42,
  embedder: 'lsa:d256:test',
  indexRecall: [
    { collection: 'customer_profiles', vectors: 10000, queries: 200, recallAtK: 0.999, imperfectQueries: 2 },
    { collection: 'products', vectors: 32, queries: 32, recallAtK: 1, imperfectQueries: 0 },
  ],
  ownProfile: {
    question: OWN_PROFILE_QUESTION,
    customers: 200,
    topHit: 39,
    topHitRate: 0.195,
    inTopK: 95,
    inTopKRate: 0.475,
  },
  seconds: 2.5,
};
const OPERATIONS: OperationsSummary = {
  turns: 4,
  turnsWithRecommendations: 3,
  latencyMs: { p50: 200, p95: 400 },
  validator: { passed: 3, repaired: 0, fellBack: 1, passRate: 0.75, reasons: { unknown_product: 1 } },
  biasGuard: { flagged: 0, flagRate: 0 },
  providers: { 'grounded/composer': 4 },
  feedback: { total: 1, thumbsUp: 1, thumbsDown: 0, accepted: 0, declined: 0, rate: 0.25 },
};

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'bench-run-'));
  const generated = await generatedDataset(300, 21);
  cleanupData = generated.cleanup;
  dataDir = generated.directory;
  const repoDir = path.join(scratch, 'repo');
  await mkdir(path.join(repoDir, '.git', 'refs', 'heads'), { recursive: true });
  await writeFile(path.join(repoDir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  await writeFile(path.join(repoDir, '.git', 'refs', 'heads', 'main'), `${COMMIT}\n`);
  run = await runBench(dataDir, {
    repoDir,
    seed: 42,
    now: () => new Date('2026-07-01T10:15:00.000Z'),
    retrieval: async () => ({ status: 'measured', quality: QUALITY }),
    operations: OPERATIONS,
  });
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

  it("saves the caller's retrieval measurement and operations summary, and times the measurement", () => {
    expect(run.retrieval).toEqual({ status: 'measured', quality: QUALITY });
    expect(run.operations).toEqual(OPERATIONS);
    expect(run.stageSeconds.retrieval).toBeGreaterThanOrEqual(0);
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

  it('still loads a run saved before retrieval quality and operations were recorded', async () => {
    const dir = path.join(scratch, 'results-old');
    const { retrieval: _retrieval, operations: _operations, ...older } = structuredClone(run);
    const { retrieval: _seconds, ...stageSeconds } = older.stageSeconds;
    await saveBenchRun({ ...older, stageSeconds }, dir);
    const loaded = await loadPreviousRun(dir);
    expect(loaded).toEqual({ ...older, stageSeconds });
    expect(loaded && 'retrieval' in loaded).toBe(false);
    expect(BenchRun.safeParse({ ...older, stageSeconds, operations: null }).success).toBe(true);
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
    expect(report).toMatch(/^category\s+model\s+customer mean\s+global mean$/m);
    expect(report).toContain(`; ${SPEND_MODEL} trained on ${run.spend.trainingPairs} pre-cut-off pairs.`);
    expect(report).toMatch(new RegExp(`^all\\s+${run.spend.mae.randomForest.toFixed(2)}\\s`, 'm'));
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
    expect(report).toContain(`Spend MAE (${SPEND_MODEL}): ${run.spend.mae.randomForest.toFixed(2)} (−1.50)`);
    expect(report).toContain('Time: ');
    expect(report).toContain('(+2.0 s)');
  });

  it('shows retrieval quality, and the operations the run recorded unless told not to', () => {
    const report = renderBenchReport(run);
    const lines = report.split('\n');
    const start = lines.indexOf(
      'Retrieval quality — Chroma HNSW index vs exact cosine search over the same stored vectors, k 10, seed 42, ' +
        'embedder lsa:d256:test, 2.5 s:',
    );
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 1, start + 5)).toEqual([
      'collection         vectors  queries  recall@10  imperfect queries',
      'customer_profiles    10000      200      0.999                  2',
      'products                32       32      1.000                  0',
      'Own profile first for "What should {name} ({id}) do with their savings?": 39 of 200 (19.5%); in the top 10: 95 (47.5%).',
    ]);
    expect(report).toContain(
      'Operations — from the audit log at the time of the run: 4 turn(s), 3 with recommendations.',
    );
    expect(renderBenchReport(run, undefined, { operations: false })).not.toContain('Operations —');
    expect(renderBenchReport({ ...run, operations: null })).toContain(
      'Operations: no audit log was read for this run.',
    );
  });

  it('says when retrieval quality was not measured, and why', () => {
    const { retrieval: _retrieval, ...older } = run;
    expect(renderBenchReport(older)).toContain(
      'Retrieval quality: not measured in this run (saved before it was measured).',
    );
    const skipped = renderBenchReport({
      ...run,
      retrieval: { status: 'skipped', reason: '--no-retrieval was given.' },
    });
    expect(skipped).toContain('Retrieval quality: not measured — --no-retrieval was given.');
    expect(skipped).not.toContain('recall@10');
  });

  it('shows the change in retrieval quality when both runs measured it', () => {
    const previous: BenchRun = structuredClone(run);
    previous.timestamp = '2026-06-30T09:00:00.000Z';
    const earlier = structuredClone(QUALITY);
    (earlier.indexRecall[0] as { recallAtK: number }).recallAtK = 0.989;
    earlier.ownProfile.topHitRate = 0.095;
    previous.retrieval = { status: 'measured', quality: earlier };
    expect(renderBenchReport(run, previous)).toContain(
      'Retrieval: profile recall@10 0.999 (+0.010); own profile first 19.5% (+10.0 points)',
    );
    const { retrieval: _retrieval, ...older } = previous;
    expect(renderBenchReport(run, older)).not.toContain('Retrieval: profile');
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
