import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteAuditStore } from '../../../bot/audit/index.ts';
import { sampleTurn, scratchDirectory, steppingClock } from './audit-fixtures.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

async function runVerify(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('npx', ['tsx', 'scripts/audit-verify.ts', ...args], {
      cwd: ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('scripts/audit-verify.ts', () => {
  const scratch = scratchDirectory();
  const good = path.join(scratch.directory, 'good.sqlite');
  const tampered = path.join(scratch.directory, 'tampered.sqlite');
  let head = '';

  beforeAll(async () => {
    for (const file of [good, tampered]) {
      const store = openSqliteAuditStore(file, { now: steppingClock() });
      for (let turn = 0; turn < 4; turn++) await store.append(sampleTurn({ threadId: `thread-${turn}` }));
      const last = await store.head();
      head = `${last?.seq}:${last?.hash}`;
      await store.close();
    }
    const raw = new Database(tampered);
    raw.exec('DROP TRIGGER audit_turns_no_update');
    raw.exec("UPDATE audit_turns SET question = 'Edited afterwards' WHERE seq = 3");
    raw.close();
  });
  afterAll(() => scratch.dispose());

  it('exits 0 and prints counts and head for an intact file', async () => {
    const result = await runVerify('--db', good, '--head', head);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('is intact');
    expect(result.stdout).toContain(`turns:    4  head ${head}`);
    expect(result.stdout).toContain('feedback: 0  head (empty)');
  });

  it('exits 1 and names the first broken seq for a tampered file', async () => {
    const result = await runVerify('--db', tampered);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('first break: audit_turns seq 3 — hash_mismatch');
  });

  it('exits 2 for a missing file or a malformed head', async () => {
    const missing = await runVerify('--db', path.join(scratch.directory, 'absent.sqlite'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no audit database at');
    const badHead = await runVerify('--db', good, '--head', '4:nothex');
    expect(badHead.code).toBe(2);
    expect(badHead.stderr).toContain('--head must be SEQ:HASH');
  });
});
