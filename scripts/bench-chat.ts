import { parseArgs } from 'node:util';
import type { Actor } from '../bot/core/index.ts';
import { createRandom, pick, randomInt } from '../knowledge/seeded-random.ts';
import { buildBenchAdvisor, percentile } from './bench-advisor.ts';

/**
 * Latency of a reply without LLM generation (retrieve + rank + bias guard + grounded compose + validate +
 * audit persist) at 10k customers: p50/p95/p99 and replies/s. Target: p95 ≤ 50 ms.
 */
const { values } = parseArgs({
  options: { customers: { type: 'string' }, turns: { type: 'string' }, keep: { type: 'boolean' } },
});
const customers = Number(values.customers ?? '10000');
const turns = Number(values.turns ?? '1000');

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

const bench = await buildBenchAdvisor('bench-chat', customers);
try {
  const { core, audit } = bench.advisor;
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
  const logged = await audit.turns({ limit: 100_000 });
  console.log(
    `turns                 ${turns} (60% recommendation, 30% knowledge, 10% small talk / off-topic)`,
  );
  console.log(`latency p50           ${percentile(latencies, 0.5).toFixed(1)} ms`);
  console.log(`latency p95           ${percentile(latencies, 0.95).toFixed(1)} ms   (target ≤ 50 ms)`);
  console.log(`latency p99           ${percentile(latencies, 0.99).toFixed(1)} ms`);
  console.log(`replies/s             ${(turns / seconds).toFixed(1)} (one at a time)`);
  console.log(`validator failures    ${failed}`);
  console.log(
    `audit rows            ${logged.length}, chain ${(await audit.verify()).ok ? 'verified' : 'BROKEN'}`,
  );
} finally {
  await bench.dispose({ keep: values.keep ?? false });
}
