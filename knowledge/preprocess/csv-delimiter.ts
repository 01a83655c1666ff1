import { open } from 'node:fs/promises';

/** The field separators a CSV file may use; banks' exports use all three. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** Readable names, for messages and for flags (`--delimiter tab`). */
export const DELIMITER_NAMES: Readonly<Record<CsvDelimiter, string>> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
};

/** Parses a delimiter as written by a person (`;`, `semicolon`, `tab`, `\t`); undefined when it is none of them. */
export function parseDelimiter(text: string): CsvDelimiter | undefined {
  const wanted = text === '\\t' ? '\t' : text.toLowerCase();
  for (const delimiter of CSV_DELIMITERS) {
    if (wanted === delimiter || wanted === DELIMITER_NAMES[delimiter]) return delimiter;
  }
  return undefined;
}

/**
 * The separator of a header line: the one of `,` `;` tab that occurs most often outside quotes
 * (a header names its columns, so the separator is the commonest of the three there); comma on a tie.
 */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const character of headerLine) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && counts.has(character as CsvDelimiter)) {
      counts.set(character as CsvDelimiter, (counts.get(character as CsvDelimiter) ?? 0) + 1);
    }
  }
  let best: CsvDelimiter = ',';
  for (const delimiter of CSV_DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

const HEADER_BYTES = 64 * 1024;

/** The file's first line (up to 64 KiB, without a byte-order mark), for delimiter detection. */
export async function readHeaderLine(filePath: string): Promise<string> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0);
    const text = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const end = text.indexOf('\n');
    return (end === -1 ? text : text.slice(0, end)).replace(/\r$/, '');
  } finally {
    await handle.close();
  }
}

/** The delimiter of a file: the one given, or the one its header line uses. */
export async function fileDelimiter(filePath: string, given?: CsvDelimiter): Promise<CsvDelimiter> {
  return given ?? detectDelimiter(await readHeaderLine(filePath));
}
