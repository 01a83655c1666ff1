import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Bytes of a turn id: one AES block. The first 8 carry the sequence number, the last 8 must be zero. */
const BLOCK_BYTES = 16;
const TURN_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * Turn ids customers (and channel buttons) see instead of the audit log's global sequence number, which would tell
 * anyone how many turns the bank has handled. An id is the sequence number encrypted as one AES-256 block with
 * 8 zero bytes of redundancy: opaque, decodable without a lookup table (so ids survive restarts with the same
 * key), and a made-up id decodes to nothing except by a 1-in-2^64 chance.
 */
export class TurnIdCodec {
  private readonly key: Buffer;

  /** `secret` should be stable across restarts (buttons in old messages keep working); any length. */
  constructor(secret: string | Uint8Array = randomBytes(32)) {
    this.key = createHash('sha256').update('finadvisor turn ids\0').update(secret).digest();
  }

  /** The opaque id of a turn (22 URL-safe characters). */
  encode(seq: number): string {
    if (!Number.isSafeInteger(seq) || seq < 1)
      throw new RangeError(`turn seq must be a positive integer, got ${seq}`);
    const block = Buffer.alloc(BLOCK_BYTES);
    block.writeBigUInt64BE(BigInt(seq), 0);
    const cipher = createCipheriv('aes-256-ecb', this.key, null).setAutoPadding(false);
    return Buffer.concat([cipher.update(block), cipher.final()]).toString('base64url');
  }

  /** The sequence number behind an id, or null for anything this codec did not issue. */
  decode(turnId: string): number | null {
    if (!TURN_ID.test(turnId)) return null;
    const encrypted = Buffer.from(turnId, 'base64url');
    if (encrypted.length !== BLOCK_BYTES) return null;
    const decipher = createDecipheriv('aes-256-ecb', this.key, null).setAutoPadding(false);
    const block = Buffer.concat([decipher.update(encrypted), decipher.final()]);
    if (block.readBigUInt64BE(8) !== 0n) return null;
    const seq = block.readBigUInt64BE(0);
    return seq >= 1n && seq <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(seq) : null;
  }
}
