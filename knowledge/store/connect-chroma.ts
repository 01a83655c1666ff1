import path from 'node:path';
import { KnowledgeError } from '../errors.ts';
import { type ChromaServer, isChromaReachable, startChromaServer } from './chroma-server.ts';
import {
  chromaRecordFile,
  findChromaProcesses,
  isProcessAlive,
  readChromaServerRecord,
  removeChromaServerRecord,
  stopProcessGroup,
  writeChromaServerRecord,
} from './chroma-server-record.ts';
import {
  type ChromaSupervisor,
  type SupervisorTiming,
  superviseOwnedChroma,
  watchExternalChroma,
} from './chroma-supervisor.ts';

/** A Chroma endpoint to talk to, and how to let go of it when done. */
export interface ChromaConnection {
  url: string;
  /** How the server was obtained, for logs: external, reused or started. */
  origin: 'external' | 'reused' | 'started';
  /** Watches (and, when started here, restarts) the server; present when `supervise` was asked for. */
  supervisor: ChromaSupervisor | undefined;
  /** Stops the server only if this process started it. */
  release(): Promise<void>;
}

/** Where to find or put the Chroma server. */
export interface ConnectChromaOptions {
  chromaUrl: string | undefined;
  storeDir: string;
  /** Receives the Chroma server's own output lines (default: discarded). */
  log?: (line: string) => void;
  /** Receives what supervision does: outages, restarts, orphans replaced (default: stderr). */
  report?: (line: string) => void;
  /** Watch the server for the life of the connection (long-running apps); one-shot commands leave it off. */
  supervise?: boolean;
  supervisorTiming?: SupervisorTiming;
}

/**
 * Connects to CHROMA_URL when set; otherwise reuses the project's local server (recorded in
 * `<storeDir>/chroma-server.json`) while its owner still runs, or starts one on a free port with data in
 * `<storeDir>/chroma`. A server left behind by an owner that died (kill -9) is stopped and replaced, so a
 * previous crash never makes this command fail.
 */
export async function connectChroma(options: ConnectChromaOptions): Promise<ChromaConnection> {
  const log = options.report ?? ((line: string) => console.error(line));
  const watch = (url: string): ChromaSupervisor | undefined =>
    options.supervise
      ? watchExternalChroma({
          url,
          log,
          ...(options.supervisorTiming ? { timing: options.supervisorTiming } : {}),
        })
      : undefined;
  if (options.chromaUrl) {
    if (!(await isChromaReachable(options.chromaUrl, 3000))) {
      throw new KnowledgeError(
        'STORE_UNAVAILABLE',
        `CHROMA_URL ${options.chromaUrl} does not answer its heartbeat`,
      );
    }
    const supervisor = watch(options.chromaUrl);
    return release(options.chromaUrl, 'external', supervisor, async () => {});
  }
  const recordFile = chromaRecordFile(options.storeDir);
  const dataDir = path.join(options.storeDir, 'chroma');
  const recorded = await readChromaServerRecord(recordFile);
  if (recorded && isProcessAlive(recorded.ownerPid)) {
    // A live owner's server is never replaced from here; it may be restarting it, so give it a moment.
    if (await waitUntilReachable(recorded.url, OWNED_SERVER_PATIENCE_MS)) {
      return release(recorded.url, 'reused', watch(recorded.url), async () => {});
    }
    throw new KnowledgeError(
      'STORE_UNAVAILABLE',
      `The Chroma server at ${recorded.url} belongs to process ${recorded.ownerPid}, which still runs, but it ` +
        `does not answer; stop that process or try again when it does (record: ${recordFile}).`,
    );
  }
  await replaceOrphans(dataDir, recorded?.chromaPid, log);

  const start = (port?: number) =>
    startChromaServer({
      dataDir,
      ...(port === undefined ? {} : { port }),
      ...(options.log ? { log: options.log } : {}),
    });
  let server = await start();
  const record = async (current: ChromaServer): Promise<void> => {
    await writeChromaServerRecord(recordFile, {
      url: current.url,
      ownerPid: process.pid,
      ...(current.pid === undefined ? {} : { chromaPid: current.pid }),
      dataDir: current.dataDir,
    });
  };
  await record(server);
  const supervisor = options.supervise
    ? superviseOwnedChroma({
        server,
        restart: () => start(server.port),
        onRestarted: async (replacement) => {
          server = replacement;
          await record(replacement);
        },
        log,
        ...(options.supervisorTiming ? { timing: options.supervisorTiming } : {}),
      })
    : undefined;
  return release(server.url, 'started', supervisor, async () => {
    await server.stop();
    await removeChromaServerRecord(recordFile, process.pid);
  });
}

/** How long to wait for a server whose owner still runs before giving up. */
const OWNED_SERVER_PATIENCE_MS = 10_000;

async function waitUntilReachable(url: string, patienceMs: number): Promise<boolean> {
  const deadline = Date.now() + patienceMs;
  while (!(await isChromaReachable(url, 1000))) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return true;
}

function release(
  url: string,
  origin: ChromaConnection['origin'],
  supervisor: ChromaSupervisor | undefined,
  stopServer: () => Promise<void>,
): ChromaConnection {
  let released: Promise<void> | undefined;
  return {
    url,
    origin,
    supervisor,
    release: () => {
      supervisor?.stop();
      released ??= stopServer();
      return released;
    },
  };
}

/**
 * Stops every `chroma run` still serving this data directory whose owner is gone. Adopting one instead is not
 * safe: its log pipes led to the dead owner, and such servers were seen failing later ("Error sending message
 * to compactor"), so a fresh server is started in its place.
 */
async function replaceOrphans(
  dataDir: string,
  recordedPid: number | undefined,
  log: (line: string) => void,
): Promise<void> {
  const orphans = new Set(await findChromaProcesses(dataDir));
  if (recordedPid !== undefined && orphans.size === 0 && isProcessAlive(recordedPid)) {
    // No /proc to confirm what it is: leave an unconfirmed pid alone rather than risk signalling a stranger.
    log(`A Chroma server was recorded as pid ${recordedPid}, but it cannot be confirmed; leaving it alone.`);
  }
  for (const pid of orphans) {
    log(`Replacing an orphaned Chroma server (pid ${pid}) left by a process that no longer runs.`);
    await stopProcessGroup(pid);
  }
}
