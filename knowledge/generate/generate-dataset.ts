import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { KnowledgeError } from '../errors.ts';
import { CSV_COLUMNS, ProductCatalog } from '../schemas.ts';
import { createRandom, deriveSeed, type Random } from '../seeded-random.ts';
import { type AdoptionCsvRow, generateAdoptions } from './adoption-generator.ts';
import { CsvFileWriter } from './csv-file-writer.ts';
import { type CustomerCsvRow, generateCustomer, toCustomerCsvRow } from './customer-generator.ts';
import { generatePosts, type SocialPostCsvRow } from './post-generator.ts';
import { PRODUCT_CATALOG } from './product-catalog.ts';
import { StagedFile } from './staged-file.ts';
import { generateTransactions, type TransactionCsvRow } from './transaction-generator.ts';

/** What to generate and where. */
export interface GenerateOptions {
  customers: number;
  /** Any 32-bit unsigned integer; the same seed and options give byte-identical files. */
  seed: number;
  outDir: string;
  /** Plant a known unfairness so a fairness audit has something to catch. */
  injectBias?: 'gender';
}

/** One written file. */
export interface GeneratedFile {
  name: string;
  path: string;
  /** Data rows (CSV, header excluded) or products (products.json). */
  rows: number;
  bytes: number;
}

/** What `generateDataset` wrote, and how long it took. */
export interface GenerateSummary {
  outDir: string;
  customers: number;
  seed: number;
  files: GeneratedFile[];
  seconds: number;
}

/** Largest dataset accepted: ids and memory stay sane, and it is far beyond any real use here. */
const MAX_CUSTOMERS = 50_000_000;

/** Substream ids under each customer's seed: changing one generator never shifts another's draws. */
const STREAM = { traits: 0, identity: 1, transactions: 2, posts: 3, adoptions: 4 } as const;

/** One random substream of customer `index` (0-based) in a dataset generated with `seed`. */
export function customerStream(seed: number, index: number, stream: keyof typeof STREAM): Random {
  return createRandom(deriveSeed(deriveSeed(seed, index), STREAM[stream]));
}

/**
 * Generates the synthetic bank dataset (customers, social_media, transactions, adoptions CSVs and
 * products.json) customer by customer, streaming to `<file>.tmp` and renaming each file only
 * when every file is complete. Memory stays bounded whatever the number of customers.
 * @example await generateDataset({ customers: 10_000, seed: 42, outDir: 'data' });
 */
export async function generateDataset(options: GenerateOptions): Promise<GenerateSummary> {
  validateOptions(options);
  const started = performance.now();
  const { customers: customerCount, seed, injectBias } = options;
  const outDir = path.resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  const catalog = ProductCatalog.parse(PRODUCT_CATALOG);

  const staged: StagedFile[] = [];
  try {
    const customers = await openCsv<CustomerCsvRow>(outDir, 'customers.csv', staged);
    const posts = await openCsv<SocialPostCsvRow>(outDir, 'social_media.csv', staged);
    const transactions = await openCsv<TransactionCsvRow>(outDir, 'transactions.csv', staged);
    const adoptions = await openCsv<AdoptionCsvRow>(outDir, 'adoptions.csv', staged);
    const products = await StagedFile.open(path.join(outDir, 'products.json'));
    staged.push(products);

    for (let index = 0; index < customerCount; index++) {
      const stream = (name: keyof typeof STREAM): Random => customerStream(seed, index, name);
      const customer = generateCustomer(
        index,
        { traits: stream('traits'), identity: stream('identity') },
        injectBias,
      );
      customers.writeRow(toCustomerCsvRow(customer.profile));
      for (const row of generatePosts(customer, stream('posts'))) posts.writeRow(row);
      for (const row of generateTransactions(customer, stream('transactions'))) transactions.writeRow(row);
      for (const row of generateAdoptions(customer, stream('adoptions'), injectBias)) adoptions.writeRow(row);
      for (const file of staged) if (file.mustWait) await file.drained();
    }
    products.write(`${JSON.stringify(catalog, null, 2)}\n`);

    for (const file of staged) await file.finish();
    const rows = [customers.rows, posts.rows, transactions.rows, adoptions.rows, catalog.length];
    const files: GeneratedFile[] = [];
    for (const [position, file] of staged.entries()) {
      const bytes = await file.publish();
      files.push({ name: path.basename(file.path), path: file.path, rows: rows[position] ?? 0, bytes });
    }
    const seconds = (performance.now() - started) / 1000;
    return { outDir, customers: customerCount, seed, files, seconds };
  } catch (error) {
    await Promise.all(staged.map((file) => file.abort()));
    throw error;
  }
}

/** Opens one CSV file with its schema's column order and records it for finishing or clean-up. */
async function openCsv<Row extends Readonly<Record<string, string | undefined>>>(
  outDir: string,
  name: keyof typeof CSV_COLUMNS,
  staged: StagedFile[],
): Promise<CsvFileWriter<Row>> {
  // CSV_COLUMNS is Object.keys of the row schema, i.e. exactly the keys of its input type.
  const columns = CSV_COLUMNS[name] as unknown as (keyof Row & string)[];
  const writer = await CsvFileWriter.open<Row>(path.join(outDir, name), columns);
  staged.push(writer.file);
  return writer;
}

function validateOptions(options: GenerateOptions): void {
  const problems: string[] = [];
  const { customers, seed, outDir, injectBias } = options;
  if (!Number.isInteger(customers) || customers < 1 || customers > MAX_CUSTOMERS) {
    problems.push(`customers must be a whole number from 1 to ${MAX_CUSTOMERS}, got ${customers}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    problems.push(`seed must be a whole number from 0 to 4294967295, got ${seed}`);
  }
  if (typeof outDir !== 'string' || outDir.trim() === '') problems.push('outDir must be a non-empty path');
  if (injectBias !== undefined && injectBias !== 'gender') {
    problems.push(`injectBias must be 'gender' or absent, got ${String(injectBias)}`);
  }
  if (problems.length > 0) {
    throw new KnowledgeError('INVALID_INPUT', `Invalid generateDataset options: ${problems.join('; ')}`);
  }
}
