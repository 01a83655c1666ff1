import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdvisorChain } from '../../../chains/advisor-chain.ts';
import { GroundedChatModel } from '../../../chains/grounded/grounded-chat-model.ts';
import { answerOwnData } from '../../../chains/own-data/index.ts';
import { AdvisorRetriever } from '../../../chains/retrieve/advisor-retriever.ts';
import {
  type IngestSummary,
  ingestDataset,
  type KnowledgeBase,
  loadConfig,
  openKnowledgeBase,
} from '../../../knowledge/index.ts';
import { mappedDataDir, prepareMappedData } from '../../../knowledge/mapping/index.ts';
import { type ScratchChroma, startScratchChroma } from '../../support/chroma.ts';
import { testIntentModel } from '../../support/intent-model.ts';

// A "foreign" export (tests/fixtures/foreign-bank): `;`-separated, numeric ids, US dates, 1.234,56
// amounts, renamed columns, coded sex and risk, refunds to leave out, no products.json, no adoptions.csv.
const BANK_DIR = path.join(import.meta.dirname, '../../fixtures/foreign-bank');

describe('a bank export ingested through a mapping into a real Chroma', () => {
  let chroma: ScratchChroma;
  let summary: IngestSummary;
  let knowledge: KnowledgeBase;
  let retriever: AdvisorRetriever;
  let chain: AdvisorChain;
  beforeAll(async () => {
    chroma = await startScratchChroma();
    const config = loadConfig({
      EMBEDDER: 'lsa',
      LSA_DIMENSIONS: '32',
      STORE_DIR: path.join(chroma.directory, 'store'),
      CHROMA_URL: chroma.server.url,
    });
    const mapped = await prepareMappedData(
      path.join(BANK_DIR, 'mapping.yaml'),
      BANK_DIR,
      mappedDataDir(config.storeDir),
    );
    summary = await ingestDataset({ config, chromaUrl: chroma.server.url, dataDir: BANK_DIR, mapped });
    knowledge = await openKnowledgeBase(config);
    retriever = AdvisorRetriever.create({
      chromaUrl: chroma.server.url,
      embedder: knowledge.embedder.embedder,
    });
    const grounded = new GroundedChatModel();
    chain = new AdvisorChain({
      retriever,
      model: grounded,
      grounded,
      intents: await testIntentModel(),
      answerOwnData,
    });
  });
  afterAll(async () => {
    await retriever?.close();
    await knowledge?.close();
    await chroma?.dispose();
  });

  it('reads every row, leaves the refunds out and lists each default with the rows it touched', () => {
    expect(summary.load.rows).toMatchObject({
      'customers.csv': 6,
      'transactions.csv': 181,
      'social_media.csv': 3,
    });
    expect(summary.load.issueCount).toBe(0);
    expect(summary.load.absent).toEqual([
      'adoptions.csv: absent, so recommendations use no adoption history',
      expect.stringMatching(/^products\.json: absent, so the shipped catalogue \(\d+ products\) is used$/),
    ]);
    expect(
      summary.mapping?.files.map((file) => [file.source, file.target, file.rows, file.filteredOut]),
    ).toEqual([
      ['clients.csv', 'customers.csv', 6, 0],
      ['purchases.csv', 'transactions.csv', 181, 6],
      ['posts.csv', 'social_media.csv', 3, 0],
    ]);
    const defaults = new Map(
      summary.mapping?.defaults.map((item) => [`${item.field}=${item.value}`, item.rows]),
    );
    // risk_profile is "unknown" or empty for 3 of the 6 customers: the cautious default.
    expect(defaults.get('risk_tolerance=low')).toBe(3);
    expect(defaults.get('investment_horizon_years=5')).toBe(6);
    expect(defaults.get('savings_balance=sum of checking_bal + savings_bal')).toBe(6);
    expect(defaults.get('education=High school')).toBe(6);
    expect(summary.collections.find((item) => item.collection.includes('profile'))?.total).toBe(6);
  });

  it('answers a turn about customer 12308363 (stored as C-12308363) with cautious, suitable products', async () => {
    const reply = await chain.advise({
      question: 'What would you recommend?',
      customerId: 'C-12308363',
      audience: 'advisor',
      history: [],
    });
    expect(reply.customerId).toBe('C-12308363');
    expect(reply.validator.ok).toBe(true);
    expect(reply.recommendations.length).toBeGreaterThan(0);
    // Risk tolerance "unknown" → low: nothing above risk level 2 is offered.
    for (const recommendation of reply.recommendations)
      expect(recommendation.product.risk_level).toBeLessThanOrEqual(2);
    // Savings derived from the balances: 2.350,50 + 15.000,00.
    const customer = await retriever.customer('C-12308363');
    expect(customer?.record.customer).toMatchObject({
      savings_balance: 17_350.5,
      gender: 'Female',
      risk_tolerance: 'low',
    });
  });
});
