import { readFile } from 'node:fs/promises';
import { KnowledgeError } from '../errors.ts';

/**
 * Reads a one-text-per-line file (UTF-8, LF or CRLF); blank lines and lines starting with "#" are
 * skipped. A missing, unreadable or empty file is a KnowledgeError naming the file.
 * @example const injections = await readTextLines('knowledge/safety/examples/injections.txt');
 */
export async function readTextLines(file: string): Promise<string[]> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    throw new KnowledgeError('MISSING_FILE', `cannot read ${file} (one text per line expected)`, {
      cause: error,
    });
  }
  if (content.includes('\u0000')) {
    throw new KnowledgeError('INVALID_INPUT', `${file} is not a text file (it contains NUL bytes)`);
  }
  const texts = content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (texts.length === 0) {
    throw new KnowledgeError('INVALID_INPUT', `${file} has no texts (one text per line expected)`);
  }
  return texts;
}
