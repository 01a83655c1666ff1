import { isUtf8 } from 'node:buffer';
import { open } from 'node:fs/promises';

/** A file holds a byte sequence that is not UTF-8; `byteOffset` is where the bad sequence starts. */
export class InvalidUtf8Error extends Error {
  constructor(readonly byteOffset: number) {
    super(`not valid UTF-8 at byte offset ${byteOffset}`);
    this.name = new.target.name;
  }
}

const CHUNK_BYTES = 256 * 1024;

/** How many bytes the UTF-8 sequence led by `lead` occupies; 0 for a byte that cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Where the last complete character ends, so a chunk never splits one in two. */
function completePrefixLength(bytes: Uint8Array): number {
  const earliest = Math.max(0, bytes.length - 4);
  for (let index = bytes.length - 1; index >= earliest; index--) {
    const byte = bytes[index] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const length = sequenceLength(byte);
    // An invalid lead is left in place for isUtf8 to reject.
    return length === 0 || index + length <= bytes.length ? bytes.length : index;
  }
  return bytes.length;
}

/**
 * Offset of the first byte that starts an invalid UTF-8 sequence (WHATWG rules: no overlongs, no
 * surrogates, nothing above U+10FFFF), or -1 if the bytes are valid. A truncated final sequence is
 * invalid.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    const length = sequenceLength(lead);
    if (length === 0 || index + length > bytes.length) return index;
    const second = bytes[index + 1] ?? 0;
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (length > 1 && (second < low || second > high)) return index;
    for (let next = 2; next < length; next++) {
      if (((bytes[index + next] ?? 0) & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return -1;
}

/**
 * Streams a file as buffers that each hold only whole, valid UTF-8 characters; throws
 * {@link InvalidUtf8Error} at the first invalid byte. Validation runs in native code (isUtf8);
 * the byte-by-byte scan only runs to locate an error.
 */
export async function* readUtf8Chunks(filePath: string): AsyncGenerator<Buffer> {
  const handle = await open(filePath, 'r');
  try {
    let carry: Buffer = Buffer.alloc(0);
    let carryOffset = 0;
    for (;;) {
      // A fresh buffer per read: the CSV parser may keep a reference to what it was given.
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const complete = completePrefixLength(bytes);
      const head = bytes.subarray(0, complete);
      if (!isUtf8(head)) throw new InvalidUtf8Error(carryOffset + Math.max(0, firstInvalidUtf8Offset(head)));
      if (head.length > 0) yield head;
      carry = bytes.subarray(complete);
      carryOffset += complete;
    }
    if (carry.length > 0) throw new InvalidUtf8Error(carryOffset);
  } finally {
    await handle.close();
  }
}
