import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatasetError, KnowledgeError } from '../../../knowledge/errors.ts';
import {
  customerIdFrom,
  loadDatasetMapping,
  parseBankDate,
  parseDatasetMapping,
  prepareMappedData,
} from '../../../knowledge/mapping/index.ts';
import { loadDataset } from '../../../knowledge/preprocess/index.ts';

const BANK_DIR = path.join(import.meta.dirname, '../../fixtures/foreign-bank');
const root = await mkdtemp(path.join(tmpdir(), 'dataset-mapping-'));
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const minimal = (customers: Record<string, unknown>) => ({
  files: { customers: { file: 'c.csv', ...customers }, transactions: { file: 't.csv' } },
});

describe('a broken mapping', () => {
  it('is refused with every problem named by its key path and what was expected', () => {
    const error = (() => {
      try {
        return parseDatasetMapping(
          minimal({ delimiter: '|', dateFormat: 'DD-MM-YY', columns: { agee: 'age_years' }, colums: {} }),
          'bank.json',
        );
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(KnowledgeError);
    expect(error).toMatchObject({ code: 'INVALID_MAPPING' });
    const message = (error as Error).message;
    expect(message).toContain('bank.json: 4 problem(s) in the mapping:');
    expect(message).toContain('files.customers: unknown key(s) "colums"');
    expect(message).toContain(
      'files.customers.delimiter: expected one of "," ";" "\\t" "comma" "semicolon" "tab", got "|"',
    );
    expect(message).toMatch(/files\.customers\.dateFormat: .*"M\/D\/YYYY"/);
    expect(message).toContain('files.customers.columns.agee: "agee" is not a field of customers.csv');
  });

  it('names a missing required key and a YAML syntax error', async () => {
    expect(() => parseDatasetMapping({ files: { customers: { file: 'c.csv' } } }, 'm.json')).toThrow(
      'files.transactions: missing (expected object)',
    );
    const broken = path.join(root, 'broken.yaml');
    await writeFile(broken, 'files:\n  customers: [unclosed\n');
    await expect(loadDatasetMapping(broken)).rejects.toThrow(/^broken\.yaml is not valid YAML: /);
  });

  it('refuses a draft whose todo list is not empty', () => {
    expect(() =>
      parseDatasetMapping({ ...minimal({}), todo: ['customers.age: pick a column'] }, 'draft.json'),
    ).toThrow('todo: still lists items to edit; resolve them and empty the list');
  });
});

describe('translating values', () => {
  it('reads US, German and ISO dates and refuses impossible days', () => {
    expect(parseBankDate('6/15/2023', 'M/D/YYYY')).toEqual({ date: '2023-06-15', time: '00:00:00' });
    expect(parseBankDate('15.6.2023', 'D.M.YYYY')?.date).toBe('2023-06-15');
    expect(parseBankDate('2023-06-15T08:30:00Z', 'ISO')).toEqual({ date: '2023-06-15', time: '08:30:00' });
    expect(parseBankDate('2/30/2023', 'M/D/YYYY')).toBeUndefined();
    expect(parseBankDate('15/6/2023', 'M/D/YYYY')).toBeUndefined();
  });

  it('turns numeric ids into the schema form the same way everywhere', () => {
    const ids = { prefix: 'C-', pad: 6 };
    expect(customerIdFrom('12308363', ids)).toBe('C-12308363');
    expect(customerIdFrom('42', ids)).toBe('C-000042');
    expect(customerIdFrom('0042.0', ids)).toBe('C-000042');
    expect(customerIdFrom('C-000042', ids)).toBe('C-000042');
    expect(customerIdFrom('AB-12', ids)).toBeUndefined();
  });
});

describe('bad values in a bank file', () => {
  it('are reported in the bank file, line and column, once each, with the true totals', async () => {
    const bank = path.join(root, 'bank');
    await cp(BANK_DIR, bank, { recursive: true });
    const purchases = path.join(bank, 'purchases.csv');
    const lines = (await readFile(purchases, 'utf8')).split('\n');
    // Line 3: a day that does not exist; line 5: an id that is not numeric.
    lines[2] = (lines[2] ?? '').replace(/;\d+\/\d+\/2024;/, ';2/30/2024;');
    lines[4] = (lines[4] ?? '').replace(/;12308363;/, ';X-9;');
    await writeFile(purchases, lines.join('\n'));
    const mapped = await prepareMappedData(path.join(bank, 'mapping.yaml'), bank, path.join(root, 'out'));
    const error = await loadDataset(mapped.dataDir, { origin: mapped.origin }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DatasetError);
    const issues = (error as DatasetError).issues.map(
      (issue) => `${issue.file}:${issue.line} ${issue.field}: ${issue.reason}`,
    );
    expect(issues).toEqual([
      'purchases.csv:3 purchase_date → date: expected a date written M/D/YYYY (files.transactions.dateFormat), got "2/30/2024"',
      'purchases.csv:5 cust_no → customer_id: expected a numeric customer id or one like C-000123, got "X-9"',
    ]);
    expect((error as DatasetError).total).toBe(2);
  });

  it('a mapped column the file lacks is named with the header found', async () => {
    const mapping = path.join(root, 'renamed.json');
    await writeFile(
      mapping,
      JSON.stringify({
        files: {
          customers: {
            file: 'clients.csv',
            columns: { customer_id: 'customer_number', age: 'age_years', income: 'annual_income' },
          },
          transactions: { file: 'purchases.csv' },
        },
      }),
    );
    const error = await prepareMappedData(mapping, BANK_DIR, path.join(root, 'out-2')).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).issues[0]).toMatchObject({
      file: 'clients.csv',
      line: 1,
      field: 'customer_number',
      reason: expect.stringMatching(
        /^missing column \(files\.customers\.columns\.customer_id maps it to customers\.csv customer_id; the header has cust_no, full_name/,
      ),
    });
  });
});
