import { parseArgs } from 'node:util';
import type { Actor } from '../bot/core/index.ts';
import { GroundedChatModel } from '../chains/grounded/grounded-chat-model.ts';
import { loadLlamaCppChatModel, loadLlmConfig, OllamaChatModel } from '../chains/llm/index.ts';
import { createRandom, pick, randomInt } from '../knowledge/seeded-random.ts';
import { startFakeOllama } from '../tests/support/fake-ollama.ts';
import { buildBenchAdvisor, percentile } from './bench-advisor.ts';
import {
  benchLlamaCppModelPath,
  describeFirstSentence,
  describeModelWritten,
  measureFirstSentence,
  SwitchableChatModel,
} from './bench-first-sentence.ts';

/**
 * Latency of a reply without LLM generation (retrieve + rank + bias guard + grounded compose + validate +
 * audit persist) at 10k customers: p50/p95/p99 and replies/s. Target: p95 ≤ 50 ms.
 * Then time to the first validated sentence of a streamed reply, per provider: grounded; llama.cpp with
 * LLAMACPP_MODEL_PATH or ../shared/models/stories260K.gguf when present; the Ollama stand-in server streaming a
 * good reply at 10 ms a token.
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

const grounded = new GroundedChatModel();
const writer = new SwitchableChatModel(grounded);
const bench = await buildBenchAdvisor('bench-chat', customers, { model: writer });
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

  console.log(
    '\ntime to first validated sentence (streamed: sentence checks + opening audit record before it):',
  );
  const customerActor = (index: number): Actor => {
    const customerId = `C-${String(1 + (index % customers)).padStart(6, '0')}`;
    return { channel: 'cli', userId: customerId, role: 'customer', customerId };
  };
  const mixed = (index: number) => turnFor(5000 + index);
  console.log(describeFirstSentence(await measureFirstSentence(bench.advisor.core, 'grounded', 200, mixed)));
  const emergencyFund = (label: string) => (index: number) => ({
    actor: customerActor(index),
    threadId: `first-${label}-${index}`,
    text: 'How do I build an emergency fund?',
  });

  const llamaPath = benchLlamaCppModelPath(loadLlmConfig(process.env).llamacppModelPath);
  if (llamaPath) {
    writer.use(await loadLlamaCppChatModel(llamaPath));
    const figures = await measureFirstSentence(
      bench.advisor.core,
      `llamacpp ${writer.model}`,
      10,
      emergencyFund('llamacpp'),
    );
    console.log(describeFirstSentence(figures));
    // stories260K writes children's stories: every reply it wrote itself is a text the validator let through.
    console.log(describeModelWritten(figures));
  } else {
    console.log(
      'llamacpp                           skipped: no LLAMACPP_MODEL_PATH and no ../shared/models/stories260K.gguf',
    );
  }

  const goodReply =
    'An emergency fund is money you keep aside for unexpected costs, such as a repair or a lost job. ' +
    'Many people build it up with a regular transfer into an instant-access savings account. ' +
    'Keeping it separate from everyday spending makes it easier not to dip into it.';
  const standIn = await startFakeOllama({
    models: ['mistral:latest'],
    chat: [{ kind: 'stream', tokens: goodReply.match(/\S+\s*/g) ?? [], delayMs: 10 }],
  });
  try {
    writer.use(new OllamaChatModel({ baseUrl: standIn.url, model: 'mistral', maxRetries: 0 }));
    const figures = await measureFirstSentence(
      bench.advisor.core,
      'ollama stand-in (10 ms a token)',
      20,
      emergencyFund('ollama'),
    );
    console.log(describeFirstSentence(figures));
  } finally {
    writer.use(grounded);
    await standIn.close();
  }
} finally {
  await bench.dispose({ keep: values.keep ?? false });
}
