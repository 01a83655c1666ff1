import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteAuditStore } from '../bot/audit/index.ts';
import { type Actor, ConversationCore } from '../bot/core/index.ts';
import { AdvisorChain } from '../chains/advisor-chain.ts';
import { GroundedChatModel } from '../chains/grounded/grounded-chat-model.ts';
import { AdvisorRetriever } from '../chains/retrieve/advisor-retriever.ts';
import { generateDataset } from '../knowledge/generate/index.ts';
import { ingestDataset, loadConfig, openKnowledgeBase, startChromaServer } from '../knowledge/index.ts';
import { createRandom, pick, randomInt } from '../knowledge/seeded-random.ts';

/**
 * Latency of a reply without LLM generation (retrieve + rank + bias guard + grounded compose + validate +
 * audit persist) at 10k customers: p50/p95/p99 and replies/s. Target: p95 ≤ 50 ms.
 */
const { values } = parseArgs({
  options: { customers: { type: 'string' }, turns: { type: 'string' }, keep: { type: 'boolean' } },
});
const customers = Number(values.customers ?? '10000');
const turns = Number(values.turns ?? '1000');
const scratch = await mkdtemp(path.join(os.tmpdir(), 'bench-chat-'));
const storeDir = path.join(scratch, 'store');
const dataDir = path.join(scratch, 'data');
const server = await startChromaServer({ dataDir: path.join(storeDir, 'chroma') });
const config = loadConfig({ ...process.env, STORE_DIR: storeDir, CHROMA_URL: server.url });

const QUESTIONS = {
  recommendation: [
    'What would you recommend for me?',
    'Which products suit me best?',
    'Should I open a savings account?',
  ],
  knowledge: [
    "My card hasn't arrived yet",
    'Why is my payment still pending?',
    'How do I build an emergency fund?',
    'What fees do you charge?',
  ],
  other: ['hello', 'Tell me a joke', 'thanks!'],
};

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

try {
  console.log(`bench:chat — building a ${customers}-customer store in ${scratch} …`);
  await generateDataset({ customers, seed: 42, outDir: dataDir });
  const ingest = await ingestDataset({ config, chromaUrl: server.url, dataDir });
  console.log(`store ready (${ingest.seconds.total.toFixed(1)} s, embedder ${ingest.embedder.id})`);

  const knowledge = await openKnowledgeBase(config);
  const audit = openSqliteAuditStore(path.join(scratch, 'audit.sqlite'));
  const grounded = new GroundedChatModel();
  const retriever = AdvisorRetriever.create({ chromaUrl: server.url, embedder: knowledge.embedder.embedder });
  const core = new ConversationCore({
    chain: new AdvisorChain({ retriever, model: grounded, grounded }),
    audit,
  });
  const random = createRandom(7);
  const turnFor = (index: number) => {
    const customerId = `C-${String(randomInt(random, 1, customers)).padStart(6, '0')}`;
    const roll = random();
    const pool = roll < 0.6 ? QUESTIONS.recommendation : roll < 0.9 ? QUESTIONS.knowledge : QUESTIONS.other;
    const actor: Actor = { channel: 'cli', userId: customerId, role: 'customer', customerId };
    return { actor, threadId: `bench-${index}`, text: pick(random, pool) };
  };

  for (let index = 0; index < 50; index++) await core.handle(turnFor(index));
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  for (let index = 0; index < turns; index++) {
    const turnStart = performance.now();
    const reply = await core.handle(turnFor(1000 + index));
    latencies.push(performance.now() - turnStart);
    if (!reply.validator.ok) failed++;
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const recent = await audit.turns({ limit: 100_000 });
  console.log(
    `turns                 ${turns} (60% recommendation, 30% knowledge, 10% small talk / off-topic)`,
  );
  console.log(`latency p50           ${percentile(latencies, 0.5).toFixed(1)} ms`);
  console.log(`latency p95           ${percentile(latencies, 0.95).toFixed(1)} ms   (target ≤ 50 ms)`);
  console.log(`latency p99           ${percentile(latencies, 0.99).toFixed(1)} ms`);
  console.log(`replies/s             ${(turns / seconds).toFixed(1)} (one at a time)`);
  console.log(`validator failures    ${failed}`);
  console.log(
    `audit rows            ${recent.length}, chain ${(await audit.verify()).ok ? 'verified' : 'BROKEN'}`,
  );
  await audit.close();
  await knowledge.close();
} finally {
  await server.stop();
  if (!values.keep) await rm(scratch, { recursive: true, force: true });
}
