import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteAuditStore, probeAuditWritable, type SqliteAuditStore } from '../../bot/audit/index.ts';
import { AuditHealth, ConversationCore } from '../../bot/core/index.ts';
import { AdvisorChain } from '../../chains/advisor-chain.ts';
import { GroundedChatModel } from '../../chains/grounded/grounded-chat-model.ts';
import { AdvisorRetriever } from '../../chains/retrieve/advisor-retriever.ts';
import { generateDataset } from '../../knowledge/generate/index.ts';
import {
  type ChromaConnection,
  connectChroma,
  ingestDataset,
  type KnowledgeBase,
  loadConfig,
  openKnowledgeBase,
} from '../../knowledge/index.ts';
import { readChromaServerRecord } from '../../knowledge/store/chroma-server-record.ts';
import { createWebChatApp, type ReadinessReport, signCustomerToken } from '../../web-chat/index.ts';
import { testIntentModel } from '../support/intent-model.ts';

const SECRET = 'test-secret-for-store-outage-0123456789abcdef';

/**
 * A supervised Chroma (started by connectChroma as `npm start` starts it) behind the real chain, core and web app;
 * the Chroma process is SIGKILLed for real. Nothing is mocked.
 */
describe('Chroma dies under the web chat: 503 STORE_UNAVAILABLE, /readyz false, then recovery without a restart', () => {
  let directory: string;
  let connection: ChromaConnection;
  let knowledge: KnowledgeBase;
  let retriever: AdvisorRetriever;
  let audit: SqliteAuditStore;
  let app: ReturnType<typeof createWebChatApp>;
  const reported: unknown[] = [];
  const supervision: string[] = [];

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'advisor-outage-'));
    const storeDir = path.join(directory, 'store');
    const dataDir = path.join(directory, 'data');
    await generateDataset({ customers: 120, seed: 11, outDir: dataDir });
    connection = await connectChroma({
      chromaUrl: undefined,
      storeDir,
      supervise: true,
      supervisorTiming: { heartbeatMs: 200, initialBackoffMs: 300, maxBackoffMs: 2000 },
      report: (line) => supervision.push(line),
    });
    const config = loadConfig({ EMBEDDER: 'lsa', LSA_DIMENSIONS: '96', STORE_DIR: storeDir });
    await ingestDataset({ config, chromaUrl: connection.url, dataDir });
    knowledge = await openKnowledgeBase({ ...config, chromaUrl: connection.url });
    retriever = AdvisorRetriever.create({ chromaUrl: connection.url, embedder: knowledge.embedder.embedder });
    const grounded = new GroundedChatModel();
    audit = openSqliteAuditStore(path.join(directory, 'audit.sqlite'));
    const store = connection.supervisor;
    if (!store) throw new Error('connectChroma did not supervise');
    const auditHealth = new AuditHealth(() => {});
    const core = new ConversationCore({
      chain: new AdvisorChain({ retriever, model: grounded, grounded, intents: await testIntentModel() }),
      audit,
      auditHealth,
      store,
    });
    app = createWebChatApp({
      core,
      audit,
      tokenSecret: SECRET,
      reportError: (error) => reported.push(error),
      readiness: {
        store,
        audit: { health: auditHealth, probe: () => probeAuditWritable(audit.file) },
        writer: grounded,
      },
    });
  });
  afterAll(async () => {
    await audit?.close();
    await retriever?.close();
    await knowledge?.close();
    await connection?.release();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  const chat = async () => {
    const token = await signCustomerToken({
      customerId: 'C-000007',
      secret: SECRET,
      nowMs: Date.now(),
      lifetimeSeconds: 600,
    });
    return await app.request('/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ message: 'What would you recommend for me?' }),
    });
  };
  const readiness = async () => {
    const response = await app.request('/readyz');
    return { status: response.status, report: (await response.json()) as ReadinessReport };
  };

  it('answers, then 503s with Retry-After while Chroma is away, then answers again by itself', async () => {
    expect((await chat()).status).toBe(200);
    expect(await readiness()).toMatchObject({ status: 200, report: { ready: true, down: [] } });

    const record = await readChromaServerRecord(path.join(directory, 'store', 'chroma-server.json'));
    const killed = record?.chromaPid;
    expect(killed).toBeTypeOf('number');
    process.kill(killed as number, 'SIGKILL');

    // Until the replacement answers, every chat turn is a clean 503 naming the store, never a 500.
    const during: { status: number; code: string; retryAfter: string | null }[] = [];
    let sawNotReady = false;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const ready = await readiness();
      if (ready.status === 503) {
        sawNotReady = true;
        expect(ready.report.down).toEqual(['chroma']);
        expect(ready.report.checks.chroma?.ok).toBe(false);
      }
      const response = await chat();
      if (response.status === 200) {
        await response.text();
        break;
      }
      const body = (await response.json()) as { error: { code: string } };
      during.push({
        status: response.status,
        code: body.error.code,
        retryAfter: response.headers.get('retry-after'),
      });
      if (Date.now() > deadline) throw new Error(`Chroma did not come back: ${supervision.join(' | ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(sawNotReady).toBe(true);
    expect(during.length).toBeGreaterThan(0);
    for (const failure of during) {
      expect(failure.status).toBe(503);
      expect(failure.code).toBe('STORE_UNAVAILABLE');
      expect(Number(failure.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    expect(reported).toEqual([]);

    expect(await readiness()).toMatchObject({ status: 200, report: { ready: true } });
    const replaced = await readChromaServerRecord(path.join(directory, 'store', 'chroma-server.json'));
    expect(replaced?.url).toBe(connection.url);
    expect(replaced?.chromaPid).not.toBe(killed);
    expect(
      supervision.some((line) => line.includes(`Chroma (pid ${killed}) exited with signal SIGKILL`)),
    ).toBe(true);
    expect(supervision.some((line) => /Chroma is back \(pid \d+\)/.test(line))).toBe(true);
  });

  it('/readyz names the audit store when its appends fail, and /healthz stays a cheap 200', async () => {
    const health = new AuditHealth(() => {});
    health.recordFailure(new Error('database or disk is full'));
    const degraded = createWebChatApp({
      core: {
        handle: async () => Promise.reject(new Error('unused')),
        recordFeedback: async () => Promise.reject(new Error('unused')),
      },
      audit,
      tokenSecret: SECRET,
      readiness: {
        ...(connection.supervisor ? { store: connection.supervisor } : {}),
        audit: { health, probe: () => probeAuditWritable(audit.file) },
      },
    });
    const response = await degraded.request('/readyz');
    expect(response.status).toBe(503);
    const report = (await response.json()) as ReadinessReport;
    expect(report.down).toEqual(['audit']);
    expect(report.checks.audit?.detail).toBe('audit appends are failing: database or disk is full');
    expect(await (await degraded.request('/healthz')).json()).toEqual({ ok: true });
  });

  it('/readyz names an audit folder that cannot be written', async () => {
    const unwritable = path.join(directory, 'not-a-folder', 'audit.sqlite');
    // A file where the folder should be: writing beside the database fails with ENOTDIR even as root.
    await writeFile(path.join(directory, 'not-a-folder'), 'x');
    const app = createWebChatApp({
      core: {
        handle: async () => Promise.reject(new Error('unused')),
        recordFeedback: async () => Promise.reject(new Error('unused')),
      },
      audit,
      tokenSecret: SECRET,
      readiness: {
        audit: { health: new AuditHealth(() => {}), probe: () => probeAuditWritable(unwritable) },
      },
    });
    const response = await app.request('/readyz');
    expect(response.status).toBe(503);
    const report = (await response.json()) as ReadinessReport;
    expect(report.down).toEqual(['audit']);
    expect(report.checks.audit?.detail).toContain('ENOTDIR');
  });
});
