import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Product, ProductCatalog } from '../schemas.ts';
import type { IssueLog } from './issue-log.ts';
import { firstInvalidUtf8Offset } from './utf8-chunks.ts';

const FILE = 'products.json';

function fieldPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`))
    .join('')
    .replace(/^\./, '');
}

function productLabel(catalogue: unknown, index: PropertyKey | undefined): string {
  if (!Array.isArray(catalogue) || typeof index !== 'number') return '';
  const entry: unknown = catalogue[index];
  if (typeof entry !== 'object' || entry === null || !('id' in entry) || typeof entry.id !== 'string')
    return '';
  return ` (product "${entry.id}")`;
}

/**
 * Reads and validates products.json. Every problem is structural: the catalogue is the list of
 * products the bot may ever name, so it is used whole or not at all. Returns undefined when invalid.
 */
export async function loadProducts(directory: string, log: IssueLog): Promise<Product[] | undefined> {
  const bytes = await readFile(path.join(directory, FILE));
  const badByte = firstInvalidUtf8Offset(bytes);
  if (badByte !== -1) {
    log.addStructural({
      file: FILE,
      line: 0,
      field: '',
      reason: `not valid UTF-8 at byte offset ${badByte}`,
    });
    return undefined;
  }
  let catalogue: unknown;
  try {
    catalogue = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
    log.addStructural({ file: FILE, line: 0, field: '', reason });
    return undefined;
  }
  const parsed = ProductCatalog.safeParse(catalogue);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const reason = `${issue.message}${productLabel(catalogue, issue.path[0])}`;
      log.addStructural({ file: FILE, line: 0, field: fieldPath(issue.path), reason });
    }
    return undefined;
  }
  const firstIndex = new Map<string, number>();
  let duplicates = false;
  parsed.data.forEach((product, index) => {
    const first = firstIndex.get(product.id);
    if (first === undefined) {
      firstIndex.set(product.id, index);
      return;
    }
    duplicates = true;
    const reason = `duplicate product id "${product.id}" (first at [${first}])`;
    log.addStructural({ file: FILE, line: 0, field: `[${index}].id`, reason });
  });
  return duplicates ? undefined : parsed.data;
}
