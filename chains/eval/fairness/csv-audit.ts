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

/** Reads the needed columns of every data row, failing on a missing column or an empty value. */
async function readTable(file: string, options: CsvAuditOptions): Promise<ProtectedRow[]> {
  const name = path.basename(file);
  const parser = parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true });
  const source = createReadStream(file);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let header: string[] | undefined;
  let indices: { protected: number[]; favourable: number; label: number | undefined } | undefined;
  const rows: ProtectedRow[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
      if (header === undefined || indices === undefined) {
        header = record.map((field) => field.trim());
        const found = header;
        indices = {
          protected: options.protected.map((item) => columnIndex(found, item.column, name)),
          favourable: columnIndex(found, options.favourable.column, name),
          label: options.label ? columnIndex(found, options.label.column, name) : undefined,
        };
        continue;
      }
      // info.lines is the line a record ends on; a quoted field may have spanned several.
      const line = info.lines - record.reduce((sum, field) => sum + (field.split('\n').length - 1), 0);
      const value = (index: number): string => {
        const text = record[index]?.trim() ?? '';
        if (text === '') {
          const column = header?.[index] ?? String(index);
          throw new FairnessInputError(`${name} line ${line}: column "${column}" is empty`, {
            file: name,
            column,
            line,
          });
        }
        return text;
      };
      const attributes: Record<string, string> = {};
      options.protected.forEach((item, position) => {
        const text = value(indices?.protected[position] ?? 0);
        attributes[item.column] = item.privileged.includes(text) ? item.privileged.join(' or ') : text;
      });
      const favourable = options.favourable.values.includes(value(indices.favourable));
      const labelIndex = indices.label;
      rows.push(
        labelIndex === undefined || options.label === undefined
          ? { attributes, favourable }
          : { attributes, favourable, label: options.label.values.includes(value(labelIndex)) },
      );
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new FairnessInputError(
        `${name}: not readable as CSV: ${error.message}`,
        { file: name },
        { cause: error },
      );
    }
    throw error;
  } finally {
    source.destroy();
  }
  if (header === undefined) throw new FairnessInputError(`${name} is empty: no header`, { file: name });
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
