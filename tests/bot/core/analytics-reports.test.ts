import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuditTurnInput,
  openSqliteAuditStore,
  type SqliteAuditStore,
} from '../../../bot/audit/index.ts';
import {
  type AdminReport,
  type AnalyticsSource,
  adminReportText,
  analyticsReports,
  createAnalyticsSource,
} from '../../../bot/core/index.ts';
import { adminReportBlocks, escapeMrkdwn } from '../../../bot/slack/index.ts';
import { adminReportCard } from '../../../bot/teams/index.ts';
import { type RetrievalQuality, runBench, saveBenchRun } from '../../../chains/eval/bench/index.ts';
import { saveUnderstandingRun } from '../../../chains/eval/understanding/index.ts';
import { generateDataset } from '../../../knowledge/generate/index.ts';
import { loadDataset } from '../../../knowledge/preprocess/index.ts';

/** A logged turn with the fields the reports read; the rest are fixed. */
function turn(fields: {
  customerId: string | null;
  products: string[];
  latencyMs: number;
  validator?: AuditTurnInput['validator'];
  provider?: AuditTurnInput['provider'];
  flagged?: boolean;
}): AuditTurnInput {
  return {
    channel: 'slack',
    actor: { id: 'U-ADVISOR', role: 'advisor' },
    customerId: fields.customerId,
    threadId: 'thread-1',
    question: 'What should I do with my savings?',
    reply: 'Here are some options.',
    retrievedDocIds: [],
    recommendations: fields.products.map((productId, index) => ({ productId, score: 1 - index / 10 })),
    provider: fields.provider ?? { name: 'ollama', model: 'llama3.2' },
    validator: fields.validator ?? { ok: true, issues: [], repaired: false, fellBack: false },
    bias: { flagged: fields.flagged ?? false, reasons: fields.flagged ? ['gendered language'] : [] },
    latencyMs: fields.latencyMs,
  };
}

const QUALITY: RetrievalQuality = {
  k: 10,
  seed: 42,
  embedder: 'lsa:d96:test',
  indexRecall: [
    { collection: 'customer_profiles', vectors: 400, queries: 200, recallAtK: 1, imperfectQueries: 0 },
  ],
  ownProfile: {
    question: 'What should {name} ({id}) do with their savings?',
    customers: 200,
    topHit: 50,
    topHitRate: 0.25,
    inTopK: 100,
    inTopKRate: 0.5,
  },
  seconds: 1,
};

