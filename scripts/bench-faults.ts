import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type AuditStore, openSqliteAuditStore } from '../bot/audit/index.ts';
import { ConversationCore, TurnIdCodec } from '../bot/core/index.ts';
import { createAdvisor, loadAppConfig } from '../bot/index.ts';
import { prepareIntentModel } from '../chains/understand/index.ts';
import { generateDataset } from '../knowledge/generate/index.ts';
import { connectChroma } from '../knowledge/index.ts';
import { createRandom, pick, randomInt } from '../knowledge/seeded-random.ts';
import { findChromaProcesses, stopProcessGroup } from '../knowledge/store/chroma-server-record.ts';
import { signCustomerToken, type WebChatReply } from '../web-chat/index.ts';
import { percentile } from './bench-advisor.ts';
import { startCli } from './cli-process.ts';

/**
 * Fault benchmark: SIGKILL of the web chat server under load. Each run starts the server (bench-faults-server,
 * wired like `npm start`) on the same store and audit log, drives it from `--clients` loopback clients for
 * `--seconds`, kills it with SIGKILL mid-traffic, then reopens the audit log and checks that every turn a client
 * saw acknowledged (a `reply` event with its audit seq) is present with the same question, thread and text, and
 * that the hash chain verifies. The next run starts on the same folders (WAL recovery, orphaned Chroma replaced).
 * Finally measures what audit-before-show adds to time to first token, in process. Traffic: 127.0.0.1 only.
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    clients: { type: 'string' },
    seconds: { type: 'string' },
    customers: { type: 'string' },
    keep: { type: 'boolean' },
  },
});
const runs = Number(values.runs ?? '3');
const clients = Number(values.clients ?? '8');
const seconds = Number(values.seconds ?? '8');
const customers = Number(values.customers ?? '1000');
for (const [name, value] of Object.entries({ runs, clients, seconds, customers })) {
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name}: expected a whole number of at least 1, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
}
const SECRET = 'bench-faults-secret-not-for-production-012345';
// The server keys its opaque turn ids with the web secret, so the bench can read the audit number back.
const turnIds = new TurnIdCodec(SECRET);
const QUESTIONS = [
  'What would you recommend for me?',
  'Which products suit me best?',
  "My card hasn't arrived yet",
  'How do I build an emergency fund?',
  'hello',
];

/** A turn a client saw acknowledged: the server sent its `reply` event. */
interface Acknowledged {
  seq: number;
  threadId: string;
  question: string;
  text: string;
}

const scratch = await mkdtemp(path.join(os.tmpdir(), 'bench-faults-'));
const environment = {
  STORE_DIR: path.join(scratch, 'store'),
  DATA_DIR: path.join(scratch, 'data'),
  AUDIT_DB: path.join(scratch, 'audit.sqlite'),
  EMBEDDER: 'lsa',
  LLM_PROVIDER: 'grounded',
  WEB_TOKEN_SECRET: SECRET,
  HOST: '127.0.0.1',
};
const chromaDataDir = path.join(environment.STORE_DIR, 'chroma');
console.log(
  `bench:faults: ${runs} runs × ${clients} clients × ${seconds} s, ${customers} customers, in ${scratch}`,
);
await generateDataset({ customers, seed: 42, outDir: environment.DATA_DIR });
// Trained here once, so the first server's start loads it: training inside the start-up wait (a minute, over five
// on a busy shared machine) timed the first run out before any traffic.
const intents = await prepareIntentModel(
  environment.STORE_DIR,
  loadAppConfig({ ...process.env, ...environment }).understanding,
);
console.log(
  `intent model ${intents.trained ? `trained (${intents.trainingSeconds.toFixed(0)} s)` : 'loaded'}`,
);

const rows: { acknowledged: number; present: number; missing: number; verified: boolean; turns: number }[] =
  [];
