import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KnowledgeError } from '../errors.ts';
import { guardChromaServer, signalChromaGroup } from './chroma-exit-guard.ts';

/** A `chroma run` server this process started and owns. */
export interface ChromaServer {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Process id of the server, e.g. to read its memory use. */
  readonly pid: number | undefined;
  /** Resolves when the server process ends, for whatever reason (stopped, crashed, killed). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Stops the server (SIGTERM, then SIGKILL after a grace period); safe to call twice. */
  stop(): Promise<void>;
}

export interface StartChromaOptions {
  dataDir: string;
  /** Port to listen on; a free one is chosen when omitted. */
  port?: number;
  startupTimeoutMs?: number;
  /** Receives the server's own log lines (default: discarded). */
  log?: (line: string) => void;
}

/** Asks the OS for a port nobody is listening on. */
export async function findFreePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The `chroma` CLI shipped by the chromadb package (a Rust server run through its native bindings). */
function chromaCliPath(): string {
  const entry = fileURLToPath(import.meta.resolve('chromadb'));
  return path.join(path.dirname(entry), 'cli.mjs');
}

/** True once the server answers its heartbeat. */
export async function isChromaReachable(url: string, timeoutMs = 1000): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/v2/heartbeat`, { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts a local Chroma server on a free port with its own data directory and waits until it answers.
 * @example const server = await startChromaServer({ dataDir: '.store/chroma' }); …; await server.stop();
 */
export async function startChromaServer(options: StartChromaOptions): Promise<ChromaServer> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const port = options.port ?? (await findFreePort());
  const url = `http://127.0.0.1:${port}`;
  // Its own process group (detached): a terminal's Ctrl-C reaches only the app, which then stops Chroma itself.
  const child = spawn(
    process.execPath,
    [chromaCliPath(), 'run', '--path', dataDir, '--port', String(port), '--host', '127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' }, detached: true },
  );
  // Last resort when the app exits without stopping it (process.exit, an uncaught error, an unhandled ^C).
  guardChromaServer(child);
  const output: string[] = [];
  const collect = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      output.push(line);
      if (output.length > 50) output.shift();
      options.log?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const exited = ended.then((end) => end.code);
  const deadline = Date.now() + (options.startupTimeoutMs ?? 30_000);
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  while (!(await isChromaReachable(url, 500))) {
    if (exitCode !== undefined || Date.now() > deadline) {
      await stopChild(child, exited);
      const reason = exitCode !== undefined ? `exited with code ${exitCode}` : 'did not answer in time';
      throw new KnowledgeError(
        'STORE_UNAVAILABLE',
        `Chroma server on port ${port} ${reason}. Last output:\n${output.slice(-10).join('\n')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    dataDir,
    pid: child.pid,
    exited: ended,
    stop: () => {
      stopping ??= stopChild(child, exited);
      return stopping;
    },
  };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  signalChromaGroup(child, 'SIGTERM');
  const killed = await Promise.race([
    exited.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000)),
  ]);
  if (!killed) {
    signalChromaGroup(child, 'SIGKILL');
    await exited;
  }
}
