import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { type DataIssue, KnowledgeError } from '../errors.ts';
import { type CsvDelimiter, DELIMITER_NAMES, fileDelimiter } from '../preprocess/csv-delimiter.ts';
import { CsvFormatError, readCsvRecords } from '../preprocess/read-csv.ts';
import type { CsvFileName } from '../preprocess/validate-csv.ts';
import { CSV_COLUMNS, OPTIONAL_COLUMNS } from '../schemas.ts';
import { customerIdFrom } from './customer-id.ts';
import { parseBankDate } from './date-format.ts';
import { FIELD_DEFAULTS, UNKNOWN_VALUES } from './field-defaults.ts';
import { IssueLocator } from './issue-locator.ts';
import { type DatasetMapping, type FileMapping, MAPPED_FILES, type MappedFileKey } from './mapping-schema.ts';

/** One default or derivation the mapping applied, and to how many rows. */
export interface AppliedDefault {
  file: CsvFileName;
  field: string;
  value: string;
  reason: string;
  rows: number;
}

/** What translating a bank's files found and did. */
export interface MappingSummary {
  /** The folder holding the translated dataset (schema files), ready for loadDataset. */
  dataDir: string;
  files: { target: CsvFileName; source: string; delimiter: string; rows: number; filteredOut: number }[];
  defaults: AppliedDefault[];
  /** Optional files the bank did not give, and what stands in for them. */
  absent: string[];
}

const NUMBER_FIELDS = new Set([
  'age',
  'income',
  'investment_horizon_years',
  'savings_balance',
  'debt_balance',
  'amount',
  'sentiment_score',
]);
const CUSTOMER_ID_FIELD = 'customer_id';