describe('analyticsReports: what /bias and /bench show in Slack and Teams', () => {
  let directory: string;
  let dataDir: string;
  let audit: SqliteAuditStore;
  let emptyAudit: SqliteAuditStore;
  let analytics: AnalyticsSource;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'analytics-reports-'));
    dataDir = path.join(directory, 'data');
    await generateDataset({ customers: 400, seed: 5, outDir: dataDir });
    emptyAudit = openSqliteAuditStore(path.join(directory, 'empty.sqlite'));
    audit = openSqliteAuditStore(path.join(directory, 'audit.sqlite'));
    const { customers } = await loadDataset(dataDir);
    const women = customers.filter((customer) => customer.gender === 'Female').slice(0, 3);
    const men = customers.filter((customer) => customer.gender === 'Male').slice(0, 4);
    const id = (customer: { customer_id: string } | undefined) => customer?.customer_id ?? 'missing';
    // FND-01 is a fund (favourable: an investment product); SAV-01 is a fee-free, risk-1 savings account (not).
    const turns: AuditTurnInput[] = [
      turn({ customerId: id(women[0]), products: ['FND-01', 'SAV-01'], latencyMs: 100 }),
      turn({ customerId: id(women[1]), products: ['FND-01', 'NO-SUCH-PRODUCT'], latencyMs: 200 }),
      turn({ customerId: id(women[2]), products: ['SAV-01'], latencyMs: 300 }),
      turn({
        customerId: id(men[0]),
        products: ['FND-01'],
        latencyMs: 400,
        validator: {
          ok: true,
          issues: [{ reason: 'ungrounded_number', detail: '7%' }],
          repaired: true,
          fellBack: false,
        },
      }),
      turn({
        customerId: id(men[1]),
        products: ['FND-01'],
        latencyMs: 500,
        validator: {
          ok: true,
          issues: [{ reason: 'ungrounded_number', detail: '9%' }],
          repaired: true,
          fellBack: false,
        },
      }),
      turn({
        customerId: id(men[2]),
        products: ['SAV-01'],
        latencyMs: 600,
        validator: {
          ok: false,
          issues: [
            { reason: 'unknown_product', detail: 'XYZ' },
            { reason: 'promissory_language', detail: 'guaranteed' },
          ],
          repaired: false,
          fellBack: true,
        },
        provider: { name: 'grounded', model: 'composer' },
      }),
      turn({ customerId: id(men[3]), products: ['SAV-01'], latencyMs: 700, flagged: true }),
      turn({ customerId: 'C-99999', products: ['FND-01'], latencyMs: 800 }),
      turn({ customerId: null, products: [], latencyMs: 900 }),
      turn({
        customerId: id(men[0]),
        products: [],
        latencyMs: 1000,
        provider: { name: 'grounded', model: 'composer' },
      }),
    ];
    for (const input of turns) await audit.append(input);
    const actor = { id: 'U-CUSTOMER', role: 'customer' } as const;
    await audit.appendFeedback({
      turnSeq: 1,
      actor,
      rating: 'up',
      productId: null,
      accepted: null,
      channel: 'slack',
    });
    await audit.appendFeedback({
      turnSeq: 2,
      actor,
      rating: 'down',
      productId: null,
      accepted: null,
      channel: 'slack',
    });
    await audit.appendFeedback({
      turnSeq: 1,
      actor,
      rating: null,
      productId: 'FND-01',
      accepted: true,
      channel: 'slack',
    });
    analytics = createAnalyticsSource({ audit, dataDir, benchDir: path.join(directory, 'bench') });
  });
  afterAll(async () => {
    await audit?.close();
    await emptyAudit?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('/bias with an empty log: the population report, and says no logged turn recommended anything yet', async () => {
    const source = createAnalyticsSource({
      audit: emptyAudit,
      dataDir,
      benchDir: path.join(directory, 'none'),
    });
    const report = await analyticsReports({ audit: emptyAudit, analytics: source }).bias();
    expect(report.title).toBe('Bias report');
    expect(report.lines.slice(0, 2)).toEqual([
      'Turns logged: 0; with recommendations: 0.',
      'Bias guard flags: 0.',
    ]);
    const text = report.lines.join('\n');
    expect(text).toContain('recommender over 400 customers');
    expect(text).toMatch(/Female vs Male\s+n \d+\/\d+/);
    expect(report.lines.slice(-2)).toEqual([
      'Logged replies: no logged turn recommended anything to a customer in the dataset yet.',
      'Skipped: 0 turn(s) without a customer or a recommendation, 0 about a customer not in the dataset; 0 recommended product id(s) not in the catalogue were ignored.',
    ]);
    expect(report.missing).toEqual([]);
  });

  it('/bias audits the replies actually logged after the population report', async () => {
    const report = await analyticsReports({ audit, analytics }).bias();
    const lines = report.lines;
    expect(lines.slice(0, 3)).toEqual([
      'Turns logged: 10; with recommendations: 8.',
      'Bias guard flags: 1 (10.0% of turns).',
      '#7: gendered language',
    ]);
    const start = lines.indexOf(
      'Fairness report: replies logged in the audit log (7 turns with recommendations)',
    );
    expect(start).toBeGreaterThan(lines.findIndex((line) => line.includes('recommender over 400 customers')));
    const logged = lines.slice(start);
    // 3 women offered FND-01, FND-01, SAV-01: 2/3 favourable; 4 men FND-01, FND-01, SAV-01, SAV-01: 2/4.
    expect(logged).toContain('== Overall: 7 rows, favourable rate 57.1% ==');
    expect(logged.join('\n')).toMatch(
      /Female vs Male\s+n 3\/4\s+rate 66\.7%\/50\.0%\s+DI 1\.333 \[[\d.]+, [\d.]+\]\s+SPD \+0\.167/,
    );
    expect(logged.at(-1)).toBe(
      'Skipped: 2 turn(s) without a customer or a recommendation, 1 about a customer not in the dataset; 1 recommended product id(s) not in the catalogue were ignored.',
    );
    expect(report.missing).toEqual([]);
  });

  it('/bench shows operations from the audit log, then the latest saved run with its change and retrieval quality', async () => {
    const reports = analyticsReports({ audit, analytics });
    const empty = await reports.bench();
    const operations = [
      'Operations — from the audit log: 10 turn(s), 8 with recommendations.',
      // Nearest rank over 100, 200, …, 1000 ms: p50 is the 5th value, p95 the 10th.
      'Latency p50 500 ms, p95 1000 ms.',
      'Validator: 7 passed as written (70.0%), 2 repaired, 1 fell back to the grounded reply; ' +
        'issues: ungrounded_number 2, promissory_language 1, unknown_product 1.',
      'Bias guard: 1 turn(s) flagged (10.0%).',
      'Providers: ollama/llama3.2 8, grounded/composer 2.',
      'Feedback: 3 item(s) (0.30 per turn): 1 thumbs up, 1 thumbs down, 1 product(s) accepted, 0 declined.',
    ];
    expect(empty.title).toBe('Benchmarks and operations');
    expect(empty.lines).toEqual(operations);
    expect(empty.missing).toEqual(['No offline benchmark has been saved yet: run `npm run bench:quality`.']);

    const benchDir = path.join(directory, 'bench');
    // Without the feedback simulation, so the report's note about it is exercised too.
    const first = await runBench(dataDir, {
      now: () => new Date('2026-11-01T10:00:00Z'),
      feedbackSimulation: false,
    });
    await saveBenchRun(first, benchDir);
    const older = await reports.bench();
    expect(older.missing).toEqual([
      'Retrieval quality was not measured in the latest run: run `npm run bench:quality` where the ingested store is.',
      'The feedback simulation is not in the latest saved run.',
    ]);
    expect(older.lines).toContain(
      'Retrieval quality: not measured in this run (saved before it was measured).',
    );

    await saveBenchRun(
      {
        ...first,
        timestamp: '2026-11-02T10:00:00.000Z',
        retrieval: { status: 'measured', quality: QUALITY },
        operations: null,
      },
      benchDir,
    );
    const report = await reports.bench();
    expect(report.lines.slice(0, 7)).toEqual([...operations, '']);
    const text = report.lines.join('\n');
    expect(text).toContain('Offline quality benchmark — 2026-11-02T10:00:00.000Z');
    expect(text).toMatch(/^popularity\s+\d\.\d{3}/m);
    // The latest run is compared with the one before it (same data, so every figure is unchanged).
    expect(text).toContain('Change since previous run (2026-11-01T10:00:00.000Z');
    expect(text).toContain('same data');
    expect(report.lines).toContain('customer_profiles      400      200      1.000                  0');
    expect(report.lines).toContain(
      'Own profile first for "What should {name} ({id}) do with their savings?": 50 of 200 (25.0%); in the top 10: 100 (50.0%).',
    );
    // The saved run's own operations snapshot is not repeated under the live one.
    expect(text).not.toContain('no audit log was read');
    expect(report.missing).toEqual(['The feedback simulation is not in the latest saved run.']);
  });

  it('/bench shows one line on the latest saved understanding evaluation', async () => {
    const benchDir = path.join(directory, 'understanding-bench');
    const source = createAnalyticsSource({ audit, dataDir, benchDir });
    const before = await analyticsReports({ audit, analytics: source }).bench();
    expect(before.lines.some((line) => line.startsWith('Understanding'))).toBe(false);
    const evaluation = {
      examples: 100,
      accuracy: 0.875,
      banking77Accuracy: 0.881,
      banking77Examples: 90,
      macroF1: 0.85,
      confusedPairs: [{ expected: 'card_arrival', predicted: 'card_delivery_estimate', count: 2 }],
      outOfScope: { precision: 0.9, recall: 0.8, support: 10 },
      coverage: 0.75,
      confidentAccuracy: 0.95,
      predictionMs: 0.1,
    };
    await saveUnderstandingRun(
      {
        timestamp: '2026-12-01T09:00:00.000Z',
        fingerprint: 'f'.repeat(64),
        validation: evaluation,
        questions: null,
      },
      benchDir,
    );
    const after = await analyticsReports({ audit, analytics: source }).bench();
    expect(after.lines).toContain(
      'Understanding (2026-12-01): Banking77 accuracy 88.1%, all intents 87.5%, macro-F1 85.0%, out of scope precision 90.0% / recall 80.0%',
    );
  });

  it('says plainly when the fairness reports cannot be computed', async () => {
    const source = createAnalyticsSource({ audit, dataDir: path.join(directory, 'no-such-data') });
    const report = await analyticsReports({ audit, analytics: source }).bias();
    expect(report.missing).toHaveLength(2);
    expect(report.missing[0]).toMatch(/^The population fairness report could not be computed: /);
    expect(report.missing[1]).toMatch(/^The fairness of the logged replies could not be computed: /);
    expect(report.lines.join('\n')).not.toMatch(/DI \d/);
  });

  it('/bias and /bench render natively in Slack and Teams: headline first, under the platform limits, no server paths', async () => {
    const reports = analyticsReports({ audit, analytics });
    const [bias, bench] = [await reports.bias(), await reports.bench()];
    // 3 women 2/3 favourable, 4 men 2/4 in the logged replies; the population part leads the headline.
    expect(bias.headline).toMatch(
      /^(No|\d+) four-fifths flags? in the recommender over 400 customers \(overall, \d+ testable, \d+ untestable comparisons\)\. Bias guard flagged 1 of 10 logged turns \(10\.0%\)\.$/,
    );
    const logged = bias.sections.find((section) => section.heading === 'Replies actually logged');
    // DI 1.333 is outside the band, but on 3 and 4 replies it is untestable, and every surface says so.
    expect(logged?.table?.rows).toContainEqual([
      'Female vs Male',
      '3/4',
      '66.7% / 50.0%',
      '1.333',
      'untestable',
    ]);
    expect(logged?.facts).toContainEqual({
      label: 'Four-fifths flags',
      value: expect.stringMatching(/^0 of 0 testable; \d+ untestable$/),
    });
    // The data's own disparities and the conditional age audit are sections of their own.
    expect(bias.sections.map((section) => section.heading)).toEqual(
      expect.arrayContaining(['Data bias vs model bias', 'Age 18-24 vs 25+, within legitimate factors']),
    );
    expect(bench.headline).toMatch(
      /^10 turns logged; p95 latency 1000 ms; validator passed 70\.0% as written\. Latest benchmark: our ranking NDCG@5 \d\.\d{3}/,
    );
    const dashboardUrl = 'https://advisor.bank.example/admin';
    for (const report of [bias, bench]) {
      const blocks = adminReportBlocks(report, dashboardUrl);
      expect(blocks.length).toBeLessThanOrEqual(50);
      expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: report.title } });
      expect(JSON.stringify(blocks[1])).toContain(escapeMrkdwn(report.headline));
      const texts = blocks.flatMap((block) => [
        ...('text' in block && block.text && typeof block.text !== 'string' ? [block.text.text] : []),
        ...('fields' in block && block.fields ? block.fields.map((field) => field.text) : []),
        ...(block.type === 'context'
          ? block.elements.map((element) => ('text' in element ? element.text : ''))
          : []),
      ]);
      for (const text of texts) {
        expect(text.trim().length).toBeGreaterThan(0);
        expect(text.length).toBeLessThanOrEqual(3000);
        expect(text).not.toMatch(/^• *$/m);
      }
      expect(blocks.at(-1)).toEqual({
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: `<${dashboardUrl}|Open the admin dashboard> for every section and chart.` },
        ],
      });
      const card = adminReportCard(report, dashboardUrl);
      const activity = {
        type: 'message',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
        summary: adminReportText(report, dashboardUrl),
      };
      expect(Buffer.byteLength(JSON.stringify(activity))).toBeLessThan(28 * 1024);
      expect(card.body.slice(0, 2).map((element) => element.type === 'TextBlock' && element.text)).toEqual([
        report.title,
        report.headline,
      ]);
      expect(
        card.body.filter((element) => element.type === 'TextBlock' && element.text.trim() === ''),
      ).toEqual([]);
      expect(card.actions).toEqual([
        { type: 'Action.OpenUrl', title: 'Open the admin dashboard', url: dashboardUrl },
      ]);
      for (const rendered of [JSON.stringify(blocks), JSON.stringify(activity)]) {
        expect(rendered).not.toContain(directory);
        expect(rendered).not.toContain('==');
      }
    }
    expect(card(bias).body.some((element) => element.type === 'Table')).toBe(true);
    expect(card(bench).body.some((element) => element.type === 'FactSet')).toBe(true);
  });
});

function card(report: AdminReport) {
  return adminReportCard(report);
}
