import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { z } from 'zod';
import { AuditError } from './audit-error.ts';
import {
  AuditRecord,
  AuditTurnInput,
  FeedbackInput,
  FeedbackRecord,
  parseAuditInput,
} from './audit-record.ts';
import {
  FEEDBACK_COLUMNS,
  type FeedbackRow,
  feedbackToRow,
  rowToFeedback,
  rowToTurn,
  TURN_COLUMNS,
  type TurnRow,
  turnToRow,
} from './audit-rows.ts';
import { prepareAuditSchema } from './audit-schema.ts';
import { type AuditStore, FeedbackFilter, TurnFilter } from './audit-store.ts';
import { GroupCommit } from './group-commit.ts';
import { type ChainHead, chainHash, GENESIS_HASH } from './hash-chain.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

/** How to open the audit database. */
export interface SqliteAuditStoreOptions {
  /** The clock stamped into `recordedAt`; injected so tests are exact. */
  now?: () => Date;
  /** Open an existing file for reading and verification only; nothing is created or changed. */
  readonly?: boolean;
  /** How often the WAL is checkpointed into the database on a timer (default 30 s; 0 = never on a timer). */
  checkpointIntervalMs?: number;
}

/**
 * WAL size bounds: SQLite checkpoints by itself once the WAL holds this many pages (1 MiB at 4 KiB pages, instead
 * of the default 4 MiB), and a checkpointed WAL is truncated back to at most JOURNAL_SIZE_LIMIT_BYTES, so on a
 * small disk the WAL alone never fills it.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 256;
/** See WAL_AUTOCHECKPOINT_PAGES. */
export const JOURNAL_SIZE_LIMIT_BYTES = 1024 * 1024;
const DEFAULT_CHECKPOINT_INTERVAL_MS = 30_000;

/** The durability settings a connection actually runs with, read back from SQLite. */
export interface AuditConnectionSettings {
  journalMode: string;
  synchronous: 'off' | 'normal' | 'full' | 'extra';
  foreignKeys: boolean;
}

/** The SQLite audit store, plus what only a file-backed store can tell. */
export interface SqliteAuditStore extends AuditStore {
  readonly file: string;
  connectionSettings(): AuditConnectionSettings;
}

const SYNCHRONOUS_LEVELS = ['off', 'normal', 'full', 'extra'] as const;

/**
 * Opens (creating if needed) the audit database: WAL, synchronous=FULL so an acknowledged append
 * survives power loss, append-only triggers, and one hash chain per table.
 * @example const audit = openSqliteAuditStore('.store/audit.sqlite');
 */