function quoteCsv(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function bankNumber(text: string, decimalComma: boolean): string {
  const trimmed = text.trim();
  if (!decimalComma) return trimmed;
  const plain = trimmed.replace(/[.\s\u00a0]/g, '').replace(',', '.');
  return Number.isFinite(Number(plain)) && plain !== '' ? plain : trimmed;
}

/** Every source of one schema field in one file, resolved against the bank's header. */
type FieldPlan =
  | { kind: 'column'; index: number; column: string }
  | { kind: 'sum'; indexes: number[]; columns: string[] }
  | {
      kind: 'default';
      value: string | ((row: { customerId: string; line: number }) => string);
      reason: string;
    };

interface FilePlan {
  key: MappedFileKey;
  target: CsvFileName;
  source: string;
  mapping: FileMapping;
  fields: Map<string, FieldPlan>;
  where: { index: number; values: Set<string> }[];
}

function defaultPlan(target: CsvFileName, field: string, mapping: FileMapping): FieldPlan | undefined {
  const given = mapping.defaults[field];
  if (given !== undefined) return { kind: 'default', value: given, reason: "the mapping's default" };
  const builtIn = FIELD_DEFAULTS[target][field];
  return builtIn && { kind: 'default', ...builtIn };
}

/** Matches the mapping to the header; every missing column or unfillable field is an issue on line 1. */
function planFile(
  key: MappedFileKey,
  mapping: FileMapping,
  header: readonly string[],
  issues: DataIssue[],
): FilePlan {
  const target = MAPPED_FILES[key];
  const source = mapping.file;
  const indexOf = (column: string, field: string): number => {
    const index = header.indexOf(column);
    if (index === -1) {
      issues.push({
        file: source,
        line: 1,
        field: column,
        reason: `missing column (files.${key}.columns.${field} maps it to ${target} ${field}; the header has ${header.join(', ')})`,
      });
    }
    return index;
  };
  const fields = new Map<string, FieldPlan>();
  for (const field of CSV_COLUMNS[target] as readonly string[]) {
    const mapped = mapping.columns[field];
    if (typeof mapped === 'string') {
      fields.set(field, { kind: 'column', index: indexOf(mapped, field), column: mapped });
    } else if (mapped !== undefined) {
      fields.set(field, {
        kind: 'sum',
        indexes: mapped.sum.map((column) => indexOf(column, field)),
        columns: mapped.sum,
      });
    } else if (header.includes(field) && mapping.defaults[field] === undefined) {
      // A column already named as the schema names it needs no mapping line.
      fields.set(field, { kind: 'column', index: header.indexOf(field), column: field });
    } else {
      const plan = defaultPlan(target, field, mapping);
      if (plan) fields.set(field, plan);
      else if (!OPTIONAL_COLUMNS[target].includes(field)) {
        issues.push({
          file: source,
          line: 1,
          field,
          reason: `${target} needs "${field}" and it has no default: map a column to it under files.${key}.columns.${field}`,
        });
      }
    }
  }
  const where = Object.entries(mapping.where).map(([column, values]) => ({
    index: indexOf(column, `where.${column}`),
    values: new Set(values),
  }));
  return { key, target, source, mapping, fields, where };
}

interface Counter {
  add(field: string, value: string, reason: string): void;
}

/** One bank row → the schema row, or the issues that make a value unusable (the raw text is kept for them). */
function translateRow(
  plan: FilePlan,
  fields: readonly string[],
  line: number,
  mappingIds: DatasetMapping['customerIds'],
  counter: Counter,
  issues: DataIssue[],
): string[] {
  const values: Record<string, string> = {};
  const cellOf = (index: number) => (fields[index] ?? '').trim();
  const fail = (field: string, reason: string) => issues.push({ file: plan.target, line, field, reason });
  // The id first: defaults such as the name are made from it.
  const order = [
    CUSTOMER_ID_FIELD,
    ...[...plan.fields.keys()].filter((field) => field !== CUSTOMER_ID_FIELD),
  ];
  for (const field of order) {
    const source = plan.fields.get(field);
    if (source === undefined) continue;
    let text: string;
    if (source.kind === 'default') {
      text =
        typeof source.value === 'string'
          ? source.value
          : source.value({ customerId: values[CUSTOMER_ID_FIELD] ?? '', line });
      counter.add(field, typeof source.value === 'string' ? text : '(made per row)', source.reason);
    } else if (source.kind === 'sum') {
      const parts = source.indexes.map((index) => bankNumber(cellOf(index), plan.mapping.decimalComma));
      const numbers = parts.map((part) => (part === '' ? 0 : Number(part)));
      const bad = numbers.findIndex((number) => !Number.isFinite(number));
      if (bad !== -1) {
        fail(field, `expected a number in ${source.columns[bad]}, got "${parts[bad]}"`);
        text = parts[bad] ?? '';
      } else {
        text = String(Math.round(numbers.reduce((sum, number) => sum + number, 0) * 100) / 100);
        counter.add(field, `sum of ${source.columns.join(' + ')}`, "derived from the bank's balances");
      }
    } else {
      text = cellOf(source.index);
      const codes = plan.mapping.values[field];
      if (codes) text = codes[text] ?? codes['*'] ?? text;
      const fallback = FIELD_DEFAULTS[plan.target][field];
      if (fallback && UNKNOWN_VALUES.has(text.toLowerCase()) && typeof fallback.value === 'string') {
        counter.add(field, fallback.value, `empty or unknown in the bank's file; ${fallback.reason}`);
        text = fallback.value;
      } else if (NUMBER_FIELDS.has(field)) {
        text = bankNumber(text, plan.mapping.decimalComma);
      }
    }
    values[field] = convert(field, text, plan, mappingIds, fail);
  }
  return (CSV_COLUMNS[plan.target] as readonly string[])
    .filter((field) => plan.fields.has(field))
    .map((field) => values[field] ?? '');
}

/** Ids and dates in the schema's form; a value that cannot be converted is kept raw and reported. */
function convert(
  field: string,
  text: string,
  plan: FilePlan,
  mappingIds: DatasetMapping['customerIds'],
  fail: (field: string, reason: string) => void,
): string {
  if (field === CUSTOMER_ID_FIELD) {
    const id = customerIdFrom(text, mappingIds);
    if (id === undefined) fail(field, `expected a numeric customer id or one like C-000123, got "${text}"`);
    return id ?? text;
  }
  if (field === 'date' || field === 'timestamp') {
    const format = plan.mapping.dateFormat ?? 'ISO';
    if (field === 'timestamp' && format === 'ISO' && /T.*(Z|[+-]\d{2}:?\d{2})$/.test(text)) return text;
    const parsed = parseBankDate(text, format);
    if (parsed === undefined) {
      fail(
        field,
        `expected a date written ${format === 'ISO' ? 'YYYY-MM-DD' : format} (files.${plan.key}.dateFormat), got "${text}"`,
      );
      return text;
    }
    return field === 'date' ? parsed.date : `${parsed.date}T${parsed.time}Z`;
  }
  return text;
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Translates one bank file into its schema file; returns rows written and rows filtered out. */
async function translateFile(
  plan: Omit<FilePlan, 'fields' | 'where'>,
  context: {
    dataDir: string;
    outDir: string;
    mapping: DatasetMapping;
    locator: IssueLocator;
    issues: DataIssue[];
    summary: MappingSummary;
  },
): Promise<void> {
  const sourcePath = path.join(context.dataDir, plan.mapping.file);
  if (!(await exists(sourcePath))) {
    throw new KnowledgeError('MISSING_FILE', `files.${plan.key}.file: ${sourcePath} does not exist`);
  }
  const delimiter: CsvDelimiter = await fileDelimiter(sourcePath, plan.mapping.delimiter);
  const out = createWriteStream(path.join(context.outDir, plan.target));
  const counts = new Map<string, AppliedDefault>();
  const counter: Counter = {
    add: (field, value, reason) => {
      const key = `${field}\u0000${value}\u0000${reason}`;
      const entry = counts.get(key) ?? { file: plan.target, field, value, reason, rows: 0 };
      entry.rows++;
      counts.set(key, entry);
    },
  };
  const fileLocator = context.locator.file(plan.target, plan.source);
  let full: FilePlan | undefined;
  let outLine = 1;
  let rows = 0;
  let filteredOut = 0;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  try {
    for await (const { line, fields } of readCsvRecords(sourcePath, delimiter)) {
      if (full === undefined) {
        const header = fields.map((name) => name.trim());
        const headerIssues: DataIssue[] = [];
        full = planFile(plan.key, plan.mapping, header, headerIssues);
        context.issues.push(...headerIssues);
        if (headerIssues.length > 0) break;
        for (const [field, source] of full.fields) {
          if (source.kind === 'column') fileLocator.column(field, source.column);
          if (source.kind === 'sum') fileLocator.column(field, source.columns.join(' + '));
          if (source.kind === 'default') fileLocator.column(field, `${field} (default)`);
        }
        const written = (CSV_COLUMNS[plan.target] as readonly string[]).filter((field) =>
          full?.fields.has(field),
        );
        await write(`${written.join(',')}\n`);
        outLine = 2;
        continue;
      }
      if (full.where.some((condition) => !condition.values.has((fields[condition.index] ?? '').trim()))) {
        filteredOut++;
        continue;
      }
      const translated = translateRow(
        full,
        fields,
        line,
        context.mapping.customerIds,
        counter,
        context.issues,
      );
      const text = `${translated.map(quoteCsv).join(',')}\n`;
      fileLocator.line(outLine, line);
      outLine += text.split('\n').length - 1;
      rows++;
      await write(text);
    }
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    context.issues.push({
      file: plan.source,
      line: error.line,
      field: '',
      reason: `${error.reason} (read as ${DELIMITER_NAMES[delimiter]}-separated)`,
    });
  } finally {
    out.end();
    await once(out, 'close');
  }
  // Translation issues are recorded against the schema file; the locator moves them to the bank's file.
  context.summary.files.push({
    target: plan.target,
    source: plan.source,
    delimiter: DELIMITER_NAMES[delimiter],
    rows,
    filteredOut,
  });
  context.summary.defaults.push(...counts.values());
}

/**
 * Translates a bank's export, described by `mapping`, into the dataset's schema files in `outDir`
 * (replaced whole). Problems are returned located in the bank's own files; nothing is thrown for
 * bad values, so loadDataset can report them together with its own checks.
 */
export async function applyDatasetMapping(
  mapping: DatasetMapping,
  dataDir: string,
  outDir: string,
): Promise<{ summary: MappingSummary; issues: DataIssue[]; locator: IssueLocator }> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const locator = new IssueLocator();
  const issues: DataIssue[] = [];
  const summary: MappingSummary = { dataDir: outDir, files: [], defaults: [], absent: [] };
  for (const key of Object.keys(MAPPED_FILES) as MappedFileKey[]) {
    const fileMapping = mapping.files[key];
    if (fileMapping === undefined) continue;
    await translateFile(
      { key, target: MAPPED_FILES[key], source: fileMapping.file, mapping: fileMapping },
      { dataDir, outDir, mapping, locator, issues, summary },
    );
  }
  if (mapping.products !== undefined) {
    const { copyFile } = await import('node:fs/promises');
    const productsPath = path.join(dataDir, mapping.products);
    if (!(await exists(productsPath)))
      throw new KnowledgeError('MISSING_FILE', `products: ${productsPath} does not exist`);
    await copyFile(productsPath, path.join(outDir, 'products.json'));
  }
  return { summary, issues: locator.relocateAll(issues), locator };
}
