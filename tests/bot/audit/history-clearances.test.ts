import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  historyClearancesFile,
  openSqliteAuditStore,
  openSqliteHistoryClearances,
} from '../../../bot/audit/index.ts';
import { sampleTurn, scratchDirectory, steppingClock } from './audit-fixtures.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function scratch(): string {
  const { directory, dispose } = scratchDirectory();
  cleanups.push(dispose);
  return directory;
}

describe('history clearances (SQLite, beside the audit log)', () => {
  it('keeps the newest clearance per customer across a reopen, and other customers have none', async () => {
    const file = historyClearancesFile(path.join(scratch(), 'store', 'audit.sqlite'));
    expect(path.basename(file)).toBe('history-clearances.sqlite');
    const first = openSqliteHistoryClearances(file, { now: steppingClock() });
    await first.record({ customerId: 'C-000001', throughTurnSeq: 3 });
    await first.record({ customerId: 'C-000001', throughTurnSeq: 9 });
    await first.close();

    const reopened = openSqliteHistoryClearances(file);
    cleanups.push(() => reopened.close());
    expect(await reopened.latest('C-000001')).toEqual({
      customerId: 'C-000001',
      throughTurnSeq: 9,
      clearedAt: '2025-03-01T09:00:01.000Z',
    });
    expect(await reopened.latest('C-000002')).toBeNull();
  });

  it('is append-only: an UPDATE or DELETE of a clearance is refused by the database', async () => {
    const file = path.join(scratch(), 'history-clearances.sqlite');
    const clearances = openSqliteHistoryClearances(file);
    await clearances.record({ customerId: 'C-000001', throughTurnSeq: 1 });
    await clearances.close();
    const raw = new Database(file);
    cleanups.push(() => {
      raw.close();
    });
    expect(() => raw.exec('DELETE FROM history_clearances')).toThrow('history clearances are append-only');
    expect(() => raw.exec('UPDATE history_clearances SET through_turn_seq = 0')).toThrow(
      'history clearances are append-only',
    );
  });
});

describe('audit turn filters used by customer history', () => {
  it('selects by actor and after a sequence number, and `latest` keeps the newest turns in ascending order', async () => {
    const audit = openSqliteAuditStore(path.join(scratch(), 'audit.sqlite'), { now: steppingClock() });
    cleanups.push(() => audit.close());
    for (const [index, actor] of ['C-000001', 'C-000002', 'C-000001', 'C-000001', 'C-000001'].entries()) {
      await audit.append(
        sampleTurn({
          actor: { id: actor, role: 'customer' },
          customerId: actor,
          question: `question ${index + 1}`,
        }),
      );
    }
    const questions = async (filter: Parameters<typeof audit.turns>[0]) =>
      (await audit.turns(filter)).map((turn) => turn.question);
    expect(await questions({ actorId: 'C-000001' })).toEqual([
      'question 1',
      'question 3',
      'question 4',
      'question 5',
    ]);
    expect(await questions({ actorId: 'C-000001', latest: 2 })).toEqual(['question 4', 'question 5']);
    expect(await questions({ actorId: 'C-000001', afterSeq: 3 })).toEqual(['question 4', 'question 5']);
    await expect(audit.turns({ limit: 1, latest: 1 })).rejects.toThrow(
      'latest: give limit or latest, not both',
    );
  });
});
