import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuditError } from '../../../bot/audit/index.ts';
import { CoreError, TurnIdCodec, userFacingError } from '../../../bot/core/index.ts';
import { ChainError } from '../../../chains/chain-error.ts';
import { AdvisorError } from '../../../knowledge/advisor-error.ts';
import { KnowledgeError } from '../../../knowledge/index.ts';
import { WebChatError } from '../../../web-chat/index.ts';

describe('userFacingError: the one error → user text mapping every channel uses', () => {
  it('every layer’s error extends the one coded root, keeping its cause', () => {
    const cause = new Error('disk full');
    for (const error of [
      new KnowledgeError('STORE_UNAVAILABLE', 'x', { cause }),
      new ChainError('MODEL_TIMEOUT', 'x', { cause }),
      new AuditError('STORE_UNAVAILABLE', 'x', { cause }),
      new CoreError('UNAVAILABLE', 'x', { cause }),
      new WebChatError('INTERNAL', 'x', { cause }),
    ]) {
      expect(error).toBeInstanceOf(AdvisorError);
      expect(error.cause).toBe(cause);
    }
  });

  it.each([
    [
      new CoreError('NOT_AUTHORISED', 'You are not allowed to ask about customer C-000003.'),
      'NOT_AUTHORISED',
      'You are not allowed to ask about customer C-000003.',
    ],
    [
      new CoreError('NOT_FOUND', 'There is no customer C-999999 in the store.'),
      'NOT_FOUND',
      'There is no customer C-999999 in the store.',
    ],
    [new AuditError('UNKNOWN_TURN', 'no turn 9'), 'NOT_FOUND', 'no turn 9'],
    [
      new ChainError('MODEL_TIMEOUT', 'ollama at 10.0.0.5 timed out'),
      'UNAVAILABLE',
      'The assistant is unavailable right now; please try again later.',
    ],
    [
      new KnowledgeError('STORE_UNAVAILABLE', 'chroma at /srv/x'),
      'UNAVAILABLE',
      'The assistant is unavailable right now; please try again later.',
    ],
    [
      new AuditError('CORRUPT_RECORD', 'row 7 at /var/lib/audit.sqlite'),
      'INTERNAL',
      'Something went wrong on our side; please try again later.',
    ],
    [
      new Error('SQLITE_BUSY at /var/lib/audit.sqlite'),
      'INTERNAL',
      'Something went wrong on our side; please try again later.',
    ],
  ] as const)('%s → %s', (error, kind, text) => {
    expect(userFacingError(error)).toEqual({ kind, text });
  });
});

describe('TurnIdCodec: opaque turn ids', () => {
  it('round-trips any sequence number; consecutive turns get unrelated ids', () => {
    const ids = Array.from({ length: 200 }, (_, index) => new TurnIdCodec('key').encode(index + 1));
    expect(new Set(ids).size).toBe(200);
    expect([...ids].sort()).not.toEqual(ids);
    const codec = new TurnIdCodec('key');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (seq) => {
        const id = codec.encode(seq);
        expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
        expect(codec.decode(id)).toBe(seq);
      }),
    );
  });

  it('decodes nothing it did not issue: other keys, made-up and malformed ids', () => {
    const codec = new TurnIdCodec('key');
    expect(new TurnIdCodec('other key').decode(codec.encode(78))).toBeNull();
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(codec.decode(text)).toBeNull();
      }),
    );
    expect(codec.decode('AAAAAAAAAAAAAAAAAAAAAA')).toBeNull();
  });
});
