import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromaProcesses, stopProcessGroup } from '../../../knowledge/store/chroma-server-record.ts';
import { startCli } from '../../../scripts/cli-process.ts';

const SERVER_MODULE = path.resolve(import.meta.dirname, '../../../knowledge/store/chroma-server.ts');

/**
 * A command that starts Chroma and handles no signals itself (like `npm run query`): Chroma sits in its own
 * process group, so the guard must stop it when the command is ended by Ctrl-C or SIGTERM. Real processes.
 */
describe('Chroma exit guard (real node and chroma processes)', () => {
  let directory: string;
  let script: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'advisor-guard-'));
    script = path.join(directory, 'idle-with-chroma.mts');
    await writeFile(
      script,
      `import { startChromaServer } from ${JSON.stringify(SERVER_MODULE)};
const server = await startChromaServer({ dataDir: process.argv[2] });
console.log('SERVING', server.pid);
setInterval(() => {}, 1000);
`,
    );
  });
  afterAll(async () => {
    for (const pid of await findChromaProcesses(path.join(directory, 'chroma'))) await stopProcessGroup(pid);
    await rm(directory, { recursive: true, force: true });
  });

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s to a command with no handler of its own stops its Chroma and ends the command by that signal',
    async (signal) => {
      const dataDir = path.join(directory, 'chroma', signal);
      const command = startCli(process.execPath, ['--import', 'tsx', script, dataDir], {});
      await command.waitFor(/SERVING \d+/);
      expect(await findChromaProcesses(dataDir)).toHaveLength(1);
      process.kill(-(command.child.pid as number), signal);
      expect(await command.exited).toEqual({ code: null, signal });
      const deadline = Date.now() + 10_000;
      while ((await findChromaProcesses(dataDir)).length > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await findChromaProcesses(dataDir)).toEqual([]);
    },
  );
});
