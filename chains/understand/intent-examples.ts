import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { banking77IntentId, intentDefinition } from '../../knowledge/intents/index.ts';
import { ChainError } from '../chain-error.ts';

/** One labelled training or evaluation text, with the file it came from (for error messages and reports). */
export interface IntentExample {
  text: string;
  intent: string;
  source: string;
}

const Banking77Row = z.strictObject({
  text: z.string().trim().min(1, 'must not be empty'),
  category: z.string().trim().min(1, 'must not be empty'),
});
const ExampleRow = z.strictObject({
  text: z.string().trim().min(1, 'must not be empty'),
  intent: z.string().trim().min(1, 'must not be empty'),
});

/** Reads Banking77's `text,category` CSV; categories become the project's intent ids. */
export async function loadBanking77Examples(file: string): Promise<IntentExample[]> {
  const rows = await readCsvRows(file, ['text', 'category']);
  return rows.map((row, index) => {
    const parsed = parseRow(Banking77Row, row, file, index);
    const intent = banking77IntentId(parsed.category);
    return { text: parsed.text, intent: knownIntent(intent, file, index, 'category'), source: file };
  });
}

/** Reads every `*.csv` (`text,intent`) in the project's examples folder, sorted by file name. */
export async function loadProjectExamples(directory: string): Promise<IntentExample[]> {
  let names: string[];
  try {
    names = (await readdir(directory)).filter((name) => name.endsWith('.csv')).sort();
  } catch (error) {
    throw new ChainError('INVALID_INPUT', `cannot read the intent examples folder ${directory}`, {
      cause: error,
    });
  }
  const examples: IntentExample[] = [];
  for (const name of names) {
    const file = path.join(directory, name);
    const rows = await readCsvRows(file, ['text', 'intent']);
    rows.forEach((row, index) => {
      const parsed = parseRow(ExampleRow, row, file, index);
      examples.push({
        text: parsed.text,
        intent: knownIntent(parsed.intent, file, index, 'intent'),
        source: file,
      });
    });
  }
  return examples;
}

/** The files the intent model is trained from: Banking77 and every project examples CSV. */
export async function intentSourceFiles(banking77File: string, examplesDirectory: string): Promise<string[]> {
  const names = (await readdir(examplesDirectory).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.csv'))
    .sort();
  return [banking77File, ...names.map((name) => path.join(examplesDirectory, name))];
}

async function readCsvRows(file: string, columns: readonly string[]): Promise<Record<string, unknown>[]> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    throw new ChainError('INVALID_INPUT', `cannot read the intent examples file ${file}`, { cause: error });
  }
  let rows: Record<string, unknown>[];
  try {
    rows = parse(content, { columns: true, skip_empty_lines: true, bom: true });
  } catch (error) {
    throw new ChainError('INVALID_INPUT', `${file} is not valid CSV`, { cause: error });
  }
  const header = Object.keys(rows[0] ?? {});
  if (rows.length === 0 || columns.some((column) => !header.includes(column))) {
    throw new ChainError(
      'INVALID_INPUT',
      `${file}: expected a header "${columns.join(',')}" and at least one row, found "${header.join(',')}"`,
    );
  }
  return rows;
}

function parseRow<Schema extends z.ZodType>(
  schema: Schema,
  row: Record<string, unknown>,
  file: string,
  index: number,
): z.infer<Schema> {
  const parsed = schema.safeParse(row);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ChainError(
      'INVALID_INPUT',
      `${file}:${index + 2} ${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

function knownIntent(intent: string, file: string, index: number, field: string): string {
  if (!intentDefinition(intent)) {
    throw new ChainError(
      'INVALID_INPUT',
      `${file}:${index + 2} ${field}: "${intent}" is not an intent of the taxonomy (knowledge/intents/taxonomy.ts)`,
    );
  }
  return intent;
}
