import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteAuditStore, type SqliteAuditStore } from '../../../bot/audit/index.ts';
import { analyticsReports } from '../../../bot/core/index.ts';
import { runBench, saveBenchRun } from '../../../chains/eval/bench/index.ts';
import { generateDataset } from '../../../knowledge/generate/index.ts';

describe('analyticsReports: what /bias and /bench show in Slack and Teams', () => {
  let directory: string;
  let dataDir: string;
  let audit: SqliteAuditStore;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'analytics-reports-'));
    dataDir = path.join(directory, 'data');
    await generateDataset({ customers: 400, seed: 5, outDir: dataDir });
    audit = openSqliteAuditStore(path.join(directory, 'audit.sqlite'));
  });
  afterAll(async () => {
    await audit?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('/bias adds the population fairness report of the recommender to the audit-log figures', async () => {
    const reports = analyticsReports({ audit, dataDir, benchDir: path.join(directory, 'none') });
    const report = await reports.bias();
    const text = report.lines.join('\n');
    expect(text).toContain('Turns logged: 0');
    expect(text).toContain('recommender over 400 customers');
    expect(text).toMatch(/Female vs Male\s+n \d+\/\d+/);
    expect(text).toMatch(/DI \d\.\d{3}/);
    expect(report.missing).toEqual([]);
  });

  it('/bench says when no benchmark was saved, then shows the latest run and the change since the previous one', async () => {
    const benchDir = path.join(directory, 'bench');
    const reports = analyticsReports({ audit, dataDir, benchDir });
    const empty = await reports.bench();
    expect(empty.missing[0]).toBe('No offline benchmark has been saved yet: run `npm run bench:quality`.');
    await saveBenchRun(await runBench(dataDir, { now: () => new Date('2026-11-01T10:00:00Z') }), benchDir);
    await saveBenchRun(await runBench(dataDir, { now: () => new Date('2026-11-02T10:00:00Z') }), benchDir);
    const report = await reports.bench();
    const text = report.lines.join('\n');
    expect(text).toContain('NDCG@5');
    expect(text).toContain('popularity');
    expect(text).toMatch(/2026-11-02T10:00:00/);
    // The latest run is compared with the one before it (same data, so every figure is unchanged).
    expect(text).toContain('Change since previous run (2026-11-01T10:00:00.000Z');
    expect(text).toContain('same data');
    expect(report.missing).toEqual([
      'Retrieval-quality metrics and the feedback simulation are not implemented yet.',
    ]);
  });

  it('says plainly when the population report cannot be computed', async () => {
    const reports = analyticsReports({ audit, dataDir: path.join(directory, 'no-such-data') });
    const report = await reports.bias();
    expect(report.missing[0]).toMatch(/^The population fairness report could not be computed: /);
    expect(report.lines.join('\n')).not.toMatch(/DI \d/);
  });
});
