import { createReadStream } from 'node:fs';
import path from 'node:path';
import { CsvError, type Info, parse } from 'csv-parse';
import {
  type CsvDelimiter,
  DELIMITER_NAMES,
  fileDelimiter,
} from '../../../knowledge/preprocess/csv-delimiter.ts';
import { createRandom, type Random } from '../../../knowledge/seeded-random.ts';
import { FairnessInputError } from './fairness-input-error.ts';
import { buildTableReport, type FairnessReport } from './fairness-report.ts';
import type { AttributeSpec, ProtectedRow } from './group-comparison.ts';
import {
  groupOf,
  labelOf,
  type ProtectedColumn,
  privilegedGroup,
  toCodes,
  type ValueLabels,
} from './protected-group.ts';
import { checkValuesFound, ValuesSeen } from './values-seen.ts';

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
  /** The field separator; detected from the header line (`,` `;` tab) when not given. */
  delimiter?: CsvDelimiter;
  /** Readable names for coded values; flags may name a value by its code or its label. */
  labels?: ValueLabels;
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

function describe(match: ValueMatch, labels: ValueLabels | undefined): string {
  const codes = toCodes(labels, match.column, match.values);
  return `${match.column} is ${codes.map((code) => labelOf(labels, match.column, code)).join(' or ')}`;
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
  seen: ValuesSeen,
): ProtectedRow {
  const value = (index: number): string => {
    const text = record[index]?.trim() ?? '';
    const column = columns.header[index] ?? String(index);
    if (text !== '') {
      seen.add(column, text);
      return text;
    }
    throw new FairnessInputError(`${file} line ${line}: column "${column}" is empty`, { file, column, line });
  };
  const attributes: Record<string, string> = {};
  options.protected.forEach((item, position) => {
    const text = value(columns.protected[position] ?? -1);
    const group = groupOf(item, text, options.labels);
    if (group === undefined) {
      throw new FairnessInputError(
        `${file} line ${line}: column "${item.column}" must hold a number for a numeric group, got "${text}"`,
        { file, column: item.column, line },
      );
    }
    attributes[item.column] = group;
  });
  const favourableCodes = toCodes(options.labels, options.favourable.column, options.favourable.values);
  const favourable = favourableCodes.includes(value(columns.favourable));
  if (columns.label === undefined || options.label === undefined) return { attributes, favourable };
  const labelCodes = toCodes(options.labels, options.label.column, options.label.values);
  return { attributes, favourable, label: labelCodes.includes(value(columns.label)) };
}

/** Streams the table and keeps the needed columns of every data row. */
async function readTable(file: string, options: CsvAuditOptions, seen: ValuesSeen): Promise<ProtectedRow[]> {
  const name = path.basename(file);
  let delimiter: CsvDelimiter;
  try {
    delimiter = await fileDelimiter(file, options.delimiter);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw new FairnessInputError(`${file} does not exist`, { file: name }, { cause: error });
    }
    throw error;
  }
  const parser = parse({
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    delimiter,
  });
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
      rows.push(toProtectedRow(record, line, columns, options, name, seen));
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new FairnessInputError(
        `${name}: not readable as CSV with ${DELIMITER_NAMES[delimiter]}-separated fields: ${error.message}`,
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

/** Each non-privileged group vs the privileged group; fails when no row is in the privileged group. */
function attributeSpecs(
  rows: readonly ProtectedRow[],
  options: CsvAuditOptions,
  file: string,
): AttributeSpec[] {
  return options.protected.map((spec) => {
    const { column } = spec;
    const reference = privilegedGroup(spec, options.labels);
    const groups = [...new Set(rows.map((row) => row.attributes[column] ?? ''))].sort();
    if (!groups.includes(reference) || groups.length < 2) {
      const which = groups.includes(reference) ? 'every' : 'no';
      throw new FairnessInputError(
        `${file}: ${which} row is in the group ${reference} (groups found: ${groups.join(', ')})`,
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
 * privileged one(s), or a numeric column's group against the rest. Throws a {@link FairnessInputError} naming the column when one is missing,
 * and the line when a needed value is empty.
 * @example await auditCsv('loans.csv', { protected: [{ column: 'gender', privileged: ['Male'] }], favourable: { column: 'approved', values: ['yes'] } })
 */
export async function auditCsv(file: string, options: CsvAuditOptions): Promise<FairnessReport> {
  if (options.protected.length === 0) {
    throw new FairnessInputError('auditCsv needs at least one protected column');
  }
  const seen = new ValuesSeen();
  const rows = await readTable(file, options, seen);
  const name = path.basename(file);
  if (rows.length === 0)
    throw new FairnessInputError(`${name} has a header but no data rows`, { file: name });
  checkValuesFound(name, options, seen);
  return buildTableReport(rows, attributeSpecs(rows, options, name), {
    random: options.random ?? createRandom(DEFAULT_SEED),
    ...(options.resamples === undefined ? {} : { resamples: options.resamples }),
    ...(options.minGroupSize === undefined ? {} : { minGroupSize: options.minGroupSize }),
    title: `table ${name}`,
    favourable: describe(options.favourable, options.labels),
    ...(options.label ? { label: describe(options.label, options.labels) } : {}),
  });
}
