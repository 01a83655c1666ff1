import type { Database } from 'better-sqlite3';
import { parseAuditInput } from './audit-record.ts';
import {
  FEEDBACK_COLUMNS,
  type FeedbackRow,
  rowToFeedback,
  rowToTurn,
  TURN_COLUMNS,
  type TurnRow,
} from './audit-rows.ts';
import { type AuditTable, type ChainBreakReason, VerifyOptions, type VerifyResult } from './audit-store.ts';
import { type ChainHead, chainHash, GENESIS_HASH } from './hash-chain.ts';

type ChainWalk =
  | { ok: true; count: number; head: ChainHead | null }
  | { ok: false; table: AuditTable; seq: number; reason: ChainBreakReason };

/**
 * Re-hashes both chains of an audit database in seq order, inside one read transaction, and reports the
 * first break; with expected heads it also detects a truncated tail.
 * @example verifyAuditChain(database, { head: { seq: 1200, hash: publishedHash } })
 */
export function verifyAuditChain(database: Database, options: VerifyOptions = {}): VerifyResult {
  const expected = parseAuditInput(VerifyOptions, options, 'head');
  return database
    .transaction((): VerifyResult => {
      const turns = walkChain(database, 'audit_turns', TURN_COLUMNS, rowToTurn, expected.head);
      if (!turns.ok) return turns;
      const feedback = walkChain(
        database,
        'audit_feedback',
        FEEDBACK_COLUMNS,
        rowToFeedback,
        expected.feedbackHead,
      );
      if (!feedback.ok) return feedback;
      return {
        ok: true,
        turns: turns.count,
        feedback: feedback.count,
        head: turns.head,
        feedbackHead: feedback.head,
      };
    })
    .deferred();
}

function walkChain<Row extends TurnRow | FeedbackRow>(
  database: Database,
  table: AuditTable,
  columns: readonly string[],
  toRecord: (row: Row) => Record<string, unknown>,
  expectedHead: ChainHead | undefined,
): ChainWalk {
  const broken = (seq: number, reason: ChainBreakReason): ChainWalk => ({ ok: false, table, seq, reason });
  const rows = database.prepare<[], Row>(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY seq`).iterate();
  let head: ChainHead | null = null;
  for (const row of rows) {
    const expectedSeq: number = (head?.seq ?? 0) + 1;
    // A missing record is reported at the first seq that is missing.
    if (row.seq !== expectedSeq) return broken(expectedSeq, 'sequence_gap');
    if (!sealsItself(row, toRecord)) return broken(row.seq, 'hash_mismatch');
    if (row.prev_hash !== (head?.hash ?? GENESIS_HASH)) return broken(row.seq, 'broken_link');
    if (expectedHead?.seq === row.seq && expectedHead.hash !== row.hash)
      return broken(row.seq, 'head_mismatch');
    head = { seq: row.seq, hash: row.hash };
  }
  if (expectedHead && expectedHead.seq > (head?.seq ?? 0)) return broken(expectedHead.seq, 'head_mismatch');
  return { ok: true, count: head?.seq ?? 0, head };
}

/** Whether the row's stored hash is the hash of what the row holds; unreadable content counts as no. */
function sealsItself<Row extends TurnRow | FeedbackRow>(
  row: Row,
  toRecord: (row: Row) => Record<string, unknown>,
): boolean {
  try {
    const { hash, prevHash, ...content } = toRecord(row);
    if (typeof prevHash !== 'string' || typeof hash !== 'string') return false;
    return chainHash({ ...content, prevHash }) === hash;
  } catch {
    return false;
  }
}
