import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DatasetError, KnowledgeError } from '../../knowledge/errors.ts';
import { PRODUCT_CATALOG } from '../../knowledge/generate/product-catalog.ts';
import { type Dataset, loadDataset } from '../../knowledge/preprocess/index.ts';
import { firstInvalidUtf8Offset } from '../../knowledge/preprocess/utf8-chunks.ts';
import { productsFixture, VALID_FILES, withLine, withLines, writeDataset } from './preprocess-fixtures.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function load(
  overrides: Record<string, string | Uint8Array | null> = {},
  options: { skipInvalid?: boolean } = {},
): Promise<Dataset> {
  const { directory, cleanup } = await writeDataset(overrides);
  cleanups.push(cleanup);
  return loadDataset(directory, options);
}

async function loadError(
  overrides: Record<string, string | Uint8Array | null>,
  options: { skipInvalid?: boolean } = {},
): Promise<DatasetError> {
  const error: unknown = await load(overrides, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DatasetError)) throw new Error(`expected a DatasetError, got ${String(error)}`);
  return error;
}

describe('loadDataset on valid input', () => {
  it('loads every row with exact counts and no issues', async () => {
    const dataset = await load();
    expect(dataset.customers.map((customer) => customer.customer_id)).toEqual(['C-0001', 'C-0002', 'C-0003']);
    expect(dataset.report.rows).toEqual({
      'products.json': 2,
      'customers.csv': 3,
      'social_media.csv': 3,
      'transactions.csv': 7,
      'adoptions.csv': 2,
    });
    expect(Object.values(dataset.report.skipped)).toEqual([0, 0, 0, 0, 0]);
    expect(dataset.report.issues).toEqual([]);
    expect(dataset.customers[2]?.interests).toEqual([]);
    expect(dataset.transactions[5]?.amount).toBe(45.5);
    expect(dataset.products.map((product) => product.id)).toEqual(['SAV-01', 'CC-01']);
  });

  it('keeps a given sentiment score and fills a missing one with VADER', async () => {
    const dataset = await load();
    expect(dataset.posts.map((post) => post.sentiment_score?.toFixed(2))).toEqual(['0.80', '-0.40', '0.85']);
  });

  it('accepts a header-only posts or adoptions file and a CRLF file with a BOM', async () => {
    const dataset = await load({
      'social_media.csv': 'post_id,customer_id,timestamp,platform,content',
      'adoptions.csv': 'customer_id,product_id,date\n',
      'customers.csv': `\uFEFF${VALID_FILES['customers.csv']?.replaceAll('\n', '\r\n')}\r\n`,
    });
    expect(dataset.posts).toEqual([]);
    expect(dataset.adoptions).toEqual([]);
    expect(dataset.customers).toHaveLength(3);
  });

  it('reads multi-byte characters split across read chunks intact', async () => {
    const content = '€😀é'.repeat(40);
    const rows = Array.from(
      { length: 3000 },
      (_, index) => `P-X${index},C-0001,2024-01-10T09:00:00Z,Twitter,${content},0`,
    );
    const dataset = await load({ 'social_media.csv': withLines('social_media.csv', ...rows) });
    expect(dataset.posts).toHaveLength(3003);
    expect(dataset.posts.every((post, index) => index < 3 || post.content === content)).toBe(true);
  });
});

