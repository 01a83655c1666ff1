import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { KnowledgeError } from '../errors.ts';
import { DatasetMapping } from './mapping-schema.ts';

/** Where a mapping problem is, as a key path a person can find in the file (`files.customers.columns.age`). */
function keyPath(segments: readonly PropertyKey[]): string {
  if (segments.length === 0) return '(top level)';
  return segments
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `${keyPath(issue.path)}: unknown key(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  }
  if (issue.code === 'invalid_key') {
    // A record key (a schema field name) that failed: say why, not just "invalid key".
    return `${keyPath(issue.path)}: ${issue.issues[0]?.message ?? issue.message}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `${keyPath(issue.path)}: missing (expected ${issue.expected})`;
  }
  return `${keyPath(issue.path)}: ${issue.message}`;
}

/**
 * Validates a parsed mapping; a broken one throws INVALID_MAPPING listing every problem by key path.
 * @example parseDatasetMapping(JSON.parse(text), 'bank.json')
 */
export function parseDatasetMapping(value: unknown, source: string): DatasetMapping {
  const parsed = DatasetMapping.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(describeIssue);
  throw new KnowledgeError(
    'INVALID_MAPPING',
    `${source}: ${problems.length} problem(s) in the mapping:\n${problems.map((line) => `  ${line}`).join('\n')}`,
    { cause: parsed.error },
  );
}

/** Reads a mapping file: YAML for .yaml/.yml, JSON otherwise. */
export async function loadDatasetMapping(file: string): Promise<DatasetMapping> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new KnowledgeError('INVALID_MAPPING', `cannot read the mapping ${file}`, { cause: error });
  }
  const yaml = /\.ya?ml$/i.test(file);
  let value: unknown;
  try {
    value = yaml ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KnowledgeError(
      'INVALID_MAPPING',
      `${path.basename(file)} is not valid ${yaml ? 'YAML' : 'JSON'}: ${reason}`,
      {
        cause: error,
      },
    );
  }
  return parseDatasetMapping(value, path.basename(file));
}
