import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** What `<storeDir>/chroma-server.json` says about the local Chroma server: where, who owns it, which process. */
export const ChromaServerRecord = z.object({
  url: z.string().min(1),
  /** The app or ingest process that started the server and will stop it. */
  ownerPid: z.number().int().positive(),
  /** The server's own process (it leads its own process group); absent in records written before it was kept. */
  chromaPid: z.number().int().positive().optional(),
  dataDir: z.string().min(1).optional(),
});
/** The parsed record. */
export type ChromaServerRecord = z.infer<typeof ChromaServerRecord>;

// Records written by earlier versions said `pid` for the owner.
const LegacyRecord = z.object({ url: z.string().min(1), pid: z.number().int().positive() });

/** The record file of a store directory. */
export function chromaRecordFile(storeDir: string): string {
  return path.join(storeDir, 'chroma-server.json');
}

/** Reads the record; a missing or unreadable file means "no server recorded". */
export async function readChromaServerRecord(file: string): Promise<ChromaServerRecord | undefined> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
  const current = ChromaServerRecord.safeParse(raw);
  if (current.success) return current.data;
  const legacy = LegacyRecord.safeParse(raw);
  return legacy.success ? { url: legacy.data.url, ownerPid: legacy.data.pid } : undefined;
}

/** Writes the record for a server this process started. */
export async function writeChromaServerRecord(file: string, record: ChromaServerRecord): Promise<void> {
  await writeFile(file, JSON.stringify(record), 'utf8');
}

/** Removes the record, but only while it still names this owner (a newer owner's record is left alone). */
export async function removeChromaServerRecord(file: string, ownerPid: number): Promise<void> {
  const record = await readChromaServerRecord(file);
  if (record && record.ownerPid !== ownerPid) return;
  await rm(file, { force: true });
}

/** True while a process with this id exists (signal 0 checks without signalling). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The `chroma run` processes serving one data directory, found by their command lines (Linux `/proc`). Only
 * processes whose command line names the chromadb CLI and exactly this `--path` count, so nothing else is touched.
 */
export async function findChromaProcesses(dataDir: string): Promise<number[]> {
  let entries: string[];
  try {
    entries = await readdir('/proc');
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    const commandLine = await readCommandLine(pid);
    if (commandLine && isChromaServing(commandLine, dataDir)) found.push(pid);
  }
  return found;
}

async function readCommandLine(pid: number): Promise<string[] | undefined> {
  try {
    const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter((part) => part !== '');
  } catch {
    return undefined;
  }
}

function isChromaServing(commandLine: readonly string[], dataDir: string): boolean {
  const cli = commandLine.findIndex((part) => /chromadb[\\/]dist[\\/]cli\.mjs$/.test(part));
  if (cli < 0 || commandLine[cli + 1] !== 'run') return false;
  const pathIndex = commandLine.indexOf('--path');
  return pathIndex > 0 && path.resolve(commandLine[pathIndex + 1] ?? '') === path.resolve(dataDir);
}

/** Stops a process and its group: SIGTERM, then SIGKILL after `graceMs`; resolves once it is gone. */
export async function stopProcessGroup(pid: number, graceMs = 5000): Promise<void> {
  const signal = (name: NodeJS.Signals): void => {
    try {
      process.kill(-pid, name);
    } catch {
      try {
        process.kill(pid, name);
      } catch {
        // Already gone.
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isProcessAlive(pid) && Date.now() < deadline) await delay(50);
  if (!isProcessAlive(pid)) return;
  signal('SIGKILL');
  while (isProcessAlive(pid)) await delay(20);
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
