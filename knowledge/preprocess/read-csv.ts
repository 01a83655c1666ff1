import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { InvalidUtf8Error, readUtf8Chunks } from './utf8-chunks.ts';

/** One CSV record and the 1-based line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * The file cannot be read as CSV from `line` on (bad encoding, unbalanced quotes). `column` is the
 * 0-based field index where that is known; `header` is the file's first line, when the error came
 * before the parser could deliver it.
 */
export class CsvFormatError extends Error {
  constructor(
    readonly line: number,
    readonly column: number | undefined,
    readonly reason: string,
    options?: ErrorOptions & { header?: string[] },
  ) {
    super(`line ${line}: ${reason}`, options);
    this.name = new.target.name;
    this.header = options?.header;
  }

  readonly header: string[] | undefined;
}

function countNewlines(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) {
    for (let index = field.indexOf('\n'); index !== -1; index = field.indexOf('\n', index + 1)) count++;
  }
  return count;
}

/** Line and field index of a byte offset in the file's bytes. */
function locateByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 0;
  let quoted = false;
  for (let index = 0; index < offset && index < bytes.length; index++) {
    const byte = bytes[index];
    if (byte === 0x22) quoted = !quoted;
    else if (byte === 0x2c && !quoted) column++;
    else if (byte === 0x0a) {
      line++;
      if (!quoted) column = 0;
    }
  }
  return { line, column };
}

async function toFormatError(error: unknown, filePath: string, line: number): Promise<unknown> {
  if (error instanceof InvalidUtf8Error) {
    // Re-reading the whole file is fine here: this only runs once, on the way to an error.
    const bytes = await readFile(filePath);
    const hex = (bytes[error.byteOffset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    const where = locateByte(bytes, error.byteOffset);
    const reason = `not valid UTF-8 (byte 0x${hex} at byte offset ${error.byteOffset})`;
    // A lossy decode is enough to name the columns; header names never need quoting.
    const firstLine = new TextDecoder().decode(bytes.subarray(0, Math.max(0, bytes.indexOf(0x0a))));
    const header = firstLine
      .replace(/^\uFEFF/, '')
      .replace(/\r$/, '')
      .split(',');
    return new CsvFormatError(where.line, where.column, reason, { cause: error, header });
  }
  if (error instanceof CsvError) {
    // csv-parse reports where it gave up (for an unclosed quote, the end of the file); the record
    // that broke starts at `line`.
    const column = typeof error.column === 'number' ? error.column : undefined;
    return new CsvFormatError(line, column, error.message, { cause: error });
  }
  return error;
}

/**
 * Streams a CSV file record by record, header first, each with the line it starts on; blank lines
 * are skipped. Throws {@link CsvFormatError} for bytes that are not UTF-8 or for broken quoting.
 */
export async function* readCsvRecords(filePath: string, delimiter = ','): AsyncGenerator<CsvRecord> {
  const source = Readable.from(readUtf8Chunks(filePath));
  const parser = parse({ bom: true, relax_column_count: true, delimiter });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let nextLine = 1;
  try {
    // Without `columns` or `cast`, csv-parse emits each record as an array of strings.
    for await (const record of parser as AsyncIterable<string[]>) {
      const line = nextLine;
      nextLine += 1 + countNewlines(record);
      if (record.length === 1 && record[0] === '') continue;
      yield { line, fields: record };
    }
  } catch (error) {
    throw await toFormatError(error, filePath, nextLine);
  } finally {
    source.destroy();
    parser.destroy();
  }
}
