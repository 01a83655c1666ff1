import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DELIMITER_NAMES, detectDelimiter, readHeaderLine } from '../preprocess/csv-delimiter.ts';
import { readCsvRecords } from '../preprocess/read-csv.ts';
import { CSV_COLUMNS, GENDERS, PLATFORMS, RISK_TOLERANCES, SPEND_CATEGORIES } from '../schemas.ts';
import { guessDateFormat } from './date-format.ts';
import { UNKNOWN_VALUES } from './field-defaults.ts';
import { MAPPED_FILES, type MappedFileKey } from './mapping-schema.ts';

const CUSTOMER_IDS = [
  'customer_id',
  'cust_no',
  'customer_no',
  'customer_number',
  'client_id',
  'cust_id',
  'client_no',
  'customer',
];

/** Column names banks use for each schema field, best first (compared without case, spaces or punctuation). */
const SYNONYMS: Readonly<Record<MappedFileKey, Readonly<Record<string, readonly string[]>>>> = {
  customers: {
    customer_id: [...CUSTOMER_IDS, 'id'],
    name: ['name', 'full_name', 'customer_name', 'client_name'],
    age: ['age', 'age_years'],
    gender: ['gender', 'sex', 'personal_status'],
    location: ['location', 'city', 'region', 'state', 'country'],
    interests: ['interests', 'hobbies'],
    income: ['income', 'annual_income', 'salary', 'yearly_income'],
    education: ['education', 'education_level'],
    occupation: ['occupation', 'job', 'profession'],
    risk_tolerance: ['risk_tolerance', 'risk_profile', 'risk_appetite', 'risk'],
    investment_horizon_years: ['investment_horizon_years', 'investment_horizon', 'horizon'],
    savings_balance: ['savings_balance', 'savings', 'savings_bal'],
    debt_balance: ['debt_balance', 'debt', 'loan_bal', 'loan_balance', 'outstanding_debt'],
  },
  transactions: {
    transaction_id: ['transaction_id', 'txn_id', 'txn_ref', 'transaction_ref', 'id'],
    customer_id: CUSTOMER_IDS,
    date: ['date', 'purchase_date', 'transaction_date', 'txn_date', 'booking_date'],
    amount: ['amount', 'transaction_amount', 'value'],
    category: ['category', 'category_code', 'purchase_category', 'spend_category'],
    merchant: ['merchant', 'merchant_name', 'payee', 'description'],
  },
  posts: {
    post_id: ['post_id', 'post_ref', 'id'],
    customer_id: CUSTOMER_IDS,
    timestamp: ['timestamp', 'posted_on', 'created_at', 'post_date', 'date'],
    platform: ['platform', 'channel', 'network'],
    content: ['content', 'text', 'post', 'message', 'body'],
    sentiment_score: ['sentiment_score', 'sentiment'],
  },
  adoptions: {
    customer_id: CUSTOMER_IDS,
    product_id: ['product_id', 'product', 'product_code'],
    date: ['date', 'adoption_date', 'opened_on', 'start_date'],
  },
};

/** The column that tells which file a bank file is. */
const DISTINCTIVE: Readonly<Record<MappedFileKey, string>> = {
  customers: 'age',
  transactions: 'amount',
  posts: 'content',
  adoptions: 'product_id',
};

/** The values an enumerated field may take, for drafting code tables. */
const ENUMS: Readonly<Record<string, readonly string[]>> = {
  gender: GENDERS,
  risk_tolerance: RISK_TOLERANCES,
  category: SPEND_CATEGORIES,
  platform: PLATFORMS,
};

const SAMPLE_ROWS = 200;
const normal = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

interface BankFile {
  file: string;
  delimiter: string;
  header: string[];
  samples: string[][];
}

async function readBankFile(directory: string, file: string): Promise<BankFile> {
  const filePath = path.join(directory, file);
  const delimiter = detectDelimiter(await readHeaderLine(filePath));
  const records: string[][] = [];
  for await (const { fields } of readCsvRecords(filePath, delimiter)) {
    records.push(fields.map((field) => field.trim()));
    if (records.length > SAMPLE_ROWS) break;
  }
  return { file, delimiter, header: records[0] ?? [], samples: records.slice(1) };
}

