import { CUSTOMER_ID } from '../schemas.ts';

/**
 * A bank's customer id in the schema's form, the same way in every file: digits become the prefix
 * and the digits zero-padded (`12308363` → `C-12308363`, `42` → `C-000042`); ids already in the
 * schema's form are kept. Undefined for anything else.
 */
export function customerIdFrom(text: string, ids: { prefix: string; pad: number }): string | undefined {
  const trimmed = text.trim();
  if (CUSTOMER_ID.test(trimmed)) return trimmed;
  // Exports from spreadsheets often write whole numbers as 12308363.0.
  const digits = /^(\d+)(?:\.0+)?$/.exec(trimmed)?.[1];
  if (digits === undefined) return undefined;
  return `${ids.prefix}${digits.replace(/^0+(?=\d)/, '').padStart(ids.pad, '0')}`;
}
