import { parseArgs } from 'node:util';
import { evaluatePostScreen, generatedPosts } from '../chains/eval/understanding/post-screen-evaluation.ts';
import { KnowledgeError, loadConfig } from '../knowledge/index.ts';
import { injectionDetectorOrRules } from '../knowledge/safety/index.ts';

const usage =
  'Usage: npx tsx scripts/eval-post-screen.ts [--seed N] [--customers N]\n' +
  '(generates a seeded dataset and reports ordinary posts dropped and planted injections caught at ingest)';
let values: { seed?: string; customers?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { seed: { type: 'string' }, customers: { type: 'string' }, help: { type: 'boolean' } },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const wholeNumber = (name: string, text: string | undefined, fallback: number): number => {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    console.error(`--${name} must be a whole number ≥ 1, got "${text}"\n${usage}`);
    process.exit(2);
  }
  return Number(text);
};
const seed = wholeNumber('seed', values.seed, 7);
const customers = wholeNumber('customers', values.customers, 2000);
try {
  const detector = await injectionDetectorOrRules(loadConfig().storeDir, (message) => console.error(message));
  const result = evaluatePostScreen(detector, await generatedPosts({ seed, customers }));
  const percent = (rate: number | null) => (rate === null ? 'n/a' : `${(rate * 100).toFixed(2)}%`);
  console.log(`Post screen ${result.detectorId} — generated dataset, seed ${seed}, ${customers} customers`);
  console.log(
    `  ordinary posts dropped: ${result.dropped} of ${result.benign} (${percent(result.dropRate)})`,
  );
  console.log(
    `  planted injections caught: ${result.caught} of ${result.planted} (${percent(result.recall)})`,
  );
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(`Evaluation failed (${error.code}): ${error.message}`);
  process.exit(1);
}
