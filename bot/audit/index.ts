export { AuditError, type AuditErrorCode, AuditInputError, type AuditInputIssue } from './audit-error.ts';
export {
  ACTOR_ROLES,
  type ActorRole,
  AUDIT_CHANNELS,
  AuditActor,
  type AuditChannel,
  AuditRecord,
  AuditTurnInput,
  FeedbackInput,
  FeedbackRecord,
  MESSAGE_AUTHORS,
  type MessageAuthor,
  TurnStage,
} from './audit-record.ts';
export { AUDIT_SCHEMA_VERSION } from './audit-schema.ts';
export {
  type AuditStore,
  type AuditTable,
  type ChainBreakReason,
  FeedbackFilter,
  TurnFilter,
  VerifyOptions,
  type VerifyResult,
} from './audit-store.ts';
export { type AuditWritability, PROBE_BYTES, probeAuditWritable } from './audit-writability.ts';
export { canonicalJson } from './canonical-json.ts';
export { ChainHead, chainHash, GENESIS_HASH } from './hash-chain.ts';
export {
  type HistoryClearance,
  type HistoryClearances,
  historyClearancesFile,
  inMemoryHistoryClearances,
  openSqliteHistoryClearances,
} from './history-clearances.ts';
export {
  type AuditConnectionSettings,
  JOURNAL_SIZE_LIMIT_BYTES,
  openSqliteAuditStore,
  type SqliteAuditStore,
  type SqliteAuditStoreOptions,
  WAL_AUTOCHECKPOINT_PAGES,
} from './sqlite-audit-store.ts';
export { unfinishedTurns } from './unfinished-turns.ts';
export { verifyAuditChain } from './verify-audit-chain.ts';
