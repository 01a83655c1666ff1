import { parseArgs } from 'node:util';
import { KnowledgeError, loadConfig, openKnowledgeBase } from '../knowledge/index.ts';

const usage = 'Usage: npm run query -- --customer C-000001 [--question "text"] [--k 5]';
let values: { customer?: string; question?: string; k?: string };
try {
  ({ values } = parseArgs({
    options: { customer: { type: 'string' }, question: { type: 'string' }, k: { type: 'string' } },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const customerId = values.customer;
const k = Number(values.k ?? '5');
if (!customerId || !Number.isInteger(k) || k < 1 || k > 50) {
  console.error(usage);
  process.exit(2);
}

const config = loadConfig();
let exitCode = 0;
try {
  const knowledge = await openKnowledgeBase(config);
  try {
    console.log(`Embedder: ${knowledge.embedder.embedder.id} — ${knowledge.embedder.reason}`);
    const [profile] = await knowledge.store.getByIds('profiles', [customerId]);
    if (!profile) {
      console.error(`No customer ${customerId} in the store.`);
      exitCode = 1;
    } else {
      console.log(`\nProfile of ${customerId}:\n${profile.text}\n`);
      const question = values.question ?? profile.text;
      const products = await knowledge.store.query('products', question, { k });
      console.log(`Nearest products to ${values.question ? 'the question' : 'the profile'}:`);
      for (const hit of products)
        console.log(`  ${hit.id}  ${hit.metadata.name}  (distance ${hit.distance.toFixed(3)})`);
      const articles = await knowledge.store.query('articles', question, { k: 3 });
      console.log('Nearest knowledge passages:');
      for (const hit of articles) {
        console.log(
          `  ${hit.id}  ${hit.metadata.title} — ${hit.metadata.section}  (distance ${hit.distance.toFixed(3)})`,
        );
      }
    }
  } finally {
    await knowledge.close();
  }
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(`Query failed (${error.code}): ${error.message}`);
  exitCode = 1;
}
process.exit(exitCode);
