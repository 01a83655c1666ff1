import { createReadStream } from 'node:fs';
import path from 'node:path';
import { CsvError, type Info, parse } from 'csv-parse';
import { createRandom, type Random } from '../../../knowledge/seeded-random.ts';
import { FairnessInputError } from './fairness-input-error.ts';
import { buildTableReport, type FairnessReport } from './fairness-report.ts';
import type { AttributeSpec, ProtectedRow } from './group-comparison.ts';

/** A column holding a protected attribute, and the value(s) of its privileged (reference) group. */
export interface ProtectedColumn {
  column: string;
  privileged: readonly string[];
}

/** A column and the values of it that count (as favourable, or as a true label). */
export interface ValueMatch {
  column: string;
  values: readonly string[];
}

/** What to audit in a table. */
export interface CsvAuditOptions {
  protected: readonly ProtectedColumn[];
  favourable: ValueMatch;
  label?: ValueMatch;
  /** Drives the bootstrap intervals (default `createRandom(42)`, so a table always gives the same report). */
  random?: Random;
  resamples?: number;
  minGroupSize?: number;
}

const DEFAULT_SEED = 42;

interface ParsedRecord {
  record: string[];
  info: Info;
}

function columnIndex(header: readonly string[], column: string, file: string): number {
  const index = header.indexOf(column);
  if (index === -1) {
    throw new FairnessInputError(`${file} has no column "${column}" (its columns: ${header.join(', ')})`, {
      file,
      column,
    });
  }
  return index;
}

function describe(match: ValueMatch): string {
  return `${match.column} is ${match.values.join(' or ')}`;
}

/** Where the needed columns are in the header. */
interface ColumnPositions {
  header: string[];
  protected: number[];
  favourable: number;
  label: number | undefined;
}

function locateColumns(record: readonly string[], options: CsvAuditOptions, file: string): ColumnPositions {
  const header = record.map((field) => field.trim());
  return {
    header,
    protected: options.protected.map((item) => columnIndex(header, item.column, file)),
    favourable: columnIndex(header, options.favourable.column, file),
    label: options.label ? columnIndex(header, options.label.column, file) : undefined,
  };
}

function toProtectedRow(
  record: readonly string[],
  line: number,
  columns: ColumnPositions,
  options: CsvAuditOptions,
  file: string,
): ProtectedRow {
  const value = (index: number): string => {
    const text = record[index]?.trim() ?? '';
    if (text !== '') return text;
    const column = columns.header[index] ?? String(index);
    throw new FairnessInputError(`${file} line ${line}: column "${column}" is empty`, { file, column, line });
  };
  const attributes: Record<string, string> = {};
  options.protected.forEach((item, position) => {
    const text = value(columns.protected[position] ?? -1);
    attributes[item.column] = item.privileged.includes(text) ? item.privileged.join(' or ') : text;
  });
  const favourable = options.favourable.values.includes(value(columns.favourable));
  if (columns.label === undefined || options.label === undefined) return { attributes, favourable };
  return { attributes, favourable, label: options.label.values.includes(value(columns.label)) };
}

/** Streams the table and keeps the needed columns of every data row. */
async function readTable(file: string, options: CsvAuditOptions): Promise<ProtectedRow[]> {
  const name = path.basename(file);
  const parser = parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true });
  const source = createReadStream(file);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let columns: ColumnPositions | undefined;
  const rows: ProtectedRow[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
      if (columns === undefined) {
        columns = locateColumns(record, options, name);
        continue;
      }
      // info.lines is the line a record ends on; a quoted field may have spanned several.
      const line = info.lines - record.reduce((sum, field) => sum + field.split('\n').length - 1, 0);
      rows.push(toProtectedRow(record, line, columns, options, name));
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new FairnessInputError(
        `${name}: not readable as CSV: ${error.message}`,
        { file: name },
        { cause: error },
      );
    }
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw new FairnessInputError(`${file} does not exist`, { file: name }, { cause: error });
    }
    throw error;
  } finally {
    source.destroy();
  }
  if (columns === undefined) throw new FairnessInputError(`${name} is empty: no header`, { file: name });
  return rows;
}

/** Each non-privileged value vs the privileged group; fails when no row has a privileged value. */
function attributeSpecs(
  rows: readonly ProtectedRow[],
  options: CsvAuditOptions,
  file: string,
): AttributeSpec[] {
  return options.protected.map(({ column, privileged }) => {
    const reference = privileged.join(' or ');
    const groups = [...new Set(rows.map((row) => row.attributes[column] ?? ''))].sort();
    if (!groups.includes(reference)) {
      throw new FairnessInputError(
        `${file}: no row has ${column} = ${reference} (values found: ${groups.join(', ')})`,
        { file, column },
      );
    }
    return {
      attribute: column,
      pairs: groups
        .filter((group) => group !== reference)
        .map((group) => ({ unprivileged: group, privileged: reference })),
      spread: true,
      note: `privileged: ${reference}`,
    };
  });
}

/**
 * The fairness report over any CSV table: for each protected column, every other value against the
 * privileged one(s). Throws a {@link FairnessInputError} naming the column when one is missing,
 * and the line when a needed value is empty.
 * @example await auditCsv('loans.csv', { protected: [{ column: 'gender', privileged: ['Male'] }], favourable: { column: 'approved', values: ['yes'] } })
 */
export async function auditCsv(file: string, options: CsvAuditOptions): Promise<FairnessReport> {
  if (options.protected.length === 0) {
    throw new FairnessInputError('auditCsv needs at least one protected column');
  }
  const rows = await readTable(file, options);
  const name = path.basename(file);
  if (rows.length === 0)
    throw new FairnessInputError(`${name} has a header but no data rows`, { file: name });
  return buildTableReport(rows, attributeSpecs(rows, options, name), {
    random: options.random ?? createRandom(DEFAULT_SEED),
    ...(options.resamples === undefined ? {} : { resamples: options.resamples }),
    ...(options.minGroupSize === undefined ? {} : { minGroupSize: options.minGroupSize }),
    title: `table ${name}`,
    favourable: describe(options.favourable),
    ...(options.label ? { label: describe(options.label) } : {}),
  });
}
