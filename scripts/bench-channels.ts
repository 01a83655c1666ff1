import { parseArgs } from 'node:util';
import { GroundedChatModel } from '../chains/grounded/grounded-chat-model.ts';
import { OllamaChatModel } from '../chains/llm/index.ts';
import { startFakeOllama } from '../tests/support/fake-ollama.ts';
import { testIntentModel } from '../tests/support/intent-model.ts';
import { buildBenchAdvisor, percentile } from './bench-advisor.ts';
import { type BenchChannels, type ChannelTiming, startBenchChannels } from './bench-channel-servers.ts';
import { SwitchableChatModel } from './bench-first-sentence.ts';

/**
 * Time to the first validated sentence per channel and provider, through the real servers: the web chat over HTTP
 * (SSE), Slack (Bolt, signed events, an assistant thread) and Teams (CloudAdapter, 1:1 chat) mounted on the same
 * server as `npm start` mounts them, with local stand-ins for Slack's Web API, the Bot Connector and Ollama.
 */
const { values } = parseArgs({
  options: { customers: { type: 'string' }, turns: { type: 'string' }, keep: { type: 'boolean' } },
});
const customers = Number(values.customers ?? '300');
const turns = Number(values.turns ?? '30');
if (!Number.isInteger(customers) || customers < 1)
  throw new RangeError('--customers must be a whole number ≥ 1');
if (!Number.isInteger(turns) || turns < 1) throw new RangeError('--turns must be a whole number ≥ 1');

type ChannelName = keyof Omit<BenchChannels, 'close'>;
const CHANNELS: readonly ChannelName[] = ['web', 'slack', 'teams', 'teamsUnspaced'];

/** The question for turn `index`, worded for who asks: the customer (web) or their advisor (Slack, Teams). */
type Question = (index: number, customerId: string, asker: 'customer' | 'advisor') => string;
const mixedQuestions: Question = (index, customerId, asker) => {
  if (index % 2 === 0) {
    return asker === 'customer' ? 'What would you recommend for me?' : `What would suit ${customerId}?`;
  }
  return emergencyFund(index, customerId, asker);
};
const emergencyFund: Question = (_index, customerId, asker) =>
  asker === 'customer'
    ? 'How do I build an emergency fund?'
    : `How can ${customerId} build an emergency fund?`;

const GOOD_REPLY =
  'An emergency fund is money you keep aside for unexpected costs, such as a repair or a lost job. ' +
  'Many people build it up with a regular transfer into an instant-access savings account. ' +
  'Keeping it separate from everyday spending makes it easier not to dip into it.';

const grounded = new GroundedChatModel();
const writer = new SwitchableChatModel(grounded);
// The real intent model, trained once per machine and kept in the tests' cache under os.tmpdir() (see intent-model.ts).
const bench = await buildBenchAdvisor('bench-channels', customers, {
  model: writer,
  intents: await testIntentModel(),
});
const standIn = await startFakeOllama({
  models: ['mistral:latest'],
  chat: [{ kind: 'stream', tokens: GOOD_REPLY.match(/\S+\s*/g) ?? [], delayMs: 10 }],
});
let channels: BenchChannels | undefined;
try {
  channels = await startBenchChannels(bench.advisor);
  const providers = [
    { label: 'grounded', model: grounded, question: mixedQuestions },
    {
      label: 'ollama stand-in (10 ms/token)',
      model: new OllamaChatModel({ baseUrl: standIn.url, model: 'mistral', maxRetries: 0 }),
      question: emergencyFund,
    },
  ];
  const rows: string[] = [];
  for (const provider of providers) {
    writer.use(provider.model);
    for (const channel of CHANNELS) {
      const turn = channels[channel];
      const asker = channel === 'web' ? 'customer' : 'advisor';
      const customerAt = (index: number) => `C-${String(1 + ((index * 37) % customers)).padStart(6, '0')}`;
      // Two untimed turns warm each path (first requests compile code and open connections).
      for (let index = 0; index < 2; index++) {
        await turn(provider.question(index, customerAt(index), asker), customerAt(index));
      }
      const auditedBefore = (await bench.advisor.audit.turns({})).length;
      const timings: ChannelTiming[] = [];
      for (let index = 0; index < turns; index++) {
        const customerId = customerAt(index + 2);
        timings.push(await turn(provider.question(index, customerId, asker), customerId));
      }
      const written = (await bench.advisor.audit.turns({})).slice(auditedBefore);
      const writers = new Map<string, number>();
      for (const record of written) {
        const name = `${record.provider.name}/${record.provider.model}`;
        writers.set(name, (writers.get(name) ?? 0) + 1);
      }
      rows.push(row(channel, provider.label, timings, writers));
      console.log(rows.at(-1));
    }
  }
  console.log(
    `\ntime to first validated sentence per channel × provider (${customers} customers, ${turns} turns each):`,
  );
  console.log(
    `${'channel'.padEnd(14)} ${'provider'.padEnd(30)} ${'first p50'.padStart(10)} ${'first p95'.padStart(10)} ${'whole p50'.padStart(10)} ${'whole p95'.padStart(10)}  written by`,
  );
  for (const line of rows) console.log(line);
  console.log(
    [
      '',
      'web:   POST /api/chat (customer token) → first SSE `token` event (a validated sentence); whole = `done` event.',
      'slack: signed message in an open assistant thread → first chat.startStream with text at the Web API stand-in;',
      '       whole = chat.stopStream. (The POST itself is acknowledged at once; the reply streams afterwards.)',
      'teams: 1:1 activity POST (emulator mode, authentication off) → first `streaming` update at the connector',
      '       stand-in (typing and progress lines not counted); whole = the POST returns after the final message.',
      '       Teams updates are spaced ≥ 1 s apart (the product default; Teams throttles faster streams), so a reply',
      '       that is ready within a second reaches Teams as one final message about 1 s after the progress line.',
      'teamsUnspaced: the same Teams bot with updates unspaced (minIntervalMs 0): the pipeline without the throttle.',
    ].join('\n'),
  );
} finally {
  writer.use(grounded);
  await channels?.close();
  await standIn.close();
  await bench.dispose({ keep: values.keep ?? false });
}

function row(
  channel: string,
  provider: string,
  timings: readonly ChannelTiming[],
  writers: ReadonlyMap<string, number>,
): string {
  const sorted = (values: number[]) => [...values].sort((first, second) => first - second);
  const first = sorted(timings.map((timing) => timing.firstTextMs));
  const whole = sorted(timings.map((timing) => timing.wholeReplyMs));
  const cell = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
  const writtenBy = [...writers].map(([name, count]) => `${name} ×${count}`).join(', ');
  return (
    `${channel.padEnd(14)} ${provider.padEnd(30)} ${cell(percentile(first, 0.5))} ${cell(percentile(first, 0.95))} ` +
    `${cell(percentile(whole, 0.5))} ${cell(percentile(whole, 0.95))}  ${writtenBy}`
  );
}
