import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createRandom, pick, randomInt } from '../knowledge/seeded-random.ts';
import { createWebChatApp, signCustomerToken, startWebServer } from '../web-chat/index.ts';
import { buildBenchAdvisor, cpuSeconds, percentile } from './bench-advisor.ts';

/**
 * Load test of the web chat over real HTTP: a 10k-customer store (built as bench:chat builds it), the grounded
 * provider, the real server with rate limits off, and autocannon (on its own worker thread) posting to /api/chat as many different
 * customers. Prints req/s, p50/p95/p99 latency (to the end of the SSE stream), non-2xx and errors.
 * Target: ≥ 200 req/s on 2 cores.
 */
const { values } = parseArgs({
  options: {
    customers: { type: 'string' },
    connections: { type: 'string' },
    duration: { type: 'string' },
    keep: { type: 'boolean' },
  },
});
const customers = Number(values.customers ?? '10000');
const connections = Number(values.connections ?? '10');
const duration = Number(values.duration ?? '20');
const TOKEN_HOLDERS = Math.min(customers, 2000);
const secret = 'bench-load-secret-not-for-production-0123456789';

const QUESTIONS = [
  'What would you recommend for me?',
  'Which products suit me best?',
  'Should I open a savings account?',
  "My card hasn't arrived yet",
  'Why is my payment still pending?',
  'How do I build an emergency fund?',
  'What fees do you charge?',
  'hello',
];

/** What the load-generator thread reports back. */
interface LoadResult {
  total: number;
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latencies: number[];
  unfinished: number;
}

const bench = await buildBenchAdvisor('bench-load', customers);
try {
  const { core, audit } = bench.advisor;
  const app = createWebChatApp({
    core,
    audit,
    tokenSecret: secret,
    limits: {
      customerRequestsPerWindow: Number.POSITIVE_INFINITY,
      addressRequestsPerWindow: Number.POSITIVE_INFINITY,
    },
  });
  const server = await startWebServer(app, 0);

  // Pre-built requests: signing is async and setupRequest is not, and signing per request would bench HMAC.
  const random = createRandom(7);
  const requests: { headers: Record<string, string>; body: string }[] = [];
  const holders = new Set<string>();
  for (let index = 0; index < TOKEN_HOLDERS; index++) {
    const customerId = `C-${String(randomInt(random, 1, customers)).padStart(6, '0')}`;
    holders.add(customerId);
    const token = await signCustomerToken({
      customerId,
      secret,
      nowMs: Date.now(),
      lifetimeSeconds: 30 * 60,
    });
    requests.push({
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ message: pick(random, QUESTIONS) }),
    });
  }

  const run = (seconds: number) =>
    new Promise<LoadResult>((resolve, reject) => {
      const worker = new Worker(new URL('./bench-load-worker.mjs', import.meta.url), {
        workerData: { url: server.url, connections, duration: seconds, requests },
      });
      worker.once('message', (result: LoadResult) => {
        resolve(result);
        void worker.terminate();
      });
      worker.once('error', reject);
    });

  console.log(`warming up (3 s), then ${connections} connections for ${duration} s …`);
  await run(3);
  const mainThread = `${process.pid}/task/${process.pid}`;
  const chromaProcess = String(bench.chromaPid);
  const cpuBefore = [await cpuSeconds(mainThread), await cpuSeconds(chromaProcess)];
  const result = await run(duration);
  const cpuAfter = [await cpuSeconds(mainThread), await cpuSeconds(chromaProcess)];
  const cpuPerRequest = (index: number) => {
    const [before, after] = [cpuBefore[index], cpuAfter[index]];
    return before === undefined || after === undefined
      ? 'n/a'
      : `${((1000 * (after - before)) / Math.max(1, result.total)).toFixed(2)} ms`;
  };
  const latencies = [...result.latencies].sort((a, b) => a - b);
  const { unfinished } = result;
  console.log(`requests              ${result.total} in ${result.duration.toFixed(1)} s`);
  console.log(
    `throughput            ${(result.total / result.duration).toFixed(1)} req/s   (target ≥ 200 on 2 cores)`,
  );
  console.log(`latency p50           ${percentile(latencies, 0.5).toFixed(1)} ms`);
  console.log(`latency p95           ${percentile(latencies, 0.95).toFixed(1)} ms`);
  console.log(`latency p99           ${percentile(latencies, 0.99).toFixed(1)} ms`);
  console.log(`non-2xx               ${result.non2xx}`);
  console.log(`errors / timeouts     ${result.errors} / ${result.timeouts}`);
  console.log(`streams without done  ${unfinished}`);
  console.log(
    `CPU per request       server ${cpuPerRequest(0)}, Chroma ${cpuPerRequest(1)} (load generator not counted)`,
  );
  console.log(`distinct customers    ${holders.size} (one token each, taken in turn)`);
  console.log(`audit chain           ${(await audit.verify()).ok ? 'verified' : 'BROKEN'}`);
  await server.close();
} finally {
  await bench.dispose({ keep: values.keep ?? false });
}
