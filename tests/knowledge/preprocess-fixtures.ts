import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Customer, Product } from '../../knowledge/schemas.ts';

/** A tiny, valid dataset: three customers, three posts, seven transactions, two adoptions. */
export const VALID_FILES: Record<string, string> = {
  'customers.csv': [
    'customer_id,name,age,gender,location,interests,income,education,occupation,risk_tolerance,investment_horizon_years,savings_balance,debt_balance',
    'C-0001,Alice Moreno,34,Female,Leeds,travel;cooking,60000,Bachelor,nurse,medium,10,12500,3000',
    'C-0002,Bob Tanaka,51,Male,Austin,golf,90000,Master,engineer,low,5,40000,0',
    'C-0003,Cara Singh,23,Other,Denver,,0,High school,student,high,30,500,1200',
  ].join('\n'),
  'social_media.csv': [
    'post_id,customer_id,timestamp,platform,content,sentiment_score',
    'P-1,C-0001,2024-01-10T09:00:00Z,Twitter,Love my new savings account!,0.8',
    'P-2,C-0001,2024-02-11T09:00:00Z,Facebook,"Fees are too high, ugh",-0.4',
    'P-3,C-0002,2024-03-01T12:00:00Z,Reddit,I love this bank and its great service,',
  ].join('\n'),
  'transactions.csv': [
    'transaction_id,customer_id,date,amount,category,merchant',
    'T-1,C-0001,2024-01-05,100,groceries,FreshMart',
    'T-2,C-0001,2024-02-03,120,groceries,FreshMart',
    'T-3,C-0001,2024-02-20,80,dining,Luigi',
    'T-4,C-0001,2024-03-10,200,dining,Luigi',
    'T-5,C-0001,2024-03-15,100,travel,RailCo',
    'T-6,C-0002,2024-01-07,45.5,transport,MetroCard',
    'T-7,C-0003,2024-02-02,12.25,dining,Cafe Nero',
  ].join('\n'),
  'adoptions.csv': [
    'customer_id,product_id,date',
    'C-0001,SAV-01,2024-02-01',
    'C-0002,CC-01,2024-03-05',
  ].join('\n'),
  'products.json': JSON.stringify(productsFixture(), null, 2),
};

/** Two valid catalogue entries. */
export function productsFixture(): Product[] {
  const base = {
    min_income: 0,
    fees: { annual: 0, description: 'No fee' },
    features: ['Instant access'],
    eligibility: {
      min_age: 18,
      max_age: 120,
      min_horizon_years: 0,
      max_debt_to_income: null,
      risk_tolerances: ['low', 'medium', 'high'],
    },
    tags: ['everyday'],
  } satisfies Partial<Product>;
  return [
    {
      ...base,
      id: 'SAV-01',
      name: 'Everyday Saver',
      type: 'savings',
      risk_level: 1,
      rate: { kind: 'AER', value: 4.1 },
      description: 'An easy-access savings account.',
    },
    {
      ...base,
      id: 'CC-01',
      name: 'Rewards Card',
      type: 'credit_card',
      risk_level: 2,
      rate: { kind: 'APR', value: 22.9 },
      description: 'A cashback credit card.',
    },
  ];
}

/** A customer record for tests that build tables by hand. */
export function customerFixture(overrides: Partial<Customer> = {}): Customer {
  return {
    customer_id: 'C-0001',
    name: 'Alice Moreno',
    age: 34,
    gender: 'Female',
    location: 'Leeds',
    interests: ['travel', 'cooking'],
    income: 60000,
    education: 'Bachelor',
    occupation: 'nurse',
    risk_tolerance: 'medium',
    investment_horizon_years: 10,
    savings_balance: 12500,
    debt_balance: 3000,
    ...overrides,
  };
}

/** A temp directory holding the valid files with some replaced (a string, raw bytes, or null to omit). */
export async function writeDataset(
  overrides: Record<string, string | Uint8Array | null> = {},
): Promise<{ directory: string; cleanup: () => Promise<void> }> {
  const directory = await mkdtemp(path.join(tmpdir(), 'preprocess-'));
  const files: Record<string, string | Uint8Array | null> = { ...VALID_FILES, ...overrides };
  for (const [name, content] of Object.entries(files)) {
    if (content !== null) await writeFile(path.join(directory, name), content);
  }
  return { directory, cleanup: () => rm(directory, { recursive: true, force: true }) };
}

/** The valid file with one line (1-based, header = 1) replaced. */
export function withLine(file: string, line: number, text: string): string {
  const lines = (VALID_FILES[file] ?? '').split('\n');
  lines[line - 1] = text;
  return lines.join('\n');
}

/** The valid file with extra lines appended. */
export function withLines(file: string, ...extra: string[]): string {
  return [VALID_FILES[file] ?? '', ...extra].join('\n');
}
