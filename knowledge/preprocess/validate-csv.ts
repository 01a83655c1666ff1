import { open } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { CSV_COLUMNS, OPTIONAL_COLUMNS } from '../schemas.ts';
import type { IssueLog } from './issue-log.ts';
import { CsvFormatError, readCsvRecords } from './read-csv.ts';

/** The CSV files of a dataset, each with its schema in schemas.ts. */
export type CsvFileName = keyof typeof CSV_COLUMNS;

/** What reading one CSV file found. */
export interface CsvFileStats {
  /** Data rows read (the header and blank lines excluded). */
  rows: number;
  /** Rows that failed the header-length or schema check. */
  invalid: number;
  /** Whether the header or the file's encoding made the rows unreadable. */
  unreadable: boolean;
}

/** What a row-level callback receives for a row that failed validation: its raw cells by column. */
export type RawRow = Readonly<Record<string, string | undefined>>;

export interface CsvValidation<Row> {
  file: CsvFileName;
  schema: z.ZodType<Row>;
  onRow: (row: Row, line: number) => void;
  onInvalidRow?: (raw: RawRow, line: number) => void;
}

const SHOWN_VALUE_LENGTH = 40;

function describe(message: string, value: string | undefined): string {
  if (value === undefined || message.includes('got ')) return message;
  const shown = value.length > SHOWN_VALUE_LENGTH ? `${value.slice(0, SHOWN_VALUE_LENGTH)}…` : value;
  return `${message}, got "${shown}"`;
}

/** Whether the file's last byte is a line break (an export cut short mid-row has none). */
async function endsWithNewline(filePath: string): Promise<boolean> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] === 0x0a || last[0] === 0x0d;
  } finally {
    await handle.close();
  }
}

/** Checks the header; returns the column names, or undefined when rows cannot be read against it. */
function checkHeader(file: CsvFileName, fields: readonly string[], log: IssueLog): string[] | undefined {
  const header = fields.map((name) => name.trim());
  const expected: readonly string[] = CSV_COLUMNS[file];
  let usable = true;
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) {
      log.addStructural({ file, line: 1, field: name, reason: 'duplicate column' });
      usable = false;
    }
    seen.add(name);
    if (!expected.includes(name)) log.add({ file, line: 1, field: name, reason: 'unknown column' });
  }
  for (const name of expected) {
    if (!seen.has(name) && !OPTIONAL_COLUMNS[file].includes(name)) {
      log.addStructural({ file, line: 1, field: name, reason: 'missing required column' });
      usable = false;
    }
  }
  return usable ? header : undefined;
}

/**
 * Streams one CSV file of `directory` through its schema: header checks first, then every row,
 * with each issue located by file, line and field. Valid rows go to `onRow` in file order.
 */
export async function validateCsvFile<Row>(
  directory: string,
  validation: CsvValidation<Row>,
  log: IssueLog,
): Promise<CsvFileStats> {
  const { file, schema, onRow, onInvalidRow } = validation;
  const stats: CsvFileStats = { rows: 0, invalid: 0, unreadable: false };
  let header: string[] | undefined;
  let known: boolean[] = [];
  const filePath = path.join(directory, file);
  // A short row is reported once the next record shows whether it was the file's cut-off last row.
  let shortRow: { line: number; field: string; fields: number; raw: RawRow } | undefined;
  const reportShortRow = (last: boolean, newline: boolean) => {
    if (shortRow === undefined || header === undefined) return;
    const reason =
      last && !newline
        ? `the file ends inside this row without a final newline: it has ${shortRow.fields} of ${header.length} fields, so the file looks cut short`
        : `the row has ${shortRow.fields} fields, the header ${header.length}`;
    log.add({ file, line: shortRow.line, field: shortRow.field, reason });
    onInvalidRow?.(shortRow.raw, shortRow.line);
    shortRow = undefined;
  };
  try {
    for await (const { line, fields } of readCsvRecords(filePath)) {
      reportShortRow(false, true);
      if (header === undefined) {
        header = checkHeader(file, fields, log);
        if (header === undefined) {
          stats.unreadable = true;
          return stats;
        }
        const expected: readonly string[] = CSV_COLUMNS[file];
        known = header.map((name) => expected.includes(name));
        continue;
      }
      stats.rows++;
      const raw: Record<string, string | undefined> = {};
      for (let index = 0; index < header.length; index++) {
        if (known[index]) raw[header[index] ?? ''] = fields[index];
      }
      if (fields.length < header.length) {
        stats.invalid++;
        shortRow = { line, field: header[fields.length] ?? '', fields: fields.length, raw };
        continue;
      }
      if (fields.length > header.length) {
        stats.invalid++;
        const reason = `the row has ${fields.length} fields, the header ${header.length}`;
        log.add({ file, line, field: `column ${header.length + 1}`, reason });
        onInvalidRow?.(raw, line);
        continue;
      }
      const parsed = schema.safeParse(raw);
      if (parsed.success) {
        onRow(parsed.data, line);
        continue;
      }
      stats.invalid++;
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        log.add({ file, line, field, reason: describe(issue.message, raw[field]) });
      }
      onInvalidRow?.(raw, line);
    }
    reportShortRow(true, await endsWithNewline(filePath));
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    const columns = header ?? error.header;
    const field =
      error.column === undefined ? '' : (columns?.[error.column]?.trim() ?? `column ${error.column + 1}`);
    log.addStructural({ file, line: error.line, field, reason: error.reason });
    stats.unreadable = true;
    return stats;
  }
  if (header === undefined) {
    log.addStructural({ file, line: 0, field: '', reason: 'empty file: no header' });
    stats.unreadable = true;
  }
  return stats;
}
