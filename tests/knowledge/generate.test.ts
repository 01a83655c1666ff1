import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { KnowledgeError } from '../../knowledge/errors.ts';
import { CsvFileWriter } from '../../knowledge/generate/csv-file-writer.ts';
import {
  ADVERSARIAL_POST_TEMPLATES,
  DATA_END,
  DATA_START,
  generateDataset,
  PRODUCT_CATALOG,
  SPLIT_DATE,
} from '../../knowledge/generate/index.ts';
import {
  AdoptionRow,
  CSV_COLUMNS,
  type Customer,
  CustomerRow,
  PRODUCT_TYPES,
  type Product,
  ProductCatalog,
  SocialPostRow,
  TransactionRow,
} from '../../knowledge/schemas.ts';

type CsvName = keyof typeof CSV_COLUMNS;
/** Raw text rows, as read from the files (the schema tests check they parse). */
type AdoptionText = z.input<typeof AdoptionRow>;
type TransactionText = z.input<typeof TransactionRow>;
type PostText = z.input<typeof SocialPostRow>;

const CUSTOMERS = 3000;
const root = await mkdtemp(path.join(tmpdir(), 'generate-test-'));
const mainDir = path.join(root, 'main');
const biasedDir = path.join(root, 'biased');

async function readCsv<Text = Record<string, string>>(
  dir: string,
  name: CsvName,
): Promise<{ header: string[]; rows: Text[] }> {
  const records: string[][] = parse(await readFile(path.join(dir, name)));
  const [header = [], ...body] = records;
  const rows = body.map((fields) => Object.fromEntries(header.map((column, i) => [column, fields[i] ?? ''])));
  return { header, rows: rows as Text[] };
}

async function hashFiles(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    hashes[name] = createHash('sha256')
      .update(await readFile(path.join(dir, name)))
      .digest('hex');
  }
  return hashes;
}

const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

function pearson(xs: number[], ys: number[]): number {
  const meanX = mean(xs);
  const meanY = mean(ys);
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  xs.forEach((x, i) => {
    const dx = x - meanX;
    const dy = (ys[i] ?? 0) - meanY;
    covariance += dx * dy;
    varianceX += dx * dx;
    varianceY += dy * dy;
  });
  return covariance / Math.sqrt(varianceX * varianceY);
}

/** Share of customers of each gender holding at least one fund or retirement product. */
function investmentAdoptionRate(customers: Customer[], adoptions: AdoptionText[], gender: string): number {
  const typeOf = new Map(PRODUCT_CATALOG.map((product) => [product.id, product.type]));
  const investors = new Set(
    adoptions
      .filter((row) => ['fund', 'retirement'].includes(typeOf.get(row.product_id) ?? ''))
      .map((row) => row.customer_id),
  );
  const group = customers.filter((customer) => customer.gender === gender);
  return group.filter((customer) => investors.has(customer.customer_id)).length / group.length;
}

function meanIncome(customers: Customer[], gender: string): number {
  return mean(customers.filter((customer) => customer.gender === gender).map((customer) => customer.income));
}

let customers: Customer[];
let customerById: Map<string, Customer>;
let transactions: TransactionText[];
let posts: PostText[];
let adoptions: AdoptionText[];

