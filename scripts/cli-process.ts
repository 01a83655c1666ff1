import { type ChildProcess, spawn } from 'node:child_process';

/** A CLI entry point run as a real process in its own process group, as a terminal would run it (tests, bench:faults). */
export interface CliProcess {
  child: ChildProcess;
  /** Everything printed so far (stdout and stderr interleaved). */
  output(): string;
  /** Resolves with the output once a line matches; rejects on exit or timeout, quoting the output. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `command args` in the project folder with extra environment variables. */
export function startCli(
  command: string,
  args: readonly string[],
  environment: Record<string, string>,
): CliProcess {
  const child = spawn(command, args, {
    cwd: new URL('..', import.meta.url).pathname,
    env: { ...process.env, ...environment, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, like a terminal job: a group signal reaches npm, node and nothing else of ours.
    detached: true,
  });
  let text = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  let ended = false;
  void exited.then(() => {
    ended = true;
    for (const listener of listeners) listener();
  });
  return {
    child,
    output: () => text,
    exited,
    waitFor: (pattern, timeoutMs = 90_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`timed out waiting for ${pattern}:\n${text}`)),
          timeoutMs,
        );
        const check = () => {
          const match = pattern.exec(text);
          if (match) finish(undefined, match);
          else if (ended) finish(new Error(`exited before ${pattern}:\n${text}`));
        };
        const finish = (error?: Error, match?: RegExpExecArray) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve(match as RegExpExecArray);
        };
        listeners.add(check);
        check();
      }),
  };
}
