import { z } from 'zod';
import { CSV_DELIMITERS, parseDelimiter } from '../preprocess/csv-delimiter.ts';
import { CSV_COLUMNS } from '../schemas.ts';
import { DATE_FORMATS } from './date-format.ts';

/** The dataset's files a mapping can fill, by the key used in the mapping file. */
export const MAPPED_FILES = {
  customers: 'customers.csv',
  transactions: 'transactions.csv',
  posts: 'social_media.csv',
  adoptions: 'adoptions.csv',
} as const;
export type MappedFileKey = keyof typeof MAPPED_FILES;

const delimiter = z.string().transform((text, context) => {
  const parsed = parseDelimiter(text);
  if (parsed === undefined) {
    context.addIssue({
      code: 'custom',
      message: `expected one of ${CSV_DELIMITERS.map((item) => JSON.stringify(item)).join(' ')} "comma" "semicolon" "tab", got "${text}"`,
    });
    return z.NEVER;
  }
  return parsed;
});

/** A schema field's source: one bank column, or the sum of several (e.g. savings from account balances). */
const columnSource = z.union([
  z.string().trim().min(1, 'expected a column name'),
  z
    .object({ sum: z.array(z.string().trim().min(1)).min(1, 'expected at least one column to add up') })
    .strict(),
]);
export type ColumnSource = z.output<typeof columnSource>;

function fileMapping(key: MappedFileKey) {
  const fields = CSV_COLUMNS[MAPPED_FILES[key]] as readonly string[];
  const field = z.string().refine((name) => fields.includes(name), {
    error: (issue) =>
      `"${String(issue.input)}" is not a field of ${MAPPED_FILES[key]} (its fields: ${fields.join(', ')})`,
  });
  return z
    .object({
      /** The bank's file, relative to the data folder. */
      file: z.string().trim().min(1, 'expected a file name'),
      delimiter: delimiter.optional(),
      /** How dates are written in this file (default ISO, YYYY-MM-DD). */
      dateFormat: z.enum(DATE_FORMATS).optional(),
      /** Numbers written 1.234,56 (decimal comma, dot or space between thousands). */
      decimalComma: z.boolean().default(false),
      /** Keep only rows whose bank column holds one of the values (e.g. purchases, not refunds). */
      where: z.record(z.string(), z.array(z.string()).min(1)).default({}),
      /** Schema field → the bank's column. */
      columns: z.record(field, columnSource).default({}),
      /** Schema field → bank code → schema value; `"*"` catches every other code. */
      values: z.record(field, z.record(z.string(), z.string())).default({}),
      /** Schema field → the value used for every row (for fields the bank does not have). */
      defaults: z.record(field, z.union([z.string(), z.number()]).transform(String)).default({}),
    })
    .strict();
}
export type FileMapping = z.output<ReturnType<typeof fileMapping>>;

/**
 * A bank's export described in terms of the dataset's schema (knowledge/schemas.ts): which file is
 * which, its delimiter, dates, column names and value codes, and how its customer ids are written.
 */
export const DatasetMapping = z
  .object({
    customerIds: z
      .object({
        /** Numeric ids (12308363) become PREFIX + the digits, zero-padded to `pad` (C-12308363, C-000042). */
        prefix: z.literal('C-').default('C-'),
        pad: z.number().int().min(4).max(12).default(6),
      })
      .strict()
      .default({ prefix: 'C-', pad: 6 }),
    files: z
      .object({
        customers: fileMapping('customers'),
        transactions: fileMapping('transactions'),
        posts: fileMapping('posts').optional(),
        adoptions: fileMapping('adoptions').optional(),
      })
      .strict(),
    /** The bank's products.json; the shipped catalogue when absent. */
    products: z.string().trim().min(1).optional(),
    /** Left by `npm run mapping:init` for the user; a mapping with open items is refused. */
    todo: z.array(z.string()).max(0, 'still lists items to edit; resolve them and empty the list').optional(),
  })
  .strict();
export type DatasetMapping = z.output<typeof DatasetMapping>;
