import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../knowledge/generate/index.ts';
import { findChromaProcesses, stopProcessGroup } from '../../knowledge/store/chroma-server-record.ts';
import { type CliProcess, startCli } from '../../scripts/cli-process.ts';
import { seedStoreWithTrainedModels } from '../support/intent-model.ts';

const CUSTOMERS = 1500;
const BATCH = 500;

/**
 * The CLI entry points as an operator meets them: `npm run ingest` and `npm start` as real process groups,
 * Ctrl-C as SIGINT to the whole group, crashes as SIGKILL. Only real processes; nothing is mocked.
 */
describe('signals and orphans (real npm, node, Chroma processes)', () => {
  let directory: string;
  let environment: Record<string, string>;
  let chromaDataDir: string;
  const started: CliProcess[] = [];

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'advisor-signals-'));
    await generateDataset({ customers: CUSTOMERS, seed: 3, outDir: path.join(directory, 'data') });
    environment = {
      STORE_DIR: path.join(directory, 'store'),
      DATA_DIR: path.join(directory, 'data'),
      AUDIT_DB: path.join(directory, 'audit.sqlite'),
      EMBEDDER: 'lsa',
      LSA_DIMENSIONS: '96',
      LLM_PROVIDER: 'grounded',
      PORT: '0',
      WEB_TOKEN_SECRET: 'signals-test-secret-0123456789abcdef0123',
    };
    chromaDataDir = path.join(directory, 'store', 'chroma');
    await seedStoreWithTrainedModels(path.join(directory, 'store'));
  });
  afterAll(async () => {
    for (const cli of started) {
      if (cli.child.exitCode === null && cli.child.signalCode === null && cli.child.pid) {
        await stopProcessGroup(cli.child.pid, 2000);
      }
    }
    if (chromaDataDir)
      for (const pid of await findChromaProcesses(chromaDataDir)) await stopProcessGroup(pid, 2000);
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  const run = (command: string, args: string[]) => {
    const cli = startCli(command, args, environment);
    started.push(cli);
    return cli;
  };

  it('Ctrl-C to `npm run ingest` finishes the batch in flight, stops Chroma itself and says what was and was not written', async () => {
    const ingest = run('npm', ['run', 'ingest']);
    await ingest.waitFor(new RegExp(`profiles: ${BATCH}/${CUSTOMERS} written`));
    process.kill(-(ingest.child.pid as number), 'SIGINT');
    const end = await ingest.exited;
    const output = ingest.output();
    // npm waits for the script, then ends itself by the same SIGINT: a shell reports exit status 130.
    expect(end.signal === 'SIGINT' || end.code === 130).toBe(true);
    expect(output).toContain('Interrupted: finishing the current batch');
    const line =
      /customer_profiles: 1500 documents — 1500 new or changed: (\d+) written, (\d+) NOT written/.exec(
        output,
      );
    expect(line, output).not.toBeNull();
    const written = Number(line?.[1]);
    const notWritten = Number(line?.[2]);
    expect(written % BATCH).toBe(0);
    expect(written).toBeGreaterThanOrEqual(2 * BATCH);
    expect(notWritten).toBe(CUSTOMERS - written);
    expect(notWritten).toBeGreaterThan(0);
    expect(output).toContain('Interrupted: the batches counted as written are in the store');
    expect(output).not.toContain('Ingest failed');
    // Chroma did not get the terminal's ^C (its own group); the ingest stopped it on the way out.
    expect(await findChromaProcesses(chromaDataDir)).toEqual([]);
  });

  it('after kill -9 of an ingest and then of `npm start`, the next start replaces the orphan: one Chroma, ready, none after Ctrl-C', async () => {
    const crashedIngest = run(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts']);
    // Killed as soon as its Chroma serves: the orphan is what matters here (the first test left the ingest unfinished).
    await crashedIngest.waitFor(/Chroma: http:\S+ \(started\)/);
    process.kill(crashedIngest.child.pid as number, 'SIGKILL');
    await crashedIngest.exited;
    const orphans = await findChromaProcesses(chromaDataDir);
    expect(orphans).toHaveLength(1);

    const crashedStart = run(process.execPath, ['--import', 'tsx', 'scripts/start.ts']);
    await crashedStart.waitFor(/Ready: +(http:\/\/\S+)\/readyz/);
    expect(crashedStart.output()).toContain(`Replacing an orphaned Chroma server (pid ${orphans[0]})`);
    expect(await findChromaProcesses(chromaDataDir)).toHaveLength(1);
    process.kill(crashedStart.child.pid as number, 'SIGKILL');
    await crashedStart.exited;
    const startOrphans = await findChromaProcesses(chromaDataDir);
    expect(startOrphans).toHaveLength(1);

    const start = run('npm', ['start']);
    const [, url] = await start.waitFor(/Ready: +(http:\/\/\S+)\/readyz/);
    expect(start.output()).toContain(`Replacing an orphaned Chroma server (pid ${startOrphans[0]})`);
    const serving = await findChromaProcesses(chromaDataDir);
    expect(serving).toHaveLength(1);
    expect(serving).not.toEqual(startOrphans);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, down: [] });

    process.kill(-(start.child.pid as number), 'SIGINT');
    const end = await start.exited;
    expect(end.signal === 'SIGINT' || end.code === 0).toBe(true);
    expect(start.output()).toContain('SIGINT: stopping');
    expect(await findChromaProcesses(chromaDataDir)).toEqual([]);
  }, 240_000);
});
