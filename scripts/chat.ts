import readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { type Actor, CoreError, type OutboundReply } from '../bot/core/index.ts';
import { createAdvisor, loadAppConfig } from '../bot/index.ts';
import { KnowledgeError } from '../knowledge/index.ts';

/** A terminal chat with the advisor, for trying it without Slack or Teams. */
const usage = 'Usage: npm run chat -- --customer C-000001 [--as customer|advisor|admin] [--question "…"]';
let values: { customer?: string; as?: string; question?: string };
try {
  ({ values } = parseArgs({
    options: { customer: { type: 'string' }, as: { type: 'string' }, question: { type: 'string' } },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const role = values.as ?? (values.customer ? 'customer' : 'advisor');
if (!['customer', 'advisor', 'admin'].includes(role) || (role === 'customer' && !values.customer)) {
  console.error(usage);
  process.exit(2);
}
const userId = process.env.USER ?? 'terminal';
const actor: Actor =
  role === 'customer'
    ? { channel: 'cli', userId, role: 'customer', customerId: values.customer ?? '' }
    : role === 'advisor'
      ? { channel: 'cli', userId, role: 'advisor', book: null }
      : { channel: 'cli', userId, role: 'admin' };

let advisor: Awaited<ReturnType<typeof createAdvisor>>;
try {
  advisor = await createAdvisor(loadAppConfig());
} catch (error) {
  if (error instanceof KnowledgeError || error instanceof CoreError) {
    console.error(`Cannot start (${error.code}): ${error.message}`);
    process.exit(1);
  }
  throw error;
}
console.log(`Embedder: ${advisor.knowledge.embedder.embedder.id}`);
console.log(
  `Replies written by: ${advisor.model.provider} (${advisor.model.model}) — ${advisor.modelReason}`,
);
const threadId = `cli-${process.pid}`;

async function ask(text: string): Promise<void> {
  try {
    const reply = await advisor.core.handle(
      {
        actor,
        threadId,
        text,
        ...(values.customer && role !== 'customer' ? { customerId: values.customer } : {}),
      },
      {
        onToken: (token) => process.stdout.write(token),
        // A terminal cannot take back what it printed: say so and print the text that replaces it.
        onReplace: (replacement) =>
          process.stdout.write(`\n[replaced by the checked answer]\n${replacement}`),
      },
    );
    process.stdout.write('\n');
    printMetadata(reply);
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    console.log(`[${error.code}] ${error.message}`);
  }
}

function printMetadata(reply: OutboundReply): void {
  for (const product of reply.products)
    console.log(`  ▸ ${product.name} (${product.productId}) score ${product.score.toFixed(2)}`);
  for (const source of reply.sources) console.log(`  ▸ source: ${source.title}`);
  const issues = reply.validator.issues.map((issue) => issue.reason).join(', ');
  console.log(
    `  [${reply.intent} · ${reply.provider.name}/${reply.provider.model} · validator ${reply.validator.ok ? 'ok' : 'FAILED'}` +
      `${issues ? ` (${issues})` : ''}${reply.validator.fellBack ? ' · fell back to grounded' : ''} · bias ${reply.bias.flagged ? 'FLAGGED' : 'ok'}` +
      ` · ${reply.latencyMs.toFixed(0)} ms · audit #${reply.auditSeq}]`,
  );
}

try {
  if (values.question) {
    await ask(values.question);
  } else {
    const terminal = readline.createInterface({ input: process.stdin, output: process.stdout });
    console.log('Type a question (empty line or Ctrl-D to quit).');
    for await (const line of terminal) {
      if (line.trim() === '') break;
      await ask(line);
    }
    terminal.close();
  }
} finally {
  await advisor.close();
}
