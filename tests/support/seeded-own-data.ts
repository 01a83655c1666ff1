import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll } from 'vitest';
import { type OwnDataAnswer, ownDataGroundingText } from '../../chains/own-data/index.ts';
import type { ValidationContext } from '../../chains/validate/index.ts';
import { generateDataset } from '../../knowledge/generate/index.ts';
import { type ProfileRecord, parseProfileRecord } from '../../knowledge/index.ts';
import { buildCustomerProfiles, loadDataset } from '../../knowledge/preprocess/index.ts';
import { serializeProfileRecord } from '../../knowledge/profile-record.ts';

/** A transactions.csv row as the file has it: every field text. */
export interface CsvTransaction {
  customer_id: string;
  date: string;
  amount: string;
  category: string;
  merchant: string;
}

/** A customers.csv row as the file has it. */
export interface CsvCustomer {
  customer_id: string;
  name: string;
  age: string;
  income: string;
  savings_balance: string;
  debt_balance: string;
}

/** After the generated data ends (30 June 2026), as when the demo runs today. */
export const DECEMBER = new Date('2026-12-10T12:00:00Z');

/** An amount in whole cents as the English answers write it: "$1,234.56". */
export const money = (cents: number): string =>
  `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The seeded dataset (40 customers, seed 11) read two ways: profile records as the chain reads them, and the CSVs. */
export interface SeededOwnData {
  readonly records: Map<string, ProfileRecord>;
  readonly transactions: CsvTransaction[];
  readonly customers: CsvCustomer[];
  recordOf(customerId: string): ProfileRecord;
  /** Whole cents summed straight from the CSV rows: a different code path from the record's. */
  csvCents(customerId: string, keep: (row: CsvTransaction) => boolean): number;
  /** The first customer with dining spending in June 2026 (the last month of the generated data). */
  diner(): string;
  /** What the validator is given for an own-data answer: merchant names only (no figures), other people's names. */
  validation(record: ProfileRecord, question: string, answer: OwnDataAnswer): ValidationContext;
}

/** Generates the dataset before the file's tests and removes it after them. */
export function useSeededOwnData(): SeededOwnData {
  let scratch = '';
  let loaded: Pick<SeededOwnData, 'records' | 'transactions' | 'customers'> | undefined;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'own-data-'));
    await generateDataset({ customers: 40, seed: 11, outDir: scratch });
    const dataset = await loadDataset(scratch);
    const csv = async <Row>(name: string): Promise<Row[]> =>
      parse(await readFile(path.join(scratch, name), 'utf8'), { columns: true });
    loaded = {
      records: new Map(
        buildCustomerProfiles(dataset).map((profile) => [
          profile.customer.customer_id,
          // Through the stored form, as the chain reads it.
          parseProfileRecord(serializeProfileRecord(profile), profile.customer.customer_id),
        ]),
      ),
      transactions: await csv<CsvTransaction>('transactions.csv'),
      customers: await csv<CsvCustomer>('customers.csv'),
    };
  }, 60_000);
  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });
  const ready = () => {
    if (!loaded) throw new Error('the seeded dataset is read in beforeAll');
    return loaded;
  };
  return {
    get records() {
      return ready().records;
    },
    get transactions() {
      return ready().transactions;
    },
    get customers() {
      return ready().customers;
    },
    recordOf(customerId) {
      const record = ready().records.get(customerId);
      if (!record) throw new Error(`no record for ${customerId}`);
      return record;
    },
    csvCents(customerId, keep) {
      return ready()
        .transactions.filter((row) => row.customer_id === customerId && keep(row))
        .reduce((sum, row) => sum + Math.round(Number(row.amount) * 100), 0);
    },
    diner() {
      const { records, transactions } = ready();
      const id = [...records.keys()].find((customerId) =>
        transactions.some(
          (row) =>
            row.customer_id === customerId && row.category === 'dining' && row.date.startsWith('2026-06'),
        ),
      );
      if (!id) throw new Error('the seeded dataset has no June 2026 dining');
      return id;
    },
    validation(record, question, answer) {
      return {
        customer: record.customer,
        customerFigures: answer.figures,
        catalog: [],
        recommendedProductIds: [],
        groundingTexts: [ownDataGroundingText(record).replace(/\d/g, '')],
        systemPrompt: 'You are a bank assistant.',
        userMessage: question,
        untrustedTexts: [],
        otherPeopleNames: ready()
          .customers.map((customer) => customer.name)
          .filter((name) => name !== record.customer.name),
      };
    },
  };
}
