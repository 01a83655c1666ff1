import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { type DataIssue, KnowledgeError } from '../errors.ts';
import { PRODUCT_CATALOG } from '../generate/product-catalog.ts';
import {
  type Adoption,
  AdoptionRow,
  type Customer,
  CustomerRow,
  type Product,
  type SocialPost,
  SocialPostRow,
  type Transaction,
  TransactionRow,
} from '../schemas.ts';
import { IssueLog, type IssueOrigin } from './issue-log.ts';
import { loadProducts } from './load-products.ts';
import { startSentimentScoring } from './sentiment.ts';
import { type CsvFileName, type RawRow, validateCsvFile } from './validate-csv.ts';

/** The validated contents of a data directory, without the load report (e.g. one side of a split). */
export interface DatasetTables {
  customers: Customer[];
  /** Every post has a sentiment score after loading: the file's, or VADER's where it was blank. */
  posts: SocialPost[];
  transactions: Transaction[];
  adoptions: Adoption[];
  products: Product[];
}

/** What loading found, per file name (e.g. "transactions.csv", "products.json"). */
export interface LoadReport {
  /** Data rows read per file (for products.json: products). */
  rows: Record<string, number>;
  /** Of those, rows dropped: invalid, duplicate, or referring to an unknown or dropped customer/product. */
  skipped: Record<string, number>;
  /** The issues found: every header problem, then the first 1000 row issues word for word (see STORED_ISSUE_LIMIT). */
  issues: DataIssue[];
  /** How many issues were found in all, stored or not. */
  issueCount: number;
  /** Optional files the folder did not have, and what stood in for them. */
  absent?: string[];
}

/** A validated, preprocessed data directory: the input to profile building and evaluation. */
export interface Dataset extends DatasetTables {
  report: LoadReport;
}

export interface LoadDatasetOptions {
  /** Drop bad rows (and rows that depend on them) instead of failing; structural problems still throw. */
  skipInvalid?: boolean;
  /** Where issues really are when the folder holds files translated from a bank's export. */
  origin?: IssueOrigin;
}

/** The files a data directory may hold (customers.csv and transactions.csv must be there). */
export const DATA_FILES = [
  'customers.csv',
  'social_media.csv',
  'transactions.csv',
  'adoptions.csv',
  'products.json',
] as const;

type RowCheck<Row> = (row: Row, line: number) => boolean;

/** Files a bank may not have: no posts, no adoption history, the shipped catalogue. */
const OPTIONAL_FILES: ReadonlySet<string> = new Set(['social_media.csv', 'adoptions.csv', 'products.json']);

/** What stands in for each optional file when it is absent. */
const ABSENT_FILE_NOTES: Readonly<Record<string, string>> = {
  'social_media.csv': 'social_media.csv: absent, so profiles have no posts',
  'adoptions.csv': 'adoptions.csv: absent, so recommendations use no adoption history',
  'products.json': `products.json: absent, so the shipped catalogue (${PRODUCT_CATALOG.length} products) is used`,
};

/** The optional files that are absent; throws MISSING_FILE naming every required one that is. */
async function checkFiles(directory: string): Promise<Set<string>> {
  const present = await Promise.all(
    DATA_FILES.map(async (file) => {
      try {
        return (await stat(path.join(directory, file))).isFile();
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return false;
        throw error;
      }
    }),
  );
  const missing = DATA_FILES.filter((file, index) => !present[index] && !OPTIONAL_FILES.has(file));
  if (missing.length > 0) {
    throw new KnowledgeError('MISSING_FILE', `Missing input file(s) in ${directory}: ${missing.join(', ')}`);
  }
  return new Set(DATA_FILES.filter((_, index) => !present[index]));
}

/** A check that each id appears once; a repeat is reported against its first line and dropped. */
function uniqueIds<Row>(file: CsvFileName, field: string, idOf: (row: Row) => string, log: IssueLog) {
  const firstLine = new Map<string, number>();
  return (row: Row, line: number): boolean => {
    const id = idOf(row);
    const first = firstLine.get(id);
    if (first === undefined) {
      firstLine.set(id, line);
      return true;
    }
    log.add({ file, line, field, reason: `duplicate id "${id}" (first on line ${first})` });
    return false;
  };
}

/** A check that a row's id is in `known`; with no `known` (its file unreadable) nothing is checked. */
function knownIds<Row>(
  file: CsvFileName,
  field: string,
  idOf: (row: Row) => string,
  known: { kind: string; kept: ReadonlySet<string>; rejected: ReadonlySet<string> } | undefined,
  log: IssueLog,
) {
  return (row: Row, line: number): boolean => {
    const id = idOf(row);
    if (known === undefined || known.kept.has(id)) return true;
    const reason = known.rejected.has(id)
      ? `refers to ${known.kind} "${id}", whose row was rejected`
      : `unknown ${known.kind} "${id}"`;
    log.add({ file, line, field, reason });
    return false;
  };
}

