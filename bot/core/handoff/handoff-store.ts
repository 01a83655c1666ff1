import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CoreError } from '../core-error.ts';
import { Handoff } from './handoff.ts';

/** What closing a handoff writes; applied only while it is still pending. */
export type HandoffClosing = Pick<Handoff, 'status' | 'message' | 'advisor' | 'deliveredSeq' | 'closedAt'>;

/** Where open and closed handoffs are kept, so a restart neither forgets a waiting customer nor re-sends an answer. */
export interface HandoffStore {
  insert(handoff: Handoff): Promise<void>;
  get(id: string): Promise<Handoff | null>;
  /** The customer's newest handoff, or null. */
  latestFor(customerId: string): Promise<Handoff | null>;
  /** Pending handoffs whose `expiresAt` is at or before `instant` (ISO). */
  pendingDueBy(instant: string): Promise<Handoff[]>;
  /** Closes a pending handoff; false when it was no longer pending (someone else closed it first). */
  close(id: string, closing: HandoffClosing): Promise<boolean>;
  dispose(): Promise<void>;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS handoffs (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  status TEXT NOT NULL,
  body TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS handoffs_customer ON handoffs (customer_id, opened_at);
CREATE INDEX IF NOT EXISTS handoffs_pending ON handoffs (status, expires_at);
`;

interface HandoffRow {
  body: string;
}

/**
 * A small SQLite table beside the audit log (its own file: the audit log is append-only and hash-chained, while a
 * handoff's status changes). The audit log stays the record of what was said; this only tracks who must answer.
 * @example const store = openSqliteHandoffStore('.store/handoffs.sqlite');
 */
export function openSqliteHandoffStore(file: string): HandoffStore {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let database: Database.Database;
  try {
    database = new Database(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.exec(SCHEMA);
  } catch (error) {
    throw new CoreError('UNAVAILABLE', `cannot open the handoff database ${file}`, { cause: error });
  }
  const statements = {
    insert: database.prepare(
      'INSERT INTO handoffs (id, customer_id, opened_at, expires_at, status, body) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    get: database.prepare<[string], HandoffRow>('SELECT body FROM handoffs WHERE id = ?'),
    latest: database.prepare<[string], HandoffRow>(
      'SELECT body FROM handoffs WHERE customer_id = ? ORDER BY opened_at DESC, rowid DESC LIMIT 1',
    ),
    due: database.prepare<[string], HandoffRow>(
      "SELECT body FROM handoffs WHERE status = 'pending' AND expires_at <= ? ORDER BY expires_at",
    ),
    close: database.prepare<[string, string, string]>(
      "UPDATE handoffs SET status = ?, body = ? WHERE id = ? AND status = 'pending'",
    ),
  };
  const read = (row: HandoffRow | undefined): Handoff | null => {
    if (!row) return null;
    const parsed = Handoff.safeParse(JSON.parse(row.body));
    if (!parsed.success) {
      throw new CoreError(
        'UNAVAILABLE',
        `a stored handoff no longer fits its schema: ${parsed.error.message}`,
        {
          cause: parsed.error,
        },
      );
    }
    return parsed.data;
  };
  return {
    async insert(handoff) {
      const valid = Handoff.parse(handoff);
      statements.insert.run(
        valid.id,
        valid.customerId,
        valid.openedAt,
        valid.expiresAt,
        valid.status,
        JSON.stringify(valid),
      );
    },
    async get(id) {
      return read(statements.get.get(id));
    },
    async latestFor(customerId) {
      return read(statements.latest.get(customerId));
    },
    async pendingDueBy(instant) {
      return statements.due
        .all(instant)
        .map(read)
        .filter((handoff): handoff is Handoff => handoff !== null);
    },
    async close(id, closing) {
      const current = read(statements.get.get(id));
      if (current?.status !== 'pending') return false;
      const closed = Handoff.parse({ ...current, ...closing });
      return statements.close.run(closed.status, JSON.stringify(closed), id).changes === 1;
    },
    async dispose() {
      if (database.open) database.close();
    },
  };
}