export function openSqliteAuditStore(file: string, options: SqliteAuditStoreOptions = {}): SqliteAuditStore {
  const { now = () => new Date(), readonly = false } = options;
  const database = openDatabase(file, readonly);
  const checkpointIntervalMs = options.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS;
  // A quiet server still folds its WAL back into the database (PASSIVE: never waits for readers, never blocks).
  const checkpointTimer =
    readonly || checkpointIntervalMs <= 0
      ? undefined
      : setInterval(() => {
          try {
            if (database.open) database.pragma('wal_checkpoint(PASSIVE)');
          } catch {
            // A failed checkpoint loses nothing (the WAL keeps the frames); the next one tries again.
          }
        }, checkpointIntervalMs);
  checkpointTimer?.unref();
  const turnColumns = TURN_COLUMNS.join(', ');
  const feedbackColumns = FEEDBACK_COLUMNS.join(', ');
  const statements = {
    insertTurn: database.prepare<[TurnRow]>(
      `INSERT INTO audit_turns (${turnColumns}) VALUES (${TURN_COLUMNS.map((column) => `@${column}`).join(', ')})`,
    ),
    insertFeedback: database.prepare<[FeedbackRow]>(
      `INSERT INTO audit_feedback (${feedbackColumns}) VALUES (${FEEDBACK_COLUMNS.map((column) => `@${column}`).join(', ')})`,
    ),
    lastTurn: database.prepare<[], ChainHead>('SELECT seq, hash FROM audit_turns ORDER BY seq DESC LIMIT 1'),
    lastFeedback: database.prepare<[], ChainHead>(
      'SELECT seq, hash FROM audit_feedback ORDER BY seq DESC LIMIT 1',
    ),
    turnExists: database.prepare<[number], { found: 1 }>('SELECT 1 AS found FROM audit_turns WHERE seq = ?'),
  };

  // Reading the head inside an IMMEDIATE transaction holds the write lock, so two processes appending
  // to one file can never both claim the same seq.
  // Turns that arrive together are sealed and inserted in one transaction (see GroupCommit): one fsync per batch.
  const appendTurns = database.transaction(
    (batch: readonly { input: AuditTurnInput; recordedAt: string }[]): AuditRecord[] => {
      let last = statements.lastTurn.get();
      return batch.map(({ input, recordedAt }) => {
        const sealed = {
          ...input,
          seq: (last?.seq ?? 0) + 1,
          recordedAt,
          prevHash: last?.hash ?? GENESIS_HASH,
        };
        const record: AuditRecord = { ...sealed, hash: chainHash(sealed) };
        statements.insertTurn.run(turnToRow(record));
        last = { seq: record.seq, hash: record.hash };
        return record;
      });
    },
  );
  const appendFeedback = database.transaction((input: FeedbackInput, recordedAt: string): FeedbackRecord => {
    if (!statements.turnExists.get(input.turnSeq)) {
      const last = statements.lastTurn.get();
      throw new AuditError(
        'UNKNOWN_TURN',
        `feedback refers to turn ${input.turnSeq}, which is not in the audit log ` +
          `(${last ? `turns run from 1 to ${last.seq}` : 'no turns recorded yet'})`,
      );
    }
    const last = statements.lastFeedback.get();
    const sealed = { ...input, seq: (last?.seq ?? 0) + 1, recordedAt, prevHash: last?.hash ?? GENESIS_HASH };
    const record: FeedbackRecord = { ...sealed, hash: chainHash(sealed) };
    statements.insertFeedback.run(feedbackToRow(record));
    return record;
  });

  const ensureWritable = (): void => {
    ensureOpen();
    if (readonly) throw new AuditError('READ_ONLY', `audit store ${file} was opened read-only`);
  };
  const ensureOpen = (): void => {
    if (!database.open) throw new AuditError('STORE_UNAVAILABLE', `audit store ${file} is closed`);
  };
  const storeError = (error: unknown): unknown =>
    error instanceof AuditError
      ? error
      : new AuditError('STORE_UNAVAILABLE', `could not append to audit log ${file}`, { cause: error });
  const write = <Result>(operation: () => Result): Result => {
    try {
      return operation();
    } catch (error) {
      throw storeError(error);
    }
  };
  const turnCommits = new GroupCommit(
    (batch: readonly { input: AuditTurnInput; recordedAt: string }[]) => appendTurns.immediate(batch),
    storeError,
  );
  // Reads and feedback first commit the turns already submitted, so they never miss one.
  const settled = (): void => turnCommits.flush();

  return {
    file,
    async append(turn) {
      ensureWritable();
      const input = parseAuditInput(AuditTurnInput, turn, 'turn');
      return turnCommits.submit({ input, recordedAt: now().toISOString() });
    },
    async appendFeedback(feedback) {
      ensureWritable();
      const input = parseAuditInput(FeedbackInput, feedback, 'feedback');
      const recordedAt = now().toISOString();
      settled();
      return write(() => appendFeedback.immediate(input, recordedAt));
    },
    async verify(verifyOptions) {
      ensureOpen();
      settled();
      return verifyAuditChain(database, verifyOptions);
    },
    async head() {
      ensureOpen();
      settled();
      const last = statements.lastTurn.get();
      return last ? { seq: last.seq, hash: last.hash } : null;
    },
    async turns(filter = {}) {
      ensureOpen();
      settled();
      const { since, customerId, seq, actorId, afterSeq, openings, limit, latest } = parseAuditInput(
        TurnFilter,
        filter,
        'filter',
      );
      const where = whereClause([
        openings === true ? null : ['stage IS NOT ?', 'opening'],
        since === undefined ? null : ['recorded_at >= ?', since],
        seq === undefined ? null : ['seq = ?', seq],
        customerId === undefined ? null : ['customer_id = ?', customerId],
        actorId === undefined ? null : ['actor_id = ?', actorId],
        afterSeq === undefined ? null : ['seq > ?', afterSeq],
      ]);
      const select = `SELECT ${turnColumns} FROM audit_turns ${where.sql}`;
      const sql =
        latest === undefined
          ? `${select} ORDER BY seq LIMIT ?`
          : `SELECT * FROM (${select} ORDER BY seq DESC LIMIT ?) ORDER BY seq`;
      const rows = database.prepare<unknown[], TurnRow>(sql).all(...where.values, latest ?? limit ?? -1);
      return rows.map((row) => readBack(AuditRecord, () => rowToTurn(row), 'turn', row.seq));
    },
    async feedback(filter = {}) {
      ensureOpen();
      settled();
      const { since, turnSeq, customerId, limit } = parseAuditInput(FeedbackFilter, filter, 'filter');
      const where = whereClause([
        since === undefined ? null : ['recorded_at >= ?', since],
        turnSeq === undefined ? null : ['turn_seq = ?', turnSeq],
        customerId === undefined
          ? null
          : ['turn_seq IN (SELECT seq FROM audit_turns WHERE customer_id = ?)', customerId],
      ]);
      const rows = database
        .prepare<unknown[], FeedbackRow>(
          `SELECT ${feedbackColumns} FROM audit_feedback ${where.sql} ORDER BY seq LIMIT ?`,
        )
        .all(...where.values, limit ?? -1);
      return rows.map((row) => readBack(FeedbackRecord, () => rowToFeedback(row), 'feedback', row.seq));
    },
    connectionSettings() {
      ensureOpen();
      const synchronous = Number(database.pragma('synchronous', { simple: true }));
      return {
        journalMode: String(database.pragma('journal_mode', { simple: true })),
        synchronous: SYNCHRONOUS_LEVELS[synchronous] ?? 'off',
        foreignKeys: Number(database.pragma('foreign_keys', { simple: true })) === 1,
      };
    },
    async close() {
      clearInterval(checkpointTimer);
      if (!database.open) return;
      settled();
      database.close();
    },
  };
}

