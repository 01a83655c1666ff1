import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  JOURNAL_SIZE_LIMIT_BYTES,
  openSqliteAuditStore,
  PROBE_BYTES,
  probeAuditWritable,
} from '../../../bot/audit/index.ts';
import { sampleTurn } from './audit-fixtures.ts';

describe('audit log WAL bounds and writability probe (real SQLite, real files)', () => {
  let directory: string | undefined;
  afterEach(() => {
    if (directory) rmSync(directory, { recursive: true, force: true });
    directory = undefined;
  });

  it('keeps the WAL near 1 MiB while the database grows well past it, and every record still verifies', async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'audit-wal-'));
    const file = path.join(directory, 'audit.sqlite');
    const store = openSqliteAuditStore(file);
    const reply = 'A long validated reply. '.repeat(100);
    let largestWal = 0;
    // 30 rounds of 50 concurrent turns (one group commit each), as a busy server appends them.
    for (let round = 0; round < 30; round++) {
      await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          store.append(sampleTurn({ question: `Question ${round}.${index}?`, reply })),
        ),
      );
      largestWal = Math.max(largestWal, statSync(`${file}-wal`).size);
    }
    expect(await store.verify()).toMatchObject({ ok: true, turns: 1500 });
    await store.close();
    // SQLite's defaults (checkpoint at 1000 pages, no size limit) would let the WAL grow to ~4 MiB and stay there.
    expect(statSync(file).size).toBeGreaterThan(3 * JOURNAL_SIZE_LIMIT_BYTES);
    // 1 MiB, plus at most the batch that crossed the checkpoint threshold (50 turns, ~150 KiB here).
    expect(largestWal).toBeLessThanOrEqual(1.5 * JOURNAL_SIZE_LIMIT_BYTES);
  });

  it('the writability probe writes beside the database, leaves nothing behind, and names why it cannot', async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'audit-probe-'));
    const file = path.join(directory, 'audit.sqlite');
    expect(await probeAuditWritable(file)).toEqual({ ok: true });
    expect(() => statSync(`${file}.probe`)).toThrow(/ENOENT/);
    expect(PROBE_BYTES).toBe(65_536);
    expect(await probeAuditWritable(path.join(directory, 'missing', 'audit.sqlite'))).toEqual({
      ok: false,
      reason: `cannot write beside ${path.join(directory, 'missing', 'audit.sqlite')} (ENOENT)`,
    });
  });
});