describe('loadDataset on bad input', () => {
  it('names a missing required column', async () => {
    const header =
      'customer_id,name,age,gender,location,interests,education,occupation,risk_tolerance,investment_horizon_years,savings_balance,debt_balance';
    const error = await loadError({
      'customers.csv': `${header}\nC-0001,A,34,Female,Leeds,,Bachelor,nurse,low,5,1,1`,
    });
    expect(error.issues).toContainEqual({
      file: 'customers.csv',
      line: 1,
      field: 'income',
      reason: 'missing required column',
    });
    expect(error.code).toBe('INVALID_INPUT');
  });

  it('names file, line and field of a wrong type', async () => {
    const error = await loadError({
      'customers.csv': withLine(
        'customers.csv',
        3,
        'C-0002,Bob Tanaka,abc,Male,Austin,golf,90000,Master,engineer,low,5,40000,0',
      ),
    });
    expect(error.issues).toEqual([
      { file: 'customers.csv', line: 3, field: 'age', reason: 'expected a number, got "abc"' },
      // C-0002's rejected row takes its post and adoption with it.
      {
        file: 'social_media.csv',
        line: 4,
        field: 'customer_id',
        reason: 'refers to customer "C-0002", whose row was rejected',
      },
      {
        file: 'transactions.csv',
        line: 7,
        field: 'customer_id',
        reason: 'refers to customer "C-0002", whose row was rejected',
      },
      {
        file: 'adoptions.csv',
        line: 3,
        field: 'customer_id',
        reason: 'refers to customer "C-0002", whose row was rejected',
      },
    ]);
    expect(error.message).toContain('customers.csv:3 age: expected a number, got "abc"');
  });

  it('reports an enum value that is not allowed, with the value', async () => {
    const error = await loadError({
      'transactions.csv': withLine('transactions.csv', 2, 'T-1,C-0001,2024-01-05,100,gambling,Casino'),
    });
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file: 'transactions.csv', line: 2, field: 'category' });
    expect(error.issues[0]?.reason).toContain('got "gambling"');
  });

  it('reports a duplicate customer id against its first line', async () => {
    const error = await loadError({
      'customers.csv': withLines(
        'customers.csv',
        'C-0001,Alice Again,40,Female,York,,50000,Master,chef,low,5,1,1',
      ),
    });
    expect(error.issues).toEqual([
      {
        file: 'customers.csv',
        line: 5,
        field: 'customer_id',
        reason: 'duplicate id "C-0001" (first on line 2)',
      },
    ]);
  });

  it('reports duplicate post and transaction ids', async () => {
    const error = await loadError({
      'social_media.csv': withLines('social_media.csv', 'P-1,C-0002,2024-01-10T09:00:00Z,Twitter,again,0'),
      'transactions.csv': withLines('transactions.csv', 'T-3,C-0002,2024-01-05,1,dining,X'),
    });
    expect(error.issues).toEqual([
      { file: 'social_media.csv', line: 5, field: 'post_id', reason: 'duplicate id "P-1" (first on line 2)' },
      {
        file: 'transactions.csv',
        line: 9,
        field: 'transaction_id',
        reason: 'duplicate id "T-3" (first on line 4)',
      },
    ]);
  });

  it('reports unknown customers and unknown products', async () => {
    const error = await loadError({
      'transactions.csv': withLine('transactions.csv', 4, 'T-3,C-9999,2024-02-20,80,dining,Luigi'),
      'adoptions.csv': withLines('adoptions.csv', 'C-0003,ZZ-99,2024-01-01'),
    });
    expect(error.issues).toEqual([
      { file: 'transactions.csv', line: 4, field: 'customer_id', reason: 'unknown customer "C-9999"' },
      { file: 'adoptions.csv', line: 4, field: 'product_id', reason: 'unknown product "ZZ-99"' },
    ]);
  });

  it('rejects an empty customers file, and one with only a header', async () => {
    const empty = await loadError({ 'customers.csv': '' });
    expect(empty.issues).toContainEqual({
      file: 'customers.csv',
      line: 0,
      field: '',
      reason: 'empty file: no header',
    });
    const headerOnly = await loadError({
      'customers.csv': `${VALID_FILES['customers.csv']?.split('\n')[0]}\n`,
    });
    expect(headerOnly.issues).toEqual([
      { file: 'customers.csv', line: 0, field: '', reason: 'no customer rows: only a header' },
      { file: 'social_media.csv', line: 2, field: 'customer_id', reason: 'unknown customer "C-0001"' },
      { file: 'social_media.csv', line: 3, field: 'customer_id', reason: 'unknown customer "C-0001"' },
      { file: 'social_media.csv', line: 4, field: 'customer_id', reason: 'unknown customer "C-0002"' },
      ...[2, 3, 4, 5, 6].map((line) => ({
        file: 'transactions.csv',
        line,
        field: 'customer_id',
        reason: 'unknown customer "C-0001"',
      })),
      { file: 'transactions.csv', line: 7, field: 'customer_id', reason: 'unknown customer "C-0002"' },
      { file: 'transactions.csv', line: 8, field: 'customer_id', reason: 'unknown customer "C-0003"' },
      { file: 'adoptions.csv', line: 2, field: 'customer_id', reason: 'unknown customer "C-0001"' },
      { file: 'adoptions.csv', line: 3, field: 'customer_id', reason: 'unknown customer "C-0002"' },
    ]);
    const emptyPosts = await loadError({ 'social_media.csv': '' });
    expect(emptyPosts.issues).toEqual([
      { file: 'social_media.csv', line: 0, field: '', reason: 'empty file: no header' },
    ]);
  });

  it('rejects bytes that are not UTF-8 with file, line, field and byte offset, even when skipping', async () => {
    const before = `${VALID_FILES['social_media.csv']?.split('\n').slice(0, 2).join('\n')}\nP-2,C-0001,2024-02-11T09:00:00Z,Facebook,Fees `;
    const bytes = Buffer.concat([
      Buffer.from(before),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(' high,-0.4\n'),
    ]);
    const offset = Buffer.byteLength(before);
    for (const skipInvalid of [false, true]) {
      const error = await loadError({ 'social_media.csv': bytes }, { skipInvalid });
      expect(error.issues).toEqual([
        {
          file: 'social_media.csv',
          line: 3,
          field: 'content',
          reason: `not valid UTF-8 (byte 0xFF at byte offset ${offset})`,
        },
      ]);
    }
  });

  it('reports an unknown column as an issue, and skips over it when asked', async () => {
    const customers = (VALID_FILES['customers.csv'] ?? '')
      .split('\n')
      .map((line, index) => `${line},${index === 0 ? 'notes' : 'hello'}`)
      .join('\n');
    const error = await loadError({ 'customers.csv': customers });
    expect(error.issues).toEqual([
      { file: 'customers.csv', line: 1, field: 'notes', reason: 'unknown column' },
    ]);
    const dataset = await load({ 'customers.csv': customers }, { skipInvalid: true });
    expect(dataset.customers).toHaveLength(3);
    expect(dataset.report.issues).toEqual(error.issues);
  });

  it('reports a row with the wrong number of fields', async () => {
    const error = await loadError({
      'transactions.csv': withLine('transactions.csv', 3, 'T-2,C-0001,2024-02-03,120'),
    });
    expect(error.issues).toEqual([
      { file: 'transactions.csv', line: 3, field: 'category', reason: 'the row has 4 fields, the header 6' },
    ]);
  });

  it('counts lines of multi-line quoted fields, so later rows keep their real line numbers', async () => {
    const error = await loadError({
      'social_media.csv': withLines(
        'social_media.csv',
        'P-4,C-0001,2024-01-12T09:00:00Z,Twitter,"line one\nline two\nline three",0.1',
        '',
        'P-5,C-0001,not-a-date,Twitter,hi,0.1',
      ),
    });
    expect(error.issues).toEqual([
      {
        file: 'social_media.csv',
        line: 9,
        field: 'timestamp',
        reason: 'Invalid ISO datetime, got "not-a-date"',
      },
    ]);
  });

  it('reports an unclosed quote at the line where its record starts', async () => {
    const error = await loadError({
      'social_media.csv': withLines(
        'social_media.csv',
        'P-4,C-0001,2024-01-12T09:00:00Z,Twitter,"never closed,0.1',
        'P-5,x',
      ),
    });
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file: 'social_media.csv', line: 5, field: 'content' });
    expect(error.issues[0]?.reason).toContain('Quote Not Closed');
  });

  it('reports a bad products.json by product index and field, even when skipping', async () => {
    const products: unknown[] = productsFixture();
    products[1] = { ...productsFixture()[1], risk_level: 9 };
    for (const skipInvalid of [false, true]) {
      const error = await loadError({ 'products.json': JSON.stringify(products) }, { skipInvalid });
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]).toMatchObject({ file: 'products.json', line: 0, field: '[1].risk_level' });
      expect(error.issues[0]?.reason).toContain('(product "CC-01")');
    }
    const notJson = await loadError({ 'products.json': '[{"id": "SAV-01",' });
    expect(notJson.issues[0]).toMatchObject({ file: 'products.json', field: '' });
    expect(notJson.issues[0]?.reason).toMatch(/^invalid JSON: /);
    const duplicate = await loadError({
      'products.json': JSON.stringify([productsFixture()[0], productsFixture()[0]]),
    });
    expect(duplicate.issues).toEqual([
      {
        file: 'products.json',
        line: 0,
        field: '[1].id',
        reason: 'duplicate product id "SAV-01" (first at [0])',
      },
    ]);
  });

  it('throws MISSING_FILE naming every missing required file', async () => {
    const error: unknown = await load({ 'customers.csv': null, 'transactions.csv': null }).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(KnowledgeError);
    expect(error).toMatchObject({ code: 'MISSING_FILE' });
    expect(String(error)).toContain('customers.csv, transactions.csv');
  });

  it('loads without the optional files: no posts, no adoptions, the shipped catalogue', async () => {
    const dataset = await load({ 'adoptions.csv': null, 'products.json': null, 'social_media.csv': null });
    expect(dataset.adoptions).toEqual([]);
    expect(dataset.posts).toEqual([]);
    expect(dataset.products.length).toBe(PRODUCT_CATALOG.length);
    expect(dataset.report.absent).toEqual([
      'social_media.csv: absent, so profiles have no posts',
      'adoptions.csv: absent, so recommendations use no adoption history',
      `products.json: absent, so the shipped catalogue (${PRODUCT_CATALOG.length} products) is used`,
    ]);
  });

  it('reports a last row cut short without a final newline by file and line', async () => {
    const full = withLines('transactions.csv', 'T-9,C-0001,2024-01-05,12.5,din');
    const cut = full.replace(/\n+$/, '');
    const error = await loadError({ 'transactions.csv': cut });
    const last = error.issues.at(-1);
    expect(last?.file).toBe('transactions.csv');
    expect(last?.reason).toBe(
      'the file ends inside this row without a final newline: it has 5 of 6 fields, so the file looks cut short',
    );
    expect(last?.line).toBe(cut.split('\n').length);
  });

  it('counts every issue per file and field and lists header problems of later files first', async () => {
    const bad = Array.from({ length: 1500 }, (_, index) => `T-X${index},C-0001,2024-01-05,-1,dining,X`);
    const error = await loadError({
      'transactions.csv': withLines('transactions.csv', ...bad),
      'adoptions.csv': 'customer,product_id,date\n',
    });
    expect(error.total).toBe(1500 + 2);
    expect(error.totals).toEqual([
      { file: 'transactions.csv', field: 'amount', count: 1500 },
      { file: 'adoptions.csv', field: 'customer', count: 1 },
      { file: 'adoptions.csv', field: 'customer_id', count: 1 },
    ]);
    expect(error.issues.slice(0, 2).map((issue) => `${issue.file}:${issue.line} ${issue.field}`)).toEqual([
      'adoptions.csv:1 customer',
      'adoptions.csv:1 customer_id',
    ]);
    expect(error.message).toMatch(
      /^1502 invalid value\(s\) in the input data:\nPer file and field: transactions.csv amount 1500; /,
    );
  });

  it('collects every issue but stores at most 1000, saying how many were left out', async () => {
    const bad = Array.from({ length: 1500 }, (_, index) => `T-X${index},C-0001,2024-01-05,-1,dining,X`);
    const overrides = { 'transactions.csv': withLines('transactions.csv', ...bad) };
    const error = await loadError(overrides);
    expect(error.issues).toHaveLength(1001);
    expect(error.total).toBe(1500);
    expect(error.issues[1000]?.reason).toBe('500 more issue(s) not listed');
    const dataset = await load(overrides, { skipInvalid: true });
    expect(dataset.report.issueCount).toBe(1500);
    expect(dataset.report.issues).toHaveLength(1000);
    expect(dataset.report.skipped['transactions.csv']).toBe(1500);
    expect(dataset.transactions).toHaveLength(7);
  });
});

