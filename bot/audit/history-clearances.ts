import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AuditError } from './audit-error.ts';

/**
 * One "delete my conversation": the customer's own view is cleared through this turn. The audit log itself keeps
 * every turn (it is append-only and hash-chained); only what the customer is shown back starts after the marker.
 */
export interface HistoryClearance {
  customerId: string;
  /** The audit log's newest turn when the customer cleared their view; their history shows only later turns. */
  throughTurnSeq: number;
  clearedAt: string;
}

/** Where clearance markers are kept: append-only, the newest per customer counts. */
export interface HistoryClearances {
  record(clearance: Omit<HistoryClearance, 'clearedAt'>): Promise<HistoryClearance>;
  /** The customer's newest clearance, or null when they never cleared their view. */
  latest(customerId: string): Promise<HistoryClearance | null>;
  close(): Promise<void>;
}

/** The clearances database beside the audit log (`<audit dir>/history-clearances.sqlite`). */
export function historyClearancesFile(auditDb: string): string {
  return path.join(path.dirname(auditDb), 'history-clearances.sqlite');
}

// A separate small file, not a table in the audit database: the audit file's schema and hash chains stay exactly
// what `audit:verify` checks, and losing this file only brings old turns back into a customer's view.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS history_clearances (
  seq INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL,
  through_turn_seq INTEGER NOT NULL,
  cleared_at TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS history_clearances_customer ON history_clearances (customer_id, seq);
CREATE TRIGGER IF NOT EXISTS history_clearances_no_update BEFORE UPDATE ON history_clearances
BEGIN SELECT RAISE(ABORT, 'history clearances are append-only'); END;
CREATE TRIGGER IF NOT EXISTS history_clearances_no_delete BEFORE DELETE ON history_clearances
BEGIN SELECT RAISE(ABORT, 'history clearances are append-only'); END;
`;

interface ClearanceRow {
  customer_id: string;
  through_turn_seq: number;
  cleared_at: string;
}

/**
 * Opens (creating if needed) the clearances database, durable like the audit log (WAL, synchronous=FULL).
 * @example const clearances = openSqliteHistoryClearances(historyClearancesFile(config.auditDb));
 */
export function openSqliteHistoryClearances(
  file: string,
  options: { now?: () => Date } = {},
): HistoryClearances {
  const now = options.now ?? (() => new Date());
  let database: Database.Database;
  try {
    if (!existsSync(path.dirname(path.resolve(file))))
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    database = new Database(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.exec(SCHEMA);
  } catch (error) {
    throw new AuditError('STORE_UNAVAILABLE', `cannot open history clearances database ${file}`, {
      cause: error,
    });
  }
  const insert = database.prepare<[ClearanceRow]>(
    'INSERT INTO history_clearances (customer_id, through_turn_seq, cleared_at) VALUES (@customer_id, @through_turn_seq, @cleared_at)',
  );
  const newest = database.prepare<[string], ClearanceRow>(
    'SELECT customer_id, through_turn_seq, cleared_at FROM history_clearances WHERE customer_id = ? ORDER BY seq DESC LIMIT 1',
  );
  const guarded = <Result>(operation: () => Result): Result => {
    if (!database.open) throw new AuditError('STORE_UNAVAILABLE', `history clearances ${file} are closed`);
    try {
      return operation();
    } catch (error) {
      throw new AuditError('STORE_UNAVAILABLE', `could not use history clearances ${file}`, { cause: error });
    }
  };
  return {
    async record(clearance) {
      const clearedAt = now().toISOString();
      guarded(() =>
        insert.run({
          customer_id: clearance.customerId,
          through_turn_seq: clearance.throughTurnSeq,
          cleared_at: clearedAt,
        }),
      );
      return { ...clearance, clearedAt };
    },
    async latest(customerId) {
      const row = guarded(() => newest.get(customerId));
      return row
        ? { customerId: row.customer_id, throughTurnSeq: row.through_turn_seq, clearedAt: row.cleared_at }
        : null;
    },
    async close() {
      if (database.open) database.close();
    },
  };
}

/** Clearances kept in memory only (tests, and cores built without a store folder): lost on restart. */
export function inMemoryHistoryClearances(now: () => Date = () => new Date()): HistoryClearances {
  const byCustomer = new Map<string, HistoryClearance>();
  return {
    async record(clearance) {
      const stored = { ...clearance, clearedAt: now().toISOString() };
      byCustomer.set(clearance.customerId, stored);
      return stored;
    },
    async latest(customerId) {
      return byCustomer.get(customerId) ?? null;
    },
    async close() {},
  };
}