function matchColumns(key: MappedFileKey, header: readonly string[]): Map<string, string> {
  const byNormal = new Map(header.map((column) => [normal(column), column]));
  const matched = new Map<string, string>();
  const used = new Set<string>();
  for (const [field, names] of Object.entries(SYNONYMS[key])) {
    const column = names
      .map((name) => byNormal.get(normal(name)))
      .find((found) => found !== undefined && !used.has(found));
    if (column !== undefined) {
      matched.set(field, column);
      used.add(column);
    }
  }
  return matched;
}

/** A draft mapping object (see mapping-schema.ts) for the files in `directory`, with a `todo` list for the user. */
export async function draftMapping(directory: string): Promise<Record<string, unknown>> {
  const names = (await readdir(directory)).filter((name) => /\.(csv|tsv|txt)$/i.test(name)).sort();
  const files = await Promise.all(names.map((name) => readBankFile(directory, name)));
  const todo: string[] = [];
  const drafted: Record<string, unknown> = {};
  const taken = new Set<string>();
  for (const key of Object.keys(MAPPED_FILES) as MappedFileKey[]) {
    const scored = files
      .filter((file) => !taken.has(file.file))
      .map((file) => ({ file, columns: matchColumns(key, file.header) }))
      .filter((candidate) => candidate.columns.has(DISTINCTIVE[key]))
      .sort((a, b) => b.columns.size - a.columns.size);
    const best = scored[0];
    if (best === undefined) {
      if (key === 'customers' || key === 'transactions') {
        todo.push(
          `files.${key}: no file has a column like "${DISTINCTIVE[key]}"; add files.${key}.file and its columns`,
        );
      }
      continue;
    }
    taken.add(best.file.file);
    drafted[key] = draftFile(key, best.file, best.columns, todo);
  }
  const unused = files.filter((file) => !taken.has(file.file)).map((file) => file.file);
  if (unused.length > 0)
    todo.push(
      `not used: ${unused.join(', ')} (map them under files if they hold customers, transactions, posts or adoptions)`,
    );
  return { customerIds: { prefix: 'C-', pad: 6 }, files: drafted, todo };
}

function draftFile(
  key: MappedFileKey,
  bank: BankFile,
  columns: Map<string, string>,
  todo: string[],
): Record<string, unknown> {
  const target = MAPPED_FILES[key];
  const column = (field: string) => bank.header.indexOf(columns.get(field) ?? '');
  const samplesOf = (field: string) =>
    bank.samples.map((row) => row[column(field)] ?? '').filter((value) => value !== '');
  const draft: Record<string, unknown> = {
    file: bank.file,
    delimiter: DELIMITER_NAMES[bank.delimiter as ',' | ';' | '\t'],
  };
  const dateField = columns.has('date') ? 'date' : columns.has('timestamp') ? 'timestamp' : undefined;
  if (dateField) {
    const format = guessDateFormat(samplesOf(dateField));
    if (format === undefined)
      todo.push(
        `files.${key}.dateFormat: the ${columns.get(dateField)} values fit none of the known formats`,
      );
    else draft.dateFormat = format;
  }
  const numbers = ['age', 'income', 'amount', 'savings_balance', 'debt_balance'].flatMap(samplesOf);
  if (numbers.some((value) => /^-?[\d.\s]*\d,\d+$/.test(value))) draft.decimalComma = true;
  draft.columns = Object.fromEntries(columns);
  const values: Record<string, Record<string, string>> = {};
  for (const [field, allowed] of Object.entries(ENUMS)) {
    if (!columns.has(field)) continue;
    const codes = [...new Set(samplesOf(field))]
      .filter((code) => !allowed.includes(code) && !UNKNOWN_VALUES.has(code.toLowerCase()))
      .sort();
    if (codes.length === 0) continue;
    values[field] = Object.fromEntries(codes.map((code) => [code, `EDIT: one of ${allowed.join('|')}`]));
    todo.push(
      `files.${key}.values.${field}: say what each code of ${columns.get(field)} means (${codes.slice(0, 8).join(', ')})`,
    );
  }
  if (Object.keys(values).length > 0) draft.values = values;
  const unmatched = (CSV_COLUMNS[target] as readonly string[]).filter((field) => !columns.has(field));
  const required = unmatched.filter((field) =>
    ['customer_id', 'age', 'income', 'amount', 'date', 'timestamp', 'content', 'product_id'].includes(field),
  );
  for (const field of required) {
    todo.push(
      `files.${key}.columns.${field}: no column looked like it; name the column of ${bank.file} that holds it`,
    );
  }
  return draft;
}