async function loadRows<Row>(
  directory: string,
  file: CsvFileName,
  schema: z.ZodType<Row>,
  checks: ReadonlyArray<RowCheck<Row>>,
  context: {
    log: IssueLog;
    report: LoadReport;
    absent: ReadonlySet<string>;
    onInvalidRow?: (raw: RawRow) => void;
  },
): Promise<{ kept: Row[]; unreadable: boolean }> {
  const kept: Row[] = [];
  if (context.absent.has(file)) {
    context.report.rows[file] = 0;
    context.report.skipped[file] = 0;
    return { kept, unreadable: false };
  }
  let dropped = 0;
  const stats = await validateCsvFile(
    directory,
    {
      file,
      schema,
      onRow: (row, line) => {
        // Every check runs, so a row that is both a duplicate and an orphan reports both.
        let passed = true;
        for (const check of checks) passed = check(row, line) && passed;
        if (passed) kept.push(row);
        else dropped++;
      },
      ...(context.onInvalidRow ? { onInvalidRow: context.onInvalidRow } : {}),
    },
    context.log,
  );
  context.report.rows[file] = stats.rows;
  context.report.skipped[file] = stats.invalid + dropped;
  return { kept, unreadable: stats.unreadable };
}

/**
 * Loads, validates and preprocesses a data directory. By default every issue in every file is
 * collected and one {@link DatasetError} is thrown listing them; nothing is returned half-checked.
 * @example const dataset = await loadDataset('data', { skipInvalid: true });
 */
export async function loadDataset(directory: string, options: LoadDatasetOptions = {}): Promise<Dataset> {
  const absent = await checkFiles(directory);
  const log = new IssueLog(undefined, options.origin);
  const report: LoadReport = {
    rows: {},
    skipped: {},
    issues: [],
    issueCount: 0,
    absent: [...absent].map((file) => ABSENT_FILE_NOTES[file] ?? file),
  };

  const products = absent.has('products.json') ? PRODUCT_CATALOG : await loadProducts(directory, log);
  report.rows['products.json'] = products?.length ?? 0;
  report.skipped['products.json'] = 0;

  const rejectedCustomers = new Set<string>();
  const customers = await loadRows(
    directory,
    'customers.csv',
    CustomerRow,
    [uniqueIds('customers.csv', 'customer_id', (customer: Customer) => customer.customer_id, log)],
    { log, report, absent, onInvalidRow: (raw) => rejectedCustomers.add(raw.customer_id?.trim() ?? '') },
  );
  if (!customers.unreadable && report.rows['customers.csv'] === 0) {
    log.addStructural({
      file: 'customers.csv',
      line: 0,
      field: '',
      reason: 'no customer rows: only a header',
    });
  }
  const customerIds = customers.unreadable
    ? undefined
    : {
        kind: 'customer',
        kept: new Set(customers.kept.map((customer) => customer.customer_id)),
        rejected: rejectedCustomers,
      };
  const productIds = products && {
    kind: 'product',
    kept: new Set(products.map((product) => product.id)),
    rejected: new Set<string>(),
  };

  const posts = await loadRows(
    directory,
    'social_media.csv',
    SocialPostRow,
    [
      uniqueIds('social_media.csv', 'post_id', (post: SocialPost) => post.post_id, log),
      knownIds('social_media.csv', 'customer_id', (post: SocialPost) => post.customer_id, customerIds, log),
    ],
    { log, report, absent },
  );
  // Scoring posts overlaps with reading the two remaining files; issues only accumulate, so a load
  // that is already bound to fail scores nothing.
  const doomed = log.structural > 0 || (log.total > 0 && !options.skipInvalid);
  const sentiment = startSentimentScoring(doomed ? [] : posts.kept);
  try {
    const transactions = await loadRows(
      directory,
      'transactions.csv',
      TransactionRow,
      [
        uniqueIds('transactions.csv', 'transaction_id', (row: Transaction) => row.transaction_id, log),
        knownIds('transactions.csv', 'customer_id', (row: Transaction) => row.customer_id, customerIds, log),
      ],
      { log, report, absent },
    );
    const adoptions = await loadRows(
      directory,
      'adoptions.csv',
      AdoptionRow,
      [
        knownIds('adoptions.csv', 'customer_id', (row: Adoption) => row.customer_id, customerIds, log),
        knownIds('adoptions.csv', 'product_id', (row: Adoption) => row.product_id, productIds, log),
      ],
      { log, report, absent },
    );

    report.issueCount = log.total;
    report.issues = log.issues;
    if (products === undefined || log.structural > 0 || (log.total > 0 && !options.skipInvalid)) {
      throw log.toError();
    }
    return {
      customers: customers.kept,
      posts: await sentiment.posts(),
      transactions: transactions.kept,
      adoptions: adoptions.kept,
      products,
      report,
    };
  } finally {
    sentiment.cancel();
  }
}
