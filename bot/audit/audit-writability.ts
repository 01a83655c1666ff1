import { open, rm } from 'node:fs/promises';

/** How much a writability probe writes: room for a few turns and the WAL's growth before its next checkpoint. */
export const PROBE_BYTES = 64 * 1024;

/** Whether new audit records can reach the disk now, and if not, why. */
export type AuditWritability = { ok: true } | { ok: false; reason: string };

/**
 * Writes and fsyncs PROBE_BYTES beside the audit database, then removes them: a full disk, a read-only mount or
 * a missing folder shows here before a customer's turn meets it. Never touches the database itself.
 */
export async function probeAuditWritable(databaseFile: string): Promise<AuditWritability> {
  const probeFile = `${databaseFile}.probe`;
  try {
    const handle = await open(probeFile, 'w');
    try {
      await handle.write(Buffer.alloc(PROBE_BYTES));
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { ok: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: `cannot write beside ${databaseFile} (${code ?? (error as Error).message})` };
  } finally {
    await rm(probeFile, { force: true }).catch(() => undefined);
  }
}