beforeAll(async () => {
  await generateDataset({ customers: CUSTOMERS, seed: 7, outDir: mainDir });
  customers = (await readCsv(mainDir, 'customers.csv')).rows.map((row) => CustomerRow.parse(row));
  customerById = new Map(customers.map((customer) => [customer.customer_id, customer]));
  transactions = (await readCsv<TransactionText>(mainDir, 'transactions.csv')).rows;
  posts = (await readCsv<PostText>(mainDir, 'social_media.csv')).rows;
  adoptions = (await readCsv<AdoptionText>(mainDir, 'adoptions.csv')).rows;
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('generateDataset: files and schemas', () => {
  it('writes the five files and no leftover .tmp files', async () => {
    expect((await readdir(mainDir)).sort()).toEqual([
      'adoptions.csv',
      'customers.csv',
      'products.json',
      'social_media.csv',
      'transactions.csv',
    ]);
  });

  const schemas: Record<CsvName, z.ZodType> = {
    'customers.csv': CustomerRow,
    'social_media.csv': SocialPostRow,
    'transactions.csv': TransactionRow,
    'adoptions.csv': AdoptionRow,
  };
  for (const [name, schema] of Object.entries(schemas) as [CsvName, z.ZodType][]) {
    it(`${name}: header equals CSV_COLUMNS and every row parses`, async () => {
      const { header, rows } = await readCsv(mainDir, name);
      expect(header).toEqual(CSV_COLUMNS[name]);
      const failures = rows.filter((row) => !schema.safeParse(row).success);
      expect(failures.slice(0, 3)).toEqual([]);
      expect(rows.length).toBeGreaterThan(0);
    });
  }

  it('customers.csv has one row per customer with ids C-000001…', () => {
    expect(customers).toHaveLength(CUSTOMERS);
    expect(customers[0]?.customer_id).toBe('C-000001');
    expect(customers[CUSTOMERS - 1]?.customer_id).toBe(`C-${String(CUSTOMERS).padStart(6, '0')}`);
  });

  it('products.json is the catalogue and validates', async () => {
    const written = ProductCatalog.parse(
      JSON.parse(await readFile(path.join(mainDir, 'products.json'), 'utf8')),
    );
    expect(written).toEqual(ProductCatalog.parse(PRODUCT_CATALOG));
  });
});

describe('PRODUCT_CATALOG', () => {
  const byType = (type: Product['type']): Product[] =>
    PRODUCT_CATALOG.filter((product) => product.type === type);

  it('has 25–40 unique products covering every product type', () => {
    ProductCatalog.parse(PRODUCT_CATALOG);
    expect(PRODUCT_CATALOG.length).toBeGreaterThanOrEqual(25);
    expect(PRODUCT_CATALOG.length).toBeLessThanOrEqual(40);
    expect(new Set(PRODUCT_CATALOG.map((product) => product.id)).size).toBe(PRODUCT_CATALOG.length);
    for (const type of PRODUCT_TYPES) expect(byType(type).length, type).toBeGreaterThan(0);
  });

  it('keeps eligibility consistent with risk', () => {
    for (const fund of byType('fund')) expect(fund.risk_level).toBeGreaterThanOrEqual(2);
    for (const savings of byType('savings')) expect(savings.risk_level).toBe(1);
    for (const product of PRODUCT_CATALOG) {
      const credit = ['credit_card', 'loan', 'mortgage'].includes(product.type);
      expect(product.eligibility.max_debt_to_income !== null, product.id).toBe(credit);
      if (credit) expect(product.min_income, product.id).toBeGreaterThan(0);
      if (product.risk_level >= 4) {
        expect(product.eligibility.risk_tolerances, product.id).toEqual(['high']);
        expect(product.eligibility.min_horizon_years, product.id).toBeGreaterThanOrEqual(7);
      }
    }
  });
});

describe('generateDataset: determinism', () => {
  it('same seed ⇒ identical bytes; different seed ⇒ different files', async () => {
    const first = path.join(root, 'seed-11-a');
    const second = path.join(root, 'seed-11-b');
    const other = path.join(root, 'seed-12');
    await generateDataset({ customers: 400, seed: 11, outDir: first });
    await generateDataset({ customers: 400, seed: 11, outDir: second });
    await generateDataset({ customers: 400, seed: 12, outDir: other });
    const hashesA = await hashFiles(first);
    expect(await hashFiles(second)).toEqual(hashesA);
    const hashesC = await hashFiles(other);
    for (const name of Object.keys(CSV_COLUMNS)) expect(hashesC[name], name).not.toBe(hashesA[name]);
  });

  it('a customer does not depend on how many customers are generated', async () => {
    const small = path.join(root, 'prefix');
    await generateDataset({ customers: 50, seed: 7, outDir: small });
    const prefix = (await readFile(path.join(small, 'customers.csv'), 'utf8')).trimEnd().split('\n');
    const full = (await readFile(path.join(mainDir, 'customers.csv'), 'utf8')).split('\n');
    expect(prefix).toEqual(full.slice(0, 51));
  });
});

describe('generateDataset: built-in correlations', () => {
  it('mean income rises with education', () => {
    const income = (level: string): number =>
      mean(customers.filter((customer) => customer.education === level).map((customer) => customer.income));
    expect(income('Doctorate')).toBeGreaterThan(income('Master'));
    expect(income('Master')).toBeGreaterThan(income('Bachelor'));
    expect(income('Bachelor')).toBeGreaterThan(income('High school'));
  });

  it('savings grow with age (Pearson > 0.2)', () => {
    const ages = customers.map((customer) => customer.age);
    const savings = customers.map((customer) => customer.savings_balance);
    expect(pearson(ages, savings)).toBeGreaterThan(0.2);
  });

  it('customers interested in travel spend a larger share on travel', () => {
    const totals = new Map<string, { travel: number; all: number }>();
    for (const row of transactions) {
      const total = totals.get(row.customer_id) ?? { travel: 0, all: 0 };
      const amount = Number(row.amount);
      total.all += amount;
      if (row.category === 'travel') total.travel += amount;
      totals.set(row.customer_id, total);
    }
    const share = (customer: Customer): number => {
      const total = totals.get(customer.customer_id);
      return total === undefined ? 0 : total.travel / total.all;
    };
    const travellers = customers.filter((customer) => customer.interests.includes('travel'));
    const others = customers.filter((customer) => !customer.interests.includes('travel'));
    expect(mean(travellers.map(share))).toBeGreaterThan(2 * mean(others.map(share)));
  });

  it('by default gender influences neither income nor fund/retirement adoption', () => {
    const incomeRatio = meanIncome(customers, 'Female') / meanIncome(customers, 'Male');
    expect(incomeRatio).toBeGreaterThan(0.93);
    expect(incomeRatio).toBeLessThan(1.07);
    const adoptionRatio =
      investmentAdoptionRate(customers, adoptions, 'Female') /
      investmentAdoptionRate(customers, adoptions, 'Male');
    expect(adoptionRatio).toBeGreaterThan(0.8);
    expect(adoptionRatio).toBeLessThan(1.25);
  });

  it('--inject-bias gender lowers female income and fund/retirement adoption', async () => {
    await generateDataset({ customers: 2000, seed: 7, outDir: biasedDir, injectBias: 'gender' });
    const biased = (await readCsv(biasedDir, 'customers.csv')).rows.map((row) => CustomerRow.parse(row));
    const biasedAdoptions = (await readCsv<AdoptionText>(biasedDir, 'adoptions.csv')).rows;
    expect(meanIncome(biased, 'Female') / meanIncome(biased, 'Male')).toBeLessThan(0.85);
    const adoptionRatio =
      investmentAdoptionRate(biased, biasedAdoptions, 'Female') /
      investmentAdoptionRate(biased, biasedAdoptions, 'Male');
    expect(adoptionRatio).toBeLessThan(0.75);
  });
});

describe('generateDataset: adoptions', () => {
  const endDay = Date.parse(`${DATA_END}T00:00:00Z`) / 86_400_000;

  it('never violate the eligibility rules on the adoption date', () => {
    const catalog = new Map(PRODUCT_CATALOG.map((product) => [product.id, product]));
    const violations: string[] = [];
    for (const adoption of adoptions) {
      const customer = customerById.get(adoption.customer_id);
      const product = catalog.get(adoption.product_id);
      if (customer === undefined || product === undefined) {
        violations.push(`${adoption.customer_id} ${adoption.product_id}: unknown customer or product`);
        continue;
      }
      const rules = product.eligibility;
      // customers.csv holds the age on DATA_END; on an earlier date the customer may have been younger.
      const daysBefore = endDay - Date.parse(`${adoption.date}T00:00:00Z`) / 86_400_000;
      const youngest = customer.age - Math.ceil(daysBefore / 365);
      const debtToIncome =
        customer.income > 0 ? customer.debt_balance / customer.income : Number.POSITIVE_INFINITY;
      const broken = [
        youngest < rules.min_age && 'min_age',
        customer.age > rules.max_age && 'max_age',
        customer.income < product.min_income && 'min_income',
        customer.investment_horizon_years < rules.min_horizon_years && 'min_horizon_years',
        !rules.risk_tolerances.includes(customer.risk_tolerance) && 'risk_tolerances',
        rules.max_debt_to_income !== null && debtToIncome > rules.max_debt_to_income && 'max_debt_to_income',
      ].filter(Boolean);
      if (broken.length > 0) violations.push(`${customer.customer_id} ${product.id}: ${broken.join(', ')}`);
    }
    expect(violations).toEqual([]);
    expect(adoptions.length).toBeGreaterThan(CUSTOMERS / 2);
  });

  it('are 0–3 distinct products per customer, with 30–40% on or after SPLIT_DATE', () => {
    const perCustomer = new Map<string, string[]>();
    for (const row of adoptions) {
      expect(row.date >= DATA_START && row.date <= DATA_END, row.date).toBe(true);
      perCustomer.set(row.customer_id, [...(perCustomer.get(row.customer_id) ?? []), row.product_id]);
    }
    for (const products of perCustomer.values()) {
      expect(products.length).toBeLessThanOrEqual(3);
      expect(new Set(products).size).toBe(products.length);
    }
    const heldOut = adoptions.filter((row) => row.date >= SPLIT_DATE).length / adoptions.length;
    expect(heldOut).toBeGreaterThanOrEqual(0.3);
    expect(heldOut).toBeLessThanOrEqual(0.4);
  });
});

describe('generateDataset: transactions and posts', () => {
  it('gives each customer 30–120 transactions, dated in the timeline and sorted', () => {
    const perCustomer = new Map<string, string[]>();
    for (const row of transactions) {
      const dates = perCustomer.get(row.customer_id) ?? [];
      dates.push(row.date);
      perCustomer.set(row.customer_id, dates);
    }
    expect(perCustomer.size).toBe(CUSTOMERS);
    for (const dates of perCustomer.values()) {
      expect(dates.length).toBeGreaterThanOrEqual(30);
      expect(dates.length).toBeLessThanOrEqual(120);
      expect(dates).toEqual([...dates].sort());
      expect((dates[0] ?? '') >= DATA_START && (dates.at(-1) ?? '') <= DATA_END).toBe(true);
    }
    expect(transactions.every((row) => /^\d+\.\d{2}$/.test(row.amount))).toBe(true);
  });

  it('gives each customer 2–8 posts in the timeline, sentiment left empty', () => {
    const counts = new Map<string, number>();
    for (const row of posts) counts.set(row.customer_id, (counts.get(row.customer_id) ?? 0) + 1);
    expect(counts.size).toBe(CUSTOMERS);
    for (const count of counts.values()) {
      expect(count).toBeGreaterThanOrEqual(2);
      expect(count).toBeLessThanOrEqual(8);
    }
    const inTimeline = (stamp: string): boolean => stamp >= DATA_START && stamp < `${DATA_END}T23:59:60Z`;
    expect(posts.every((row) => inTimeline(row.timestamp) && row.sentiment_score === '')).toBe(true);
  });

  it('plants adversarial posts (at least one in 2000 customers, well under 1.5% overall)', () => {
    const adversarial = posts.filter((row) => ADVERSARIAL_POST_TEMPLATES.includes(row.content));
    expect(adversarial.filter((row) => row.customer_id <= 'C-002000').length).toBeGreaterThanOrEqual(1);
    expect(adversarial.length / posts.length).toBeLessThan(0.015);
  });

  it('varies post text: most posts are not verbatim repeats', () => {
    const distinct = new Set(posts.map((row) => row.content)).size;
    expect(distinct / posts.length).toBeGreaterThan(0.6);
  });
});

describe('CSV encoding', () => {
  it('fields with commas and quotes in the generated data round-trip through csv-parse', async () => {
    const raw = await readFile(path.join(mainDir, 'customers.csv'), 'utf8');
    expect(raw).toContain('"New York, NY"');
    expect(customers.some((customer) => customer.location === 'New York, NY')).toBe(true);
    expect(posts.some((row) => row.content.includes('"') && row.content.includes(','))).toBe(true);
  });

  it('CsvFileWriter output parses back to the same fields for any text', async () => {
    const dir = path.join(root, 'csv-property');
    await mkdir(dir, { recursive: true });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.string(), fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é') })),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        async (pairs) => {
          const file = path.join(dir, `sample-${run++}.csv`);
          const writer = await CsvFileWriter.open<{ left: string; right: string }>(file, ['left', 'right']);
          for (const [left, right] of pairs) writer.writeRow({ left, right });
          await writer.file.finish();
          await writer.file.publish();
          const parsed: string[][] = parse(await readFile(file));
          expect(parsed).toEqual([['left', 'right'], ...pairs]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('generateDataset: failures', () => {
  it('rejects invalid options with INVALID_INPUT naming the option', async () => {
    const attempt = generateDataset({ customers: 0, seed: -1, outDir: path.join(root, 'never') });
    await expect(attempt).rejects.toBeInstanceOf(KnowledgeError);
    await expect(attempt).rejects.toThrow(/customers must be .* got 0; seed must be .* got -1/);
  });

  it('leaves earlier files untouched and no .tmp files when writing fails midway', async () => {
    const dir = path.join(root, 'failing');
    await mkdir(path.join(dir, 'adoptions.csv.tmp'), { recursive: true }); // a folder: opening it fails
    await writeFile(path.join(dir, 'customers.csv'), 'previous run\n');
    await expect(generateDataset({ customers: 10, seed: 1, outDir: dir })).rejects.toThrow(/EISDIR/);
    expect(await readFile(path.join(dir, 'customers.csv'), 'utf8')).toBe('previous run\n');
    expect((await readdir(dir)).sort()).toEqual(['adoptions.csv.tmp', 'customers.csv']);
  });
});

describe('scripts/generate.ts', () => {
  const run = promisify(execFile);
  const script = path.resolve(import.meta.dirname, '../../scripts/generate.ts');
  const cli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: path.resolve(import.meta.dirname, '../..'),
    });

  it('exits 2 naming the flag when a flag is invalid', async () => {
    for (const [args, flag] of [
      [['--customers', 'many'], '--customers'],
      [['--seed', '-3'], '--seed'],
      [['--inject-bias', 'age'], '--inject-bias'],
      [['--colour', 'blue'], '--colour'],
    ] as const) {
      const failure = await cli(...args, '--out', path.join(root, 'cli-never')).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure?.code, args.join(' ')).toBe(2);
      expect(failure?.stderr).toContain(flag);
    }
  });

  it('prints one line per file', async () => {
    const { stdout } = await cli('--customers', '20', '--seed', '3', '--out', path.join(root, 'cli'));
    for (const name of [
      'customers.csv',
      'social_media.csv',
      'transactions.csv',
      'adoptions.csv',
      'products.json',
    ]) {
      expect(stdout).toMatch(new RegExp(`${name.replace('.', '\\.')}\\s+\\d+ rows`));
    }
    expect(stdout).toMatch(/^ {2}customers\.csv\s+20 rows/m);
  });
});
