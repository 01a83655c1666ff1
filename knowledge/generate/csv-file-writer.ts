import { StagedFile } from './staged-file.ts';

const NEEDS_QUOTES = /[",\r\n]/;

/** One RFC 4180 field: quoted when it holds a comma, quote or line break, inner quotes doubled. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Streams one CSV file: a header, then rows in a fixed column order, staged as `<name>.tmp`.
 * Rows are keyed by column so a row can never be written with its fields in the wrong order.
 */
export class CsvFileWriter<Row extends Readonly<Record<string, string | undefined>>> {
  rows = 0;

  private constructor(
    readonly file: StagedFile,
    readonly columns: readonly (keyof Row & string)[],
  ) {}

  /** Opens `<path>.tmp` and writes the header. */
  static async open<Row extends Readonly<Record<string, string | undefined>>>(
    path: string,
    columns: readonly (keyof Row & string)[],
  ): Promise<CsvFileWriter<Row>> {
    const writer = new CsvFileWriter<Row>(await StagedFile.open(path), columns);
    writer.file.write(`${columns.map(csvField).join(',')}\n`);
    return writer;
  }

  /** Appends one row; a missing optional value is written as an empty field. */
  writeRow(row: Row): void {
    let line = '';
    for (let position = 0; position < this.columns.length; position++) {
      const column = this.columns[position] as keyof Row & string;
      if (position > 0) line += ',';
      line += csvField(row[column] ?? '');
    }
    this.file.write(`${line}\n`);
    this.rows += 1;
  }
}
