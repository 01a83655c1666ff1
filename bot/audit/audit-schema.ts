import type { Database } from 'better-sqlite3';
import { AuditError } from './audit-error.ts';

/** The on-disk layout version, kept in SQLite's `user_version`; bump it with a migration. */
export const AUDIT_SCHEMA_VERSION = 5;

const APPEND_ONLY = 'audit log is append-only';

// STRICT tables so a value of the wrong type cannot be stored by accident; nested lists are canonical JSON.
// Statements are idempotent: re-running them on open restores a trigger someone dropped.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_turns (
  seq INTEGER PRIMARY KEY,
  recorded_at TEXT NOT NULL,
  channel TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  customer_id TEXT,
  thread_id TEXT NOT NULL,
  question TEXT NOT NULL,
  reply TEXT NOT NULL,
  retrieved_doc_ids TEXT NOT NULL,
  recommendations TEXT NOT NULL,
  provider_name TEXT NOT NULL,
  provider_model TEXT NOT NULL,
  validator_ok INTEGER NOT NULL,
  validator_issues TEXT NOT NULL,
  validator_repaired INTEGER NOT NULL,
  validator_fell_back INTEGER NOT NULL,
  bias_flagged INTEGER NOT NULL,
  bias_reasons TEXT NOT NULL,
  latency_ms REAL NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  intent TEXT,
  intent_confidence REAL,
  stage TEXT,
  opening_seq INTEGER,
  author TEXT,
  reply_language TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS audit_turns_customer ON audit_turns (customer_id, seq);
CREATE INDEX IF NOT EXISTS audit_turns_recorded_at ON audit_turns (recorded_at);
CREATE INDEX IF NOT EXISTS audit_turns_actor ON audit_turns (actor_id, seq);

CREATE TABLE IF NOT EXISTS audit_feedback (
  seq INTEGER PRIMARY KEY,
  recorded_at TEXT NOT NULL,
  turn_seq INTEGER NOT NULL REFERENCES audit_turns (seq),
  actor_id TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  rating TEXT,
  product_id TEXT,
  accepted INTEGER,
  channel TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS audit_feedback_turn ON audit_feedback (turn_seq);
CREATE INDEX IF NOT EXISTS audit_feedback_recorded_at ON audit_feedback (recorded_at);

CREATE TRIGGER IF NOT EXISTS audit_turns_no_update BEFORE UPDATE ON audit_turns
BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY}'); END;
CREATE TRIGGER IF NOT EXISTS audit_turns_no_delete BEFORE DELETE ON audit_turns
BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY}'); END;
CREATE TRIGGER IF NOT EXISTS audit_feedback_no_update BEFORE UPDATE ON audit_feedback
BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY}'); END;
CREATE TRIGGER IF NOT EXISTS audit_feedback_no_delete BEFORE DELETE ON audit_feedback
BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY}'); END;
`;

const OWN_TABLES = new Set(['audit_turns', 'audit_feedback']);

/**
 * Creates or checks the audit tables; refuses a newer schema version and a file that holds someone
 * else's tables. Read-only connections only check.
 */
export function prepareAuditSchema(database: Database, file: string, readonly: boolean): void {
  const check = (): number => {
    const version = Number(database.pragma('user_version', { simple: true }));
    if (version > AUDIT_SCHEMA_VERSION) {
      throw new AuditError(
        'UNSUPPORTED_SCHEMA',
        `${file} has audit schema version ${version}, but this build understands versions up to ` +
          `${AUDIT_SCHEMA_VERSION}; run a newer build rather than risk writing an older layout into it`,
      );
    }
    if (version === 0) {
      const tables = database
        .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .all()
        .map((row) => row.name)
        .filter((table) => !OWN_TABLES.has(table) && !table.startsWith('sqlite_'));
      if (tables.length > 0 || readonly) {
        const found = tables.length > 0 ? `it holds other tables (${tables.join(', ')})` : 'it is empty';
        throw new AuditError('UNSUPPORTED_SCHEMA', `${file} is not an audit database: ${found}`);
      }
    }
    return version;
  };
  if (readonly) {
    check();
    return;
  }
  // IMMEDIATE so two processes opening a fresh file cannot both create the schema half-way.
  database
    .transaction(() => {
      const version = check();
      // Version 1 → 2: the understanding's intent and confidence (NULL on older turns, whose hashes never held them).
      if (version === 1) {
        database.exec(
          'ALTER TABLE audit_turns ADD COLUMN intent TEXT; ALTER TABLE audit_turns ADD COLUMN intent_confidence REAL;',
        );
      }
      // Version 2 → 3: streamed turns' opening/final stage (NULL on turns recorded whole).
      if (version === 1 || version === 2) {
        database.exec(
          'ALTER TABLE audit_turns ADD COLUMN stage TEXT; ALTER TABLE audit_turns ADD COLUMN opening_seq INTEGER;',
        );
      }
      // Version 3 → 4: who wrote a delivered message (NULL = the assistant, as on every older turn).
      if (version >= 1 && version <= 3) database.exec('ALTER TABLE audit_turns ADD COLUMN author TEXT;');
      // Version 4 → 5: the language the reply was written in (NULL on older turns, whose hashes never held it).
      if (version >= 1 && version <= 4)
        database.exec('ALTER TABLE audit_turns ADD COLUMN reply_language TEXT;');
      database.exec(SCHEMA);
      database.pragma(`user_version = ${AUDIT_SCHEMA_VERSION}`);
    })
    .immediate();
}
