import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../../knowledge/errors.ts';
import {
  type ChromaServer,
  isChromaReachable,
  startChromaServer,
} from '../../../knowledge/store/chroma-server.ts';
import { superviseOwnedChroma } from '../../../knowledge/store/chroma-supervisor.ts';
import { connectChroma } from '../../../knowledge/store/connect-chroma.ts';

const FAST = { heartbeatMs: 100, initialBackoffMs: 100, maxBackoffMs: 250 };

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Chroma supervision (real chroma run processes)', () => {
  let directory: string;
  const servers: ChromaServer[] = [];
  beforeEach(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'advisor-supervisor-'));
  });
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop();
    await rm(directory, { recursive: true, force: true });
  });

  it('an external CHROMA_URL is watched, never restarted from here, and reported back once it answers again', async () => {
    const dataDir = path.join(directory, 'chroma');
    const first = await startChromaServer({ dataDir });
    servers.push(first);
    const report: string[] = [];
    const connection = await connectChroma({
      chromaUrl: first.url,
      storeDir: path.join(directory, 'store'),
      supervise: true,
      supervisorTiming: FAST,
      report: (line) => report.push(line),
    });
    const supervisor = connection.supervisor;
    expect(connection.origin).toBe('external');
    expect(supervisor?.status()).toBe('up');

    await first.stop();
    expect(await supervisor?.check()).toBe(false);
    expect(supervisor?.status()).toBe('down');
    expect(supervisor?.retryAfterSeconds()).toBe(1);
    // Nobody restarts an external server: it stays down until its operator brings it back.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await isChromaReachable(first.url, 300)).toBe(false);

    const second = await startChromaServer({ dataDir, port: first.port });
    servers.push(second);
    await until(() => supervisor?.status() === 'up');
    expect(report).toHaveLength(2);
    expect(report[0]).toBe(
      `Chroma at ${first.url} does not answer; chat requests get 503 STORE_UNAVAILABLE until it does.`,
    );
    expect(report[1]).toMatch(new RegExp(`^Chroma at ${first.url} answers again after \\d+\\.\\d s\\.$`));

    await connection.release();
    expect(await isChromaReachable(second.url)).toBe(true);
  });

  it('a server started here is restarted on the same port with bounded, doubling backoff, each attempt logged', async () => {
    const dataDir = path.join(directory, 'chroma');
    const server = await startChromaServer({ dataDir });
    servers.push(server);
    const report: string[] = [];
    let attempts = 0;
    const supervisor = superviseOwnedChroma({
      server,
      restart: async () => {
        attempts++;
        // The first two attempts fail as a busy port would; the third starts a real server.
        if (attempts <= 2) throw new KnowledgeError('STORE_UNAVAILABLE', `port ${server.port} is busy`);
        const replacement = await startChromaServer({ dataDir, port: server.port });
        servers.push(replacement);
        return replacement;
      },
      log: (line) => report.push(line),
      timing: FAST,
    });
    process.kill(server.pid as number, 'SIGKILL');
    await until(
      () =>
        supervisor.status() === 'up' &&
        attempts === 3 &&
        report.some((line) => line.startsWith('Chroma is back')),
    );
    supervisor.stop();
    expect(await isChromaReachable(server.url)).toBe(true);
    const steps = report.filter((line) => !line.startsWith('Chroma at '));
    expect(steps).toEqual([
      `Chroma (pid ${server.pid}) exited with signal SIGKILL; restarting it.`,
      'Chroma restart attempt 1 in 0.1 s.',
      `Chroma restart attempt 1 failed: port ${server.port} is busy`,
      'Chroma restart attempt 2 in 0.2 s.',
      `Chroma restart attempt 2 failed: port ${server.port} is busy`,
      'Chroma restart attempt 3 in 0.3 s.',
      expect.stringMatching(/^Chroma is back \(pid \d+\) after \d+\.\d s\.$/),
    ]);
  });

  it('a server whose owner still runs is reused, never replaced', async () => {
    const storeDir = path.join(directory, 'store');
    const owner = await connectChroma({ chromaUrl: undefined, storeDir, report: () => {} });
    const second = await connectChroma({ chromaUrl: undefined, storeDir, report: () => {} });
    expect(owner.origin).toBe('started');
    expect(second).toMatchObject({ origin: 'reused', url: owner.url });
    await second.release();
    expect(await isChromaReachable(owner.url)).toBe(true);
    await owner.release();
    expect(await isChromaReachable(owner.url, 300)).toBe(false);
  });
});
