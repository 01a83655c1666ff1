import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AuditError,
  AuditInputError,
  type AuditRecord,
  canonicalJson,
  GENESIS_HASH,
  openSqliteAuditStore,
  type SqliteAuditStore,
  unfinishedTurns,
} from '../../../bot/audit/index.ts';
import { sampleFeedback, sampleTurn, scratchDirectory, steppingClock } from './audit-fixtures.ts';

/** The chain hash computed here from the spec, not with the store's own helper. */
function expectedHash(record: AuditRecord): string {
  const { hash: _hash, ...sealed } = record;
  return createHash('sha256')
    .update(sealed.prevHash + canonicalJson(sealed))
    .digest('hex');
}

/** A raw connection with the append-only triggers removed, as an attacker with file access would do. */
function tamper(file: string, statement: string): void {
  const raw = new Database(file);
  try {
    raw.pragma('foreign_keys = OFF');
    for (const table of ['audit_turns', 'audit_feedback']) {
      raw.exec(`DROP TRIGGER IF EXISTS ${table}_no_update; DROP TRIGGER IF EXISTS ${table}_no_delete;`);
    }
    raw.exec(statement);
  } finally {
    raw.close();
  }
}

function countRows(file: string, table: string): number {
  const raw = new Database(file, { readonly: true });
  try {
    return (raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    raw.close();
  }
}

describe('openSqliteAuditStore', () => {
  let scratch: ReturnType<typeof scratchDirectory>;
  let file: string;
  let store: SqliteAuditStore;
  let records: AuditRecord[];

  beforeEach(async () => {
    scratch = scratchDirectory();
    file = path.join(scratch.directory, 'nested', 'audit.sqlite');
    store = openSqliteAuditStore(file, { now: steppingClock() });
    records = [];
    for (const question of ['What is an ISA?', 'Should I overpay my mortgage?', 'Is a fund risky?']) {
      records.push(await store.append(sampleTurn({ question })));
    }
  });
  afterEach(async () => {
    await store.close();
    scratch.dispose();
  });

  it('chains three turns from the genesis hash with hashes anyone can recompute', async () => {
    expect(records.map((record) => record.seq)).toEqual([1, 2, 3]);
    expect(records[0]?.prevHash).toBe(GENESIS_HASH);
    expect(records[1]?.prevHash).toBe(records[0]?.hash);
    expect(records[2]?.prevHash).toBe(records[1]?.hash);
    for (const record of records) expect(record.hash).toBe(expectedHash(record));

    const result = await store.verify();
    expect(result).toEqual({
      ok: true,
      turns: 3,
      feedback: 0,
      head: { seq: 3, hash: expectedHash(records[2] as AuditRecord) },
      feedbackHead: null,
    });
    expect(await store.head()).toEqual({ seq: 3, hash: records[2]?.hash });
  });

  it('stamps recordedAt from the injected clock and reads back exactly what append returned', async () => {
    expect(records.map((record) => record.recordedAt)).toEqual([
      '2025-03-01T09:00:00.000Z',
      '2025-03-01T09:00:01.000Z',
      '2025-03-01T09:00:02.000Z',
    ]);
    expect(await store.turns()).toEqual(records);
    expect(await store.turns({ since: '2025-03-01T10:00:01+01:00', limit: 1 })).toEqual([records[1]]);
    await store.append(sampleTurn({ customerId: 'C-000099' }));
    expect((await store.turns({ customerId: 'C-000099' })).map((record) => record.seq)).toEqual([4]);
  });

  it("stores the understanding's intent and confidence, reads them back and verifies them in the hash", async () => {
    const understood = await store.append(
      sampleTurn({ understanding: { intent: 'card_arrival', confidence: 0.93 } }),
    );
    expect(understood.understanding).toEqual({ intent: 'card_arrival', confidence: 0.93 });
    expect(understood.hash).toBe(expectedHash(understood));
    expect((await store.turns()).at(-1)).toEqual(understood);
    expect(await store.verify()).toMatchObject({ ok: true, turns: 4 });
    await store.close();
    const raw = new Database(file);
    raw.exec(
      "DROP TRIGGER audit_turns_no_update; UPDATE audit_turns SET intent = 'lost_or_stolen_card' WHERE seq = 4",
    );
    raw.close();
    store = openSqliteAuditStore(file);
    expect(await store.verify()).toMatchObject({ ok: false, seq: 4, reason: 'hash_mismatch' });
  });

  it('migrates a version-1 file (no intent columns): its turns still verify and new turns carry the intent', async () => {
    await store.close();
    const raw = new Database(file);
    raw.exec(
      'ALTER TABLE audit_turns DROP COLUMN intent; ALTER TABLE audit_turns DROP COLUMN intent_confidence; ' +
        'ALTER TABLE audit_turns DROP COLUMN stage; ALTER TABLE audit_turns DROP COLUMN opening_seq; ' +
        'ALTER TABLE audit_turns DROP COLUMN author; ALTER TABLE audit_turns DROP COLUMN reply_language',
    );
    raw.pragma('user_version = 1');
    raw.close();
    store = openSqliteAuditStore(file);
    const next = await store.append(sampleTurn({ understanding: { intent: 'complaint', confidence: 1 } }));
    expect(next.seq).toBe(4);
    expect(await store.verify()).toMatchObject({ ok: true, turns: 4 });
    expect((await store.turns()).map((record) => record.understanding?.intent ?? null)).toEqual([
      null,
      null,
      null,
      'complaint',
    ]);
  });

  it('migrates a version-2 file (no stage columns): old turns verify, streamed turns record opening and final', async () => {
    await store.close();
    const raw = new Database(file);
    raw.exec(
      'ALTER TABLE audit_turns DROP COLUMN stage; ALTER TABLE audit_turns DROP COLUMN opening_seq; ' +
        'ALTER TABLE audit_turns DROP COLUMN author; ALTER TABLE audit_turns DROP COLUMN reply_language',
    );
    raw.pragma('user_version = 2');
    raw.close();
    store = openSqliteAuditStore(file);
    const opening = await store.append(sampleTurn({ reply: 'First sentence. ', stage: { kind: 'opening' } }));
    const final = await store.append(
      sampleTurn({ reply: 'First sentence. Second.', stage: { kind: 'final', openingSeq: opening.seq } }),
    );
    const unfinished = await store.append(sampleTurn({ stage: { kind: 'opening' } }));
    expect(await store.verify()).toMatchObject({ ok: true, turns: 6 });
    // By default a turn counts once: openings are left out.
    expect((await store.turns()).map((record) => record.seq)).toEqual([1, 2, 3, 5]);
    const everything = await store.turns({ openings: true });
    expect(everything.map((record) => record.stage ?? null)).toEqual([
      null,
      null,
      null,
      { kind: 'opening' },
      { kind: 'final', openingSeq: 4 },
      { kind: 'opening' },
    ]);
    expect(everything.at(4)).toEqual(final);
    expect(unfinishedTurns(everything).map((record) => record.seq)).toEqual([unfinished.seq]);
    await store.close();
    tamper(file, 'UPDATE audit_turns SET opening_seq = 6 WHERE seq = 5');
    store = openSqliteAuditStore(file);
    expect(await store.verify()).toMatchObject({ ok: false, seq: 5, reason: 'hash_mismatch' });
  });

  it('migrates a version-3 file (no author column): old turns verify, advisor-written turns carry their author', async () => {
    await store.close();
    const raw = new Database(file);
    raw.exec(
      'ALTER TABLE audit_turns DROP COLUMN author; ALTER TABLE audit_turns DROP COLUMN reply_language',
    );
    raw.pragma('user_version = 3');
    raw.close();
    store = openSqliteAuditStore(file);
    await store.append(sampleTurn({ reply: 'Approved draft.', author: 'assistant' }));
    await store.append(sampleTurn({ reply: 'Edited by the adviser.', author: 'advisor_edited' }));
    expect(await store.verify()).toMatchObject({ ok: true, turns: 5 });
    expect((await store.turns()).map((record) => record.author ?? null)).toEqual([
      null,
      null,
      null,
      'assistant',
      'advisor_edited',
    ]);
    await store.close();
    tamper(file, "UPDATE audit_turns SET author = 'advisor' WHERE seq = 5");
    store = openSqliteAuditStore(file);
    expect(await store.verify()).toMatchObject({ ok: false, seq: 5, reason: 'hash_mismatch' });
  });

  it('migrates a version-4 file (no reply language): old turns verify, new turns keep their reply language', async () => {
    await store.close();
    const raw = new Database(file);
    raw.exec('ALTER TABLE audit_turns DROP COLUMN reply_language');
    raw.pragma('user_version = 4');
    raw.close();
    store = openSqliteAuditStore(file);
    await store.append(
      sampleTurn({ reply: 'Im Juni 2026 haben Sie nichts ausgegeben.', replyLanguage: 'de' }),
    );
    expect(await store.verify()).toMatchObject({ ok: true, turns: 4 });
    expect((await store.turns()).map((record) => record.replyLanguage ?? null)).toEqual([
      null,
      null,
      null,
      'de',
    ]);
    await store.close();
    tamper(file, "UPDATE audit_turns SET reply_language = 'es' WHERE seq = 4");
    store = openSqliteAuditStore(file);
    expect(await store.verify()).toMatchObject({ ok: false, seq: 4, reason: 'hash_mismatch' });
  });

  it('refuses a reply language it does not write', async () => {
    await expect(store.append(sampleTurn({ replyLanguage: 'fr' as 'en' }))).rejects.toThrow(/replyLanguage/);
  });

  it('runs with WAL, synchronous=FULL and foreign keys on', () => {
    expect(store.connectionSettings()).toEqual({
      journalMode: 'wal',
      synchronous: 'full',
      foreignKeys: true,
    });
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(5);
    raw.close();
  });

  it('refuses UPDATE and DELETE through SQL', () => {
    const raw = new Database(file);
    try {
      expect(() => raw.prepare("UPDATE audit_turns SET reply = 'edited' WHERE seq = 2").run()).toThrow(
        'audit log is append-only',
      );
      expect(() => raw.prepare('DELETE FROM audit_turns WHERE seq = 3').run()).toThrow(
        'audit log is append-only',
      );
    } finally {
      raw.close();
    }
    expect(countRows(file, 'audit_turns')).toBe(3);
  });

  it('detects an edited reply as a hash mismatch at that row', async () => {
    await store.close();
    tamper(file, "UPDATE audit_turns SET reply = 'Buy crypto now.' WHERE seq = 2");
    store = openSqliteAuditStore(file);
    expect(await store.verify()).toEqual({
      ok: false,
      table: 'audit_turns',
      seq: 2,
      reason: 'hash_mismatch',
    });
  });

  it('detects a deleted middle row at the missing seq', async () => {
    tamper(file, 'DELETE FROM audit_turns WHERE seq = 2');
    expect(await store.verify()).toEqual({ ok: false, table: 'audit_turns', seq: 2, reason: 'sequence_gap' });
  });

  it('detects a row replaced by a self-consistent forgery as a broken link', async () => {
    const forged = { ...records[1], reply: 'Forged.', prevHash: 'f'.repeat(64) } as AuditRecord;
    const forgedHash = expectedHash(forged);
    tamper(
      file,
      `UPDATE audit_turns SET reply = 'Forged.', prev_hash = '${'f'.repeat(64)}', hash = '${forgedHash}' WHERE seq = 2`,
    );
    expect(await store.verify()).toEqual({ ok: false, table: 'audit_turns', seq: 2, reason: 'broken_link' });
  });

  it('catches a truncated tail only against a published head', async () => {
    const published = await store.head();
    tamper(file, 'DELETE FROM audit_turns WHERE seq = 3');
    const unanchored = await store.verify();
    expect(unanchored).toMatchObject({ ok: true, turns: 2, head: { seq: 2, hash: records[1]?.hash } });
    expect(await store.verify({ head: published ?? undefined })).toEqual({
      ok: false,
      table: 'audit_turns',
      seq: 3,
      reason: 'head_mismatch',
    });
    // An older published head is still contained, so it passes.
    expect(await store.verify({ head: { seq: 1, hash: records[0]?.hash as string } })).toMatchObject({
      ok: true,
    });
  });

  it('continues the chain after the file is reopened', async () => {
    await store.close();
    store = openSqliteAuditStore(file, { now: () => new Date('2025-03-02T00:00:00.000Z') });
    const fourth = await store.append(sampleTurn());
    expect(fourth).toMatchObject({
      seq: 4,
      prevHash: records[2]?.hash,
      recordedAt: '2025-03-02T00:00:00.000Z',
    });
    expect(fourth.hash).toBe(expectedHash(fourth));
    expect(await store.verify()).toMatchObject({ ok: true, turns: 4, head: { seq: 4, hash: fourth.hash } });
  });

  it('rejects invalid input naming the field, and writes nothing', async () => {
    const negative = store.append(sampleTurn({ latencyMs: -1 }));
    await expect(negative).rejects.toThrow(AuditInputError);
    await expect(negative).rejects.toThrow(/latencyMs: must be at least 0/);
    const { question: _question, ...withoutQuestion } = sampleTurn();
    const missing = store.append(withoutQuestion as never);
    await expect(missing).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ field: 'question', reason: expect.stringMatching(/expected string/) }],
    });
    const nested = store.append(
      sampleTurn({ recommendations: [{ productId: 'SAV-01', score: Number.NaN }] }),
    );
    await expect(nested).rejects.toThrow(/recommendations\[0\]\.score/);
    expect(countRows(file, 'audit_turns')).toBe(3);
    expect(await store.head()).toEqual({ seq: 3, hash: records[2]?.hash });
  });

  it('concurrent appends share one commit yet each gets its own seq, in submission order, on one verified chain', async () => {
    const questions = ['Q one?', 'Q two?', 'Q three?', 'Q four?'];
    const pending = questions.map((question) => store.append(sampleTurn({ question })));
    // Nothing is written until the batch commits; a read commits it first, so it never misses a submitted turn.
    expect(countRows(file, 'audit_turns')).toBe(3);
    const appended = await Promise.all(pending);
    expect(appended.map((record) => [record.seq, record.question])).toEqual([
      [4, 'Q one?'],
      [5, 'Q two?'],
      [6, 'Q three?'],
      [7, 'Q four?'],
    ]);
    expect(appended[0]?.prevHash).toBe(records[2]?.hash);
    for (const [index, record] of appended.entries()) {
      expect(record.hash).toBe(expectedHash(record));
      if (index > 0) expect(record.prevHash).toBe(appended[index - 1]?.hash);
    }
    expect(countRows(file, 'audit_turns')).toBe(7);
    expect(await store.verify()).toMatchObject({ ok: true, turns: 7 });
  });

  it('a read right after an un-awaited append already sees the turn', async () => {
    const pending = store.append(sampleTurn({ question: 'Read my write?' }));
    const turns = await store.turns({});
    expect(turns.map((turn) => turn.question).at(-1)).toBe('Read my write?');
    expect((await pending).seq).toBe(4);
  });

  it('chains feedback separately and rejects feedback on an unknown turn', async () => {
    const first = await store.appendFeedback(sampleFeedback(2));
    const second = await store.appendFeedback(sampleFeedback(3, { rating: 'down', accepted: false }));
    expect(first).toMatchObject({
      seq: 1,
      turnSeq: 2,
      prevHash: GENESIS_HASH,
      recordedAt: '2025-03-01T09:00:03.000Z',
    });
    expect(second.prevHash).toBe(first.hash);
    expect(await store.feedback({ turnSeq: 3 })).toEqual([second]);
    expect(await store.feedback({ customerId: 'C-000017' })).toEqual([first, second]);

    const unknown = store.appendFeedback(sampleFeedback(42));
    await expect(unknown).rejects.toBeInstanceOf(AuditError);
    await expect(unknown).rejects.toMatchObject({ code: 'UNKNOWN_TURN' });
    await expect(unknown).rejects.toThrow(
      'feedback refers to turn 42, which is not in the audit log (turns run from 1 to 3)',
    );
    expect(countRows(file, 'audit_feedback')).toBe(2);
    expect(await store.verify()).toMatchObject({
      ok: true,
      turns: 3,
      feedback: 2,
      feedbackHead: { seq: 2, hash: second.hash },
    });

    tamper(file, "UPDATE audit_feedback SET rating = 'up' WHERE seq = 2");
    expect(await store.verify()).toEqual({
      ok: false,
      table: 'audit_feedback',
      seq: 2,
      reason: 'hash_mismatch',
    });
  });

  it('refuses a database written by a newer schema version', async () => {
    await store.close();
    const raw = new Database(file);
    raw.pragma('user_version = 6');
    raw.close();
    expect(() => openSqliteAuditStore(file)).toThrow(
      /schema version 6, but this build understands versions up to 5/,
    );
    expect(() =>
      openSqliteAuditStore(path.join(scratch.directory, 'absent.sqlite'), { readonly: true }),
    ).toThrow(expect.objectContaining({ code: 'MISSING_FILE' }));
    store = openSqliteAuditStore(path.join(scratch.directory, 'other.sqlite'));
  });

  it('stores and verifies any text the channels may send, lone surrogates included (property)', async () => {
    const anyText = fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    });
    await fc.assert(
      fc.asyncProperty(
        anyText.filter((text) => text.length > 0),
        anyText,
        async (question, reply) => {
          const record = await store.append(sampleTurn({ question, reply }));
          const [readBack] = await store.turns({ since: record.recordedAt, limit: 1 });
          expect(readBack).toEqual(record);
        },
      ),
      { numRuns: 60 },
    );
    expect(await store.verify()).toMatchObject({ ok: true, turns: 63 });
  });
});