function openDatabase(file: string, readonly: boolean): Database.Database {
  if (readonly && !existsSync(file)) throw new AuditError('MISSING_FILE', `no audit database at ${file}`);
  if (!readonly) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let database: Database.Database | undefined;
  try {
    database = new Database(file, { readonly, fileMustExist: readonly });
    if (!readonly) {
      database.pragma('journal_mode = WAL');
      database.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
      database.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
    }
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
    prepareAuditSchema(database, file, readonly);
    return database;
  } catch (error) {
    database?.close();
    if (error instanceof AuditError) throw error;
    throw new AuditError('STORE_UNAVAILABLE', `cannot open audit database ${file}`, { cause: error });
  }
}

function whereClause(conditions: ([string, string | number] | null)[]): {
  sql: string;
  values: (string | number)[];
} {
  const present = conditions.filter((condition) => condition !== null);
  return {
    sql: present.length === 0 ? '' : `WHERE ${present.map(([sql]) => sql).join(' AND ')}`,
    values: present.map(([, value]) => value),
  };
}

/** Parses a row back into a record; a row that no longer fits the schema has been tampered with. */
function readBack<Stored>(
  schema: z.ZodType<Stored>,
  rebuild: () => unknown,
  subject: 'turn' | 'feedback',
  seq: number,
): Stored {
  let problem: unknown;
  try {
    const parsed = schema.safeParse(rebuild());
    if (parsed.success) return parsed.data;
    problem = parsed.error;
  } catch (error) {
    problem = error;
  }
  throw new AuditError(
    'CORRUPT_RECORD',
    `audit ${subject} ${seq} no longer fits the record schema; run npm run audit:verify`,
    { cause: problem },
  );
}