describe('loadDataset with skipInvalid', () => {
  it('drops bad rows and everything that refers to a dropped customer, and counts them', async () => {
    const dataset = await load(
      {
        'customers.csv': withLine(
          'customers.csv',
          3,
          'C-0002,Bob Tanaka,abc,Male,Austin,golf,90000,Master,engineer,low,5,40000,0',
        ),
        'transactions.csv': withLines(
          'transactions.csv',
          'T-8,C-0001,2024-13-01,5,dining,X',
          'T-9,C-4242,2024-01-01,5,dining,X',
        ),
      },
      { skipInvalid: true },
    );
    expect(dataset.customers.map((customer) => customer.customer_id)).toEqual(['C-0001', 'C-0003']);
    expect(dataset.report.skipped).toEqual({
      'products.json': 0,
      'customers.csv': 1,
      'social_media.csv': 1,
      'transactions.csv': 3,
      'adoptions.csv': 1,
    });
    expect(dataset.transactions.map((row) => row.transaction_id)).toEqual([
      'T-1',
      'T-2',
      'T-3',
      'T-4',
      'T-5',
      'T-7',
    ]);
    expect(dataset.posts.map((post) => post.post_id)).toEqual(['P-1', 'P-2']);
    expect(dataset.report.issueCount).toBe(6);
    expect(dataset.report.issues.map((issue) => `${issue.file}:${issue.line} ${issue.field}`)).toEqual([
      'customers.csv:3 age',
      'social_media.csv:4 customer_id',
      'transactions.csv:7 customer_id',
      'transactions.csv:9 date',
      'transactions.csv:10 customer_id',
      'adoptions.csv:3 customer_id',
    ]);
  });

  it('still throws on a missing column', async () => {
    const header = 'transaction_id,customer_id,date,amount,category';
    const error = await loadError(
      { 'transactions.csv': `${header}\nT-1,C-0001,2024-01-05,100,groceries` },
      { skipInvalid: true },
    );
    expect(error.issues).toEqual([
      { file: 'transactions.csv', line: 1, field: 'merchant', reason: 'missing required column' },
    ]);
  });
});

describe('firstInvalidUtf8Offset', () => {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decodes = (bytes: Uint8Array): boolean => {
    try {
      decoder.decode(bytes);
      return true;
    } catch {
      return false;
    }
  };

  it('agrees with a fatal TextDecoder on arbitrary bytes, and the prefix before the offset is valid', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const offset = firstInvalidUtf8Offset(bytes);
        expect(offset === -1).toBe(decodes(bytes));
        if (offset !== -1) expect(decodes(bytes.subarray(0, offset))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts any encoded string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(firstInvalidUtf8Offset(Buffer.from(text))).toBe(-1);
      }),
    );
  });
});
