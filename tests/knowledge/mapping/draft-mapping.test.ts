import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { draftMapping } from '../../../knowledge/mapping/draft-mapping.ts';
import { parseDatasetMapping } from '../../../knowledge/mapping/index.ts';

const root = await mkdtemp(path.join(tmpdir(), 'draft-mapping-'));
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('draftMapping (npm run mapping:init)', () => {
  it('guesses files, delimiter, date format, decimal comma and columns from the foreign-bank export', async () => {
    const bank = path.join(root, 'bank');
    await cp(path.join(import.meta.dirname, '../../fixtures/foreign-bank'), bank, { recursive: true });
    const draft = (await draftMapping(bank)) as {
      files: Record<
        string,
        {
          file: string;
          delimiter: string;
          dateFormat?: string;
          decimalComma?: boolean;
          columns: Record<string, string>;
        }
      >;
      todo: string[];
    };
    expect(Object.keys(draft.files)).toEqual(['customers', 'transactions', 'posts']);
    expect(draft.files.customers).toMatchObject({
      file: 'clients.csv',
      delimiter: 'semicolon',
      decimalComma: true,
    });
    expect(draft.files.customers?.columns).toMatchObject({
      customer_id: 'cust_no',
      age: 'age_years',
      gender: 'sex',
      income: 'annual_income',
    });
    expect(draft.files.transactions).toMatchObject({ file: 'purchases.csv', dateFormat: 'M/D/YYYY' });
    expect(draft.files.transactions?.columns).toMatchObject({
      date: 'purchase_date',
      category: 'category_code',
    });
    // The codes it cannot know are left to the user ("unknown" risk is handled by the cautious default).
    expect(draft.todo).toEqual([
      'files.customers.values.gender: say what each code of sex means (A91, A92, A93, A95)',
      'files.customers.values.risk_tolerance: say what each code of risk_profile means (1, 2, 3)',
      'files.transactions.values.category: say what each code of category_code means (GROC, MISC, REST, TRVL, UTIL)',
    ]);
    // Until the list is emptied, ingest refuses the draft.
    expect(() => parseDatasetMapping(draft, 'mapping.yaml')).toThrow('todo: still lists items to edit');
  });
});
