import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../bot/audit/index.ts';
import {
  type AuditRow,
  auditCsv,
  auditLoggedTurns,
  auditPopulation,
  buildFairnessReport,
  type FairnessReport,
  type LoggedTurn,
} from '../../../chains/eval/fairness/index.ts';
import { generateDataset, PRODUCT_CATALOG } from '../../../knowledge/generate/index.ts';
import { type Dataset, loadDataset } from '../../../knowledge/preprocess/index.ts';
import { INVESTMENT_PRODUCT_TYPES } from '../../../knowledge/schemas.ts';
import { createRandom } from '../../../knowledge/seeded-random.ts';

// A logged turn from the audit store must be accepted as is (checked by the compiler).
const fromAuditStore = (record: AuditRecord): LoggedTurn => record;
void fromAuditStore;

const CUSTOMERS = 1500;
const root = await mkdtemp(path.join(tmpdir(), 'fairness-audit-test-'));
const defaultDir = path.join(root, 'default');
const biasedDir = path.join(root, 'biased');
let fair: Dataset;
let biased: Dataset;

beforeAll(async () => {
  await generateDataset({ customers: CUSTOMERS, seed: 42, outDir: defaultDir });
  await generateDataset({ customers: CUSTOMERS, seed: 42, outDir: biasedDir, injectBias: 'gender' });
  [fair, biased] = await Promise.all([loadDataset(defaultDir), loadDataset(biasedDir)]);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes customer_id,gender,adopted_investment: whether each customer ever took up a fund or retirement product. */
async function adoptionTable(dir: string): Promise<string> {
  const read = async (name: string): Promise<Record<string, string>[]> =>
    parse(await readFile(path.join(dir, name)), { columns: true });
  const investments = new Set(
    PRODUCT_CATALOG.filter((product) => INVESTMENT_PRODUCT_TYPES.includes(product.type)).map(
      (product) => product.id,
    ),
  );
  const investors = new Set(
    (await read('adoptions.csv'))
      .filter((row) => investments.has(row.product_id ?? ''))
      .map((row) => row.customer_id),
  );
  const lines = (await read('customers.csv')).map(
    (row) => `${row.customer_id},${row.gender},${investors.has(row.customer_id) ? 'yes' : 'no'}`,
  );
  const file = path.join(dir, 'investment-adoption.csv');
  await writeFile(file, ['customer_id,gender,adopted_investment', ...lines].join('\n'));
  return file;
}

function femaleVsMale(report: FairnessReport) {
  return report.sections[0]?.attributes
    .find((attribute) => attribute.attribute === 'gender')
    ?.comparisons.find((comparison) => comparison.unprivileged.group === 'Female');
}

const share = (rows: readonly AuditRow[], gender: string, test: (row: AuditRow) => boolean): number => {
  const group = rows.filter((row) => row.gender === gender);
  return group.filter(test).length / group.length;
};

describe('the audit catches the bias planted by the generator', () => {
  it('flags gender in the adoptions table of the biased data (DI < 0.8), and not in the default data', async () => {
    const options = {
      protected: [{ column: 'gender', privileged: ['Male'] }],
      favourable: { column: 'adopted_investment', values: ['yes'] },
    };
    const onBiased = femaleVsMale(await auditCsv(await adoptionTable(biasedDir), options));
    const onDefault = femaleVsMale(await auditCsv(await adoptionTable(defaultDir), options));
    // The generator drops half of women's fund/retirement adoptions and cuts their income by a quarter
    // (docs/synthetic-data.md measures a 0.58 adoption ratio at 10k); by default gender is independent.
    expect(onBiased?.disparateImpact.value).toBeLessThan(0.8);
    expect(onBiased?.fourFifths).toBe(true);
    expect(onBiased?.interval?.upper).toBeLessThan(0.8);
    expect(onDefault?.fourFifths).toBe(false);
    expect(onDefault?.interval?.lower).toBeLessThan(1);
    expect(onDefault?.interval?.upper).toBeGreaterThan(1);
  });

  it('the recommender, which never reads gender, offers women less credit on the biased data, through income', () => {
    const creditFair = auditPopulation(fair, { favourable: 'credit_approved' }).rows;
    const creditBiased = auditPopulation(biased, { favourable: 'credit_approved' }).rows;
    expect(creditFair).toHaveLength(CUSTOMERS);
    // Women's income is ×0.75 on the biased data, so more of them sit in the bottom quartile (measured
    // 26% → 30%) and more fail a credit product's minimum income or debt/income cap. Since the recommender
    // leans mostly on what similar customers hold (weight 0.6), the offer-rate effect is diluted; what
    // holds is that women's credit offers relative to men's fall on the biased data.
    const bottom = (row: AuditRow) => row.income_quartile === 'bottom';
    expect(share(creditBiased, 'Female', bottom)).toBeGreaterThan(share(creditFair, 'Female', bottom) + 0.03);
    const favoured = (row: AuditRow) => row.favourable;
    const femaleToMale = (rows: AuditRow[]) =>
      share(rows, 'Female', favoured) / share(rows, 'Male', favoured);
    expect(femaleToMale(creditBiased)).toBeLessThan(femaleToMale(creditFair));
  });

  it('does not show the planted bias as fewer investment-or-premium offers, because held funds are not re-offered', () => {
    // The same lower income removes premium cards, but half of women's fund/retirement adoptions were
    // dropped, so fewer funds are "already held" and more are offered: the two roughly cancel (measured
    // female rate 82.3% default vs 81.5% biased, DI about 1 in both). Not flagged on either dataset.
    for (const dataset of [fair, biased]) {
      const report = buildFairnessReport(auditPopulation(dataset, {}).rows, { random: createRandom(1) });
      const female = femaleVsMale(report);
      expect(female?.fourFifths).toBe(false);
      expect(female?.disparateImpact.value).toBeGreaterThan(0.95);
      expect(female?.disparateImpact.value).toBeLessThan(1.05);
    }
  });

  it('gives every customer the same offers whatever their gender (gender reaches neither the ranker nor the neighbours)', () => {
    const flipped = {
      ...biased,
      customers: biased.customers.map((customer) => ({
        ...customer,
        gender: customer.gender === 'Female' ? ('Male' as const) : ('Female' as const),
      })),
    };
    const original = auditPopulation(biased, { favourable: 'credit_approved' }).rows;
    const swapped = auditPopulation(flipped, { favourable: 'credit_approved' }).rows;
    expect(swapped.map((row) => row.offered_types)).toEqual(original.map((row) => row.offered_types));
    expect(swapped.map((row) => row.gender)).not.toEqual(original.map((row) => row.gender));
  });

  it('labels a row true when the customer took up such a product on or after the split date', () => {
    const { rows, asOf } = auditPopulation(fair, { favourable: 'credit_approved', neighbours: 0 });
    expect(asOf).toBe('2026-01-01');
    const credit = new Set(
      fair.products
        .filter((product) => ['credit_card', 'loan', 'mortgage'].includes(product.type))
        .map((p) => p.id),
    );
    const adopters = new Set(
      fair.adoptions
        .filter((adoption) => adoption.date >= '2026-01-01' && credit.has(adoption.product_id))
        .map((adoption) => adoption.customer_id),
    );
    expect(rows.filter((row) => row.label).length).toBe(adopters.size);
    expect(adopters.size).toBeGreaterThan(0);
  });
});

describe('auditLoggedTurns', () => {
  it('joins each logged reply to its customer and skips turns it cannot use', () => {
    const [first, second] = fair.customers;
    const turns: LoggedTurn[] = [
      {
        customerId: first?.customer_id ?? '',
        recommendations: [{ productId: 'FND-01' }, { productId: 'SAV-01' }],
      },
      {
        customerId: second?.customer_id ?? '',
        recommendations: [{ productId: 'SAV-01' }, { productId: 'XX-99' }],
      },
      { customerId: null, recommendations: [] },
      { customerId: 'C-999999', recommendations: [{ productId: 'SAV-01' }] },
    ];
    const { rows, skipped } = auditLoggedTurns(turns, fair);
    expect(skipped).toEqual({ noRecommendation: 1, unknownCustomer: 1, unknownProducts: 1 });
    expect(rows.map((row) => [row.gender, row.offered_types, row.favourable])).toEqual([
      [first?.gender, ['fund', 'savings'], true],
      [second?.gender, ['savings'], false],
    ]);
  });
});

describe('scripts/bias.ts', () => {
  const run = promisify(execFile);

  it('prints the report and the elapsed time for a data folder, and exits 0', async () => {
    const { stdout } = await run('npx', [
      'tsx',
      'scripts/bias.ts',
      '--data',
      biasedDir,
      '--favourable',
      'credit_approved',
    ]);
    expect(stdout).toContain(`Fairness report: recommender over ${CUSTOMERS} customers in ${biasedDir}`);
    expect(stdout).toContain('== Overall: 1500 rows');
    expect(stdout).toMatch(/\nDone in \d+\.\d\d s\n/);
  });

  it('exits 2 naming the flag when a flag is wrong', async () => {
    const failure = await run('npx', ['tsx', 'scripts/bias.ts', '--favourable', 'everything']).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain(
      '--favourable must be one of investment_or_premium',
    );
    const csvFailure = await run('npx', [
      'tsx',
      'scripts/bias.ts',
      '--csv',
      'x.csv',
      '--favourable',
      'approved=yes',
    ]).catch((error: { code: number; stderr: string }) => error);
    expect(csvFailure).toMatchObject({ code: 2 });
    expect((csvFailure as { stderr: string }).stderr).toContain('--csv needs at least one --protected');
  });
});
