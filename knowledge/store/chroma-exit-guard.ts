import type { ChildProcess } from 'node:child_process';

/**
 * Chroma runs in its own process group, so a terminal's Ctrl-C no longer reaches it: whoever started it must stop
 * it. Long-running commands (start, ingest) handle their signals and release the server themselves. For the rest
 * (query, chat, benchmarks) this guard stops every live server when the process exits or is ended by a signal
 * nobody else handles, and then lets the signal take its default course.
 */
const servers = new Set<ChildProcess>();
const GUARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Signals a server's whole process group (it leads its own), falling back to the process alone. */
export function signalChromaGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

const stopAll = (signal: NodeJS.Signals): void => {
  for (const child of servers) signalChromaGroup(child, signal);
};

const onExit = (): void => stopAll('SIGKILL');

const onSignal = (signal: NodeJS.Signals): void => {
  // Someone else listens: the app stops (and releases) the server itself, in its own time.
  if (process.listenerCount(signal) > 1) return;
  stopAll('SIGTERM');
  uninstall();
  process.kill(process.pid, signal);
};

function install(): void {
  process.on('exit', onExit);
  for (const signal of GUARDED_SIGNALS) process.on(signal, onSignal);
}

function uninstall(): void {
  process.off('exit', onExit);
  for (const signal of GUARDED_SIGNALS) process.off(signal, onSignal);
}

/** Guards a server until it exits. */
export function guardChromaServer(child: ChildProcess): void {
  if (servers.size === 0) install();
  servers.add(child);
  child.once('exit', () => {
    servers.delete(child);
    if (servers.size === 0) uninstall();
  });
}
