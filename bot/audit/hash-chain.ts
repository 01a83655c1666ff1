import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './canonical-json.ts';

/** The `prevHash` of the first record in every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** A chain's newest record, small enough to publish elsewhere so truncation of the tail can be detected. */
export const ChainHead = z.strictObject({
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits'),
});
/** A published or computed chain head. */
export type ChainHead = z.infer<typeof ChainHead>;

/** The hash that seals one record: `sha256(prevHash + canonicalJson(record without hash))`, lowercase hex. */
export function chainHash(record: { prevHash: string; hash?: never } & Record<string, unknown>): string {
  return createHash('sha256')
    .update(record.prevHash + canonicalJson(record), 'utf8')
    .digest('hex');
}