try {
  for (let run = 1; run <= runs; run++) {
    const server = startCli(
      process.execPath,
      ['--import', 'tsx', 'scripts/bench-faults-server.ts'],
      environment,
    );
    const [, url] = await server
      .waitFor(/LISTENING (http:\/\/127\.0\.0\.1:\d+)/, 300_000)
      .catch(async (error: unknown) => {
        // A server that never came up is stopped before the scratch folder is removed under it.
        if (server.child.exitCode === null && server.child.signalCode === null) {
          process.kill(-(server.child.pid as number), 'SIGKILL');
        }
        await server.exited;
        throw error;
      });
    const acknowledged: Acknowledged[] = [];
    let killed = false;
    const random = createRandom(run);
    const drive = async (client: number) => {
      for (let index = 0; !killed; index++) {
        const customerId = `C-${String(randomInt(random, 1, customers)).padStart(6, '0')}`;
        const question = pick(random, QUESTIONS);
        const threadId = `run${run}-client${client}-${index}`;
        try {
          const token = await signCustomerToken({
            customerId,
            secret: SECRET,
            nowMs: Date.now(),
            lifetimeSeconds: 600,
          });
          const response = await fetch(`${url}/api/chat`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify({ message: question, threadId }),
          });
          const body = await response.text();
          const reply = /event: reply\ndata: (.*)\n/.exec(body)?.[1];
          if (response.status === 200 && reply) {
            const parsed = JSON.parse(reply) as WebChatReply;
            const seq = turnIds.decode(parsed.turnId);
            // A turn id this secret cannot read would be a bench bug; count it as acknowledged but missing.
            acknowledged.push({
              seq: seq ?? -1,
              threadId: `web:${customerId}:${threadId}`,
              question,
              text: parsed.text,
            });
          }
        } catch {
          // The server was killed mid-request: this turn was never acknowledged.
        }
      }
    };
    const traffic = Promise.all(Array.from({ length: clients }, (_, client) => drive(client)));
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    process.kill(server.child.pid as number, 'SIGKILL');
    killed = true;
    await server.exited;
    await traffic;

    const audit = openSqliteAuditStore(environment.AUDIT_DB, { checkpointIntervalMs: 0 });
    try {
      const stored = new Map((await audit.turns()).map((record) => [record.seq, record]));
      const present = acknowledged.filter((turn) => {
        const record = stored.get(turn.seq);
        return (
          record?.threadId === turn.threadId &&
          record.question === turn.question &&
          record.reply === turn.text
        );
      }).length;
      const verified = await audit.verify();
      rows.push({
        acknowledged: acknowledged.length,
        present,
        missing: acknowledged.length - present,
        verified: verified.ok,
        turns: stored.size,
      });
      const row = rows[rows.length - 1];
      console.log(
        `run ${run}: acknowledged ${row?.acknowledged}, present ${row?.present}, missing ${row?.missing}, ` +
          `chain ${verified.ok ? 'verifies' : `BROKEN at ${verified.table} ${verified.seq} (${verified.reason})`}, ` +
          `${row?.turns} turns in the log`,
      );
    } finally {
      await audit.close();
    }
  }
  const total = (key: 'acknowledged' | 'present' | 'missing') => rows.reduce((sum, row) => sum + row[key], 0);
  console.log(
    `\nSIGKILL under load, ${runs} runs: acknowledged ${total('acknowledged')}, present ${total('present')}, ` +
      `missing ${total('missing')}; chain verifies in ${rows.filter((row) => row.verified).length}/${runs} runs`,
  );

  await measureTimeToFirstToken();
  const left = await findChromaProcesses(chromaDataDir);
  console.log(`Chroma processes left serving the scratch store: ${left.length}`);
} finally {
  for (const pid of await findChromaProcesses(chromaDataDir)) await stopProcessGroup(pid);
  if (!values.keep) await rm(scratch, { recursive: true, force: true });
}

/**
 * Audit before show puts the commit in front of the first token. In process, one turn at a time (no group commit
 * to share), over the store the runs used: time to first token, and the commit inside it.
 */
async function measureTimeToFirstToken(): Promise<void> {
  const config = loadAppConfig({ ...process.env, ...environment });
  // The last run's Chroma was orphaned by the SIGKILL: this connection replaces it, as the next start would.
  const connection = await connectChroma({ chromaUrl: undefined, storeDir: config.knowledge.storeDir });
  const advisor = await createAdvisor({
    ...config,
    knowledge: { ...config.knowledge, chromaUrl: connection.url },
  });
  try {
    const commits: number[] = [];
    const timed: AuditStore = {
      ...advisor.audit,
      append: async (turn) => {
        const started = performance.now();
        const record = await advisor.audit.append(turn);
        commits.push(performance.now() - started);
        return record;
      },
    };
    const core = new ConversationCore({ chain: advisor.chain, audit: timed });
    const random = createRandom(99);
    const firstTokens: number[] = [];
    for (let turn = 0; turn < 200; turn++) {
      const customerId = `C-${String(randomInt(random, 1, customers)).padStart(6, '0')}`;
      const started = performance.now();
      let first: number | undefined;
      await core.handle(
        {
          actor: { channel: 'web', userId: customerId, role: 'customer', customerId },
          threadId: `ttft-${turn}`,
          text: pick(random, QUESTIONS),
        },
        {
          onToken: () => {
            first ??= performance.now() - started;
          },
        },
      );
      if (first !== undefined) firstTokens.push(first);
    }
    const ascending = (list: number[]) => [...list].sort((left, right) => left - right);
    const tokens = ascending(firstTokens);
    const commit = ascending(commits);
    console.log(
      `\nTime to first token, ${tokens.length} sequential turns: p50 ${percentile(tokens, 0.5).toFixed(2)} ms, ` +
        `p95 ${percentile(tokens, 0.95).toFixed(2)} ms; of which the audit commit (synchronous=FULL fsync) ` +
        `p50 ${percentile(commit, 0.5).toFixed(2)} ms, p95 ${percentile(commit, 0.95).toFixed(2)} ms`,
    );
  } finally {
    await advisor.close();
    await connection.release();
  }
}
