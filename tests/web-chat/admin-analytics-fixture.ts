import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AuditTurnInput } from '../../bot/audit/index.ts';
import { openSqliteAuditStore, type SqliteAuditStore } from '../../bot/audit/index.ts';
import { type AnalyticsSource, createAnalyticsSource } from '../../bot/core/index.ts';
import { BenchRun, RANKING_METHODS, saveBenchRun } from '../../chains/eval/bench/index.ts';
import { SUITABILITY_RULES } from '../../chains/recommend/index.ts';
import { generateDataset } from '../../knowledge/generate/index.ts';
import { SPEND_CATEGORIES } from '../../knowledge/schemas.ts';

/** A real analytics source over a small generated dataset, a real SQLite audit log and two saved bench runs. */
export interface AdminAnalyticsFixture {
  analytics: AnalyticsSource;
  audit: SqliteAuditStore;
  directory: string;
  dataDir: string;
  benchDir: string;
  /** The saved runs, oldest first. */
  runs: BenchRun[];
  dispose(): Promise<void>;
}

type Verdict = 'passed' | 'repaired' | 'fellBack';

function turn(
  customerId: string | null,
  productIds: readonly string[],
  latencyMs: number,
  verdict: Verdict,
): AuditTurnInput {
  return {
    channel: 'web',
    actor: { id: customerId ?? 'anonymous', role: 'customer' },
    customerId,
    threadId: `web:${customerId ?? 'anonymous'}:thread`,
    question: 'What would you recommend for me?',
    reply: 'Here is what suits you.',
    retrievedDocIds: [],
    recommendations: productIds.map((productId, index) => ({ productId, score: 1 - index / 10 })),
    provider: { name: 'grounded', model: 'template' },
    validator: {
      ok: verdict === 'passed',
      issues: verdict === 'passed' ? [] : [{ reason: 'ungrounded_number', detail: '12%' }],
      repaired: verdict === 'repaired',
      fellBack: verdict === 'fellBack',
    },
    bias: { flagged: false, reasons: [] },
    latencyMs,
  };
}

/** A schema-valid saved run with chosen ranking scores (what a `bench:quality` run would have written). */
export function benchRun(timestamp: string, ndcgOurs: number): BenchRun {
  const violationsByRule = Object.fromEntries(SUITABILITY_RULES.map((rule) => [rule, 0]));
  return BenchRun.parse({
    timestamp,
    dataVersion: '0123456789abcdef',
    gitCommit: 'feedfacefeedfacefeedfacefeedfacefeedface',
    embedder: 'lsa-128',
    provider: 'none',
    ranking: {
      cutoff: '2025-07-01',
      k: 5,
      seed: 42,
      embedderId: 'lsa-128',
      neighbourSpace: 'profile-features',
      customers: 300,
      relevantAdoptions: 120,
      usersEvaluated: 90,
      methods: RANKING_METHODS.map((method, index) => ({
        method,
        precisionAt3: 0.1 + index / 100,
        recallAt5: 0.2 + index / 100,
        ndcgAt5: method === 'ours' ? ndcgOurs : 0.3 - index / 20,
        mapAt7: method === 'ours' ? ndcgOurs - 0.05 : 0.25 - index / 25,
        coverage: 0.5,
        suitabilityViolationShare: 0,
        violationsByRule,
        recommendedItems: 450,
        usersEvaluated: 90,
      })),
      seconds: 3.5,
    },
    spend: {
      cutoff: '2025-07-01',
      seed: 42,
      historyMonths: 6,
      horizonMonths: 1,
      trainingPairs: 1200,
      pairs: 600,
      customersEvaluated: 90,
      mae: { randomForest: 31.5, customerMean: 42, globalMean: 60 },
      improvementPercent: { vsCustomerMean: 25, vsGlobalMean: 47.5 },
      categories: SPEND_CATEGORIES.map((category) => ({
        category,
        pairs: 60,
        randomForest: 30,
        customerMean: 40,
        globalMean: 55,
      })),
      seconds: 1.2,
    },
    seconds: 6,
    stageSeconds: { load: 1, ranking: 3.5, spend: 1.5 },
  });
}

/**
 * Builds the fixture: 300 generated customers, six logged turns (three verdicts, one without a recommendation)
 * with four pieces of feedback, and two saved bench runs a day apart.
 */
export async function createAdminAnalyticsFixture(): Promise<AdminAnalyticsFixture> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'admin-analytics-'));
  const dataDir = path.join(directory, 'data');
  const benchDir = path.join(directory, 'bench');
  await generateDataset({ customers: 300, seed: 7, outDir: dataDir });
  const audit = openSqliteAuditStore(path.join(directory, 'audit.sqlite'));
  const first = await audit.append(turn('C-000001', ['FND-01', 'SAV-01'], 120, 'passed'));
  await audit.append(turn('C-000002', ['SAV-02'], 340, 'passed'));
  const third = await audit.append(turn('C-000003', ['RET-01', 'INS-01'], 910, 'repaired'));
  await audit.append(turn('C-000004', ['CC-01'], 200, 'fellBack'));
  await audit.append(turn('C-000005', ['FND-02'], 1500, 'passed'));
  await audit.append(turn(null, [], 80, 'passed'));
  const actor = { id: 'C-000001', role: 'customer' } as const;
  await audit.appendFeedback({
    turnSeq: first.seq,
    actor,
    rating: 'up',
    productId: null,
    accepted: null,
    channel: 'web',
  });
  await audit.appendFeedback({
    turnSeq: first.seq,
    actor,
    rating: null,
    productId: 'FND-01',
    accepted: true,
    channel: 'web',
  });
  await audit.appendFeedback({
    turnSeq: third.seq,
    actor: { id: 'C-000003', role: 'customer' },
    rating: 'down',
    productId: null,
    accepted: null,
    channel: 'slack',
  });
  await audit.appendFeedback({
    turnSeq: third.seq,
    actor: { id: 'C-000003', role: 'customer' },
    rating: null,
    productId: 'INS-01',
    accepted: false,
    channel: 'slack',
  });
  const runs = [benchRun('2026-11-01T10:00:00.000Z', 0.41), benchRun('2026-11-02T10:00:00.000Z', 0.44)];
  for (const run of runs) await saveBenchRun(run, benchDir);
  const analytics = createAnalyticsSource({ audit, dataDir, benchDir });
  return {
    analytics,
    audit,
    directory,
    dataDir,
    benchDir,
    runs,
    dispose: async () => {
      await audit.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
