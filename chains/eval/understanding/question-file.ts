import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { intentDefinition } from '../../../knowledge/intents/index.ts';
import { ChainError } from '../../chain-error.ts';

/** One question of a user's file, with the intent they expect when they gave one. */
export interface LabelledQuestion {
  text: string;
  expectedIntent: string | null;
  line: number;
}

/**
 * Reads `text[,expected_intent]` rows (an optional header `text,expected_intent` is skipped). Throws
 * ChainError('INVALID_INPUT') naming the file, line and field of the first bad row.
 */
export async function readQuestionFile(file: string): Promise<LabelledQuestion[]> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    throw new ChainError('INVALID_INPUT', `cannot read the questions file ${file}`, { cause: error });
  }
  let rows: string[][];
  try {
    rows = parse(content, { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    throw new ChainError('INVALID_INPUT', `${file} is not valid CSV`, { cause: error });
  }
  const header = rows[0]?.map((cell) => cell.trim().toLowerCase());
  const start = header?.[0] === 'text' ? 1 : 0;
  const questions = rows.slice(start).map((row, index) => {
    const line = index + start + 1;
    const [text = '', expected = '', ...rest] = row;
    if (rest.length > 0) {
      throw new ChainError(
        'INVALID_INPUT',
        `${file}:${line}: expected at most 2 columns (text,expected_intent), found ${row.length}`,
      );
    }
    if (text.trim().length === 0)
      throw new ChainError('INVALID_INPUT', `${file}:${line} text: must not be empty`);
    const expectedIntent = expected.trim() === '' ? null : expected.trim();
    if (expectedIntent && !intentDefinition(expectedIntent)) {
      throw new ChainError(
        'INVALID_INPUT',
        `${file}:${line} expected_intent: "${expectedIntent}" is not an intent of the taxonomy (knowledge/intents/taxonomy.ts)`,
      );
    }
    return { text: text.trim(), expectedIntent, line };
  });
  if (questions.length === 0) throw new ChainError('INVALID_INPUT', `${file} has no questions`);
  return questions;
}
