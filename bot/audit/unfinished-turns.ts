import type { AuditRecord } from './audit-record.ts';

/**
 * Streamed turns that never finished: opening records no final record names (the process stopped, or the final
 * commit failed, after sentences may have been shown). Pass every turn, openings included (`turns({ openings: true })`).
 */
export function unfinishedTurns(records: readonly AuditRecord[]): AuditRecord[] {
  const finished = new Set(
    records.flatMap((record) => (record.stage?.kind === 'final' ? [record.stage.openingSeq] : [])),
  );
  return records.filter((record) => record.stage?.kind === 'opening' && !finished.has(record.seq));
}
