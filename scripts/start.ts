import { existsSync } from 'node:fs';
import path from 'node:path';
import { generateDataset } from '../knowledge/generate/index.ts';
import {
  connectChroma,
  ingestDataset,
  KnowledgeError,
  KnowledgeStore,
  loadConfig,
  resolveEmbedder,
} from '../knowledge/index.ts';
import { lsaModelDir } from '../knowledge/ingest.ts';
import { printIngestSummary } from './print-ingest-summary.ts';

/**
 * The main job: demo data (generated once), the store (ingested incrementally), and a sample query.
 * The web chat, Slack and Teams endpoints join here when the channels land.
 */
const config = loadConfig();
const DEMO_CUSTOMERS = 10_000;
const DEMO_SEED = 42;

if (!existsSync(path.join(config.dataDir, 'customers.csv'))) {
  console.log(
    `No dataset in ${config.dataDir}: generating ${DEMO_CUSTOMERS} demo customers (seed ${DEMO_SEED})…`,
  );
  const summary = await generateDataset({
    customers: DEMO_CUSTOMERS,
    seed: DEMO_SEED,
    outDir: config.dataDir,
  });
  console.log(`Generated in ${summary.seconds.toFixed(1)} s.`);
}

const connection = await connectChroma({ chromaUrl: config.chromaUrl, storeDir: config.storeDir });
console.log(`Chroma: ${connection.url} (${connection.origin}), data in ${config.storeDir}`);
let exitCode = 0;
try {
  const summary = await ingestDataset({
    config,
    chromaUrl: connection.url,
    dataDir: config.dataDir,
    onEvent: (event) => {
      if (event.kind === 'stage') console.log(event.message);
      if (event.kind === 'embedder')
        console.log(`Embedder: ${event.choice.embedder.id} — ${event.choice.reason}`);
    },
  });
  printIngestSummary(summary);

  const { embedder } = await resolveEmbedder(config, {
    lsaDir: lsaModelDir(config.storeDir),
    storeKind: summary.embedder.kind === 'transformers' ? 'transformers' : 'lsa',
  });
  const store = await KnowledgeStore.open({ url: connection.url, embedder });
  const customerId = 'C-000001';
  const [profile] = await store.getByIds('profiles', [customerId]);
  if (profile) {
    console.log(`\nSample: ${customerId}\n${profile.text}`);
    const products = await store.query('products', profile.text, { k: 3 });
    console.log(`Nearest products: ${products.map((hit) => `${hit.id} ${hit.metadata.name}`).join('; ')}`);
    const passages = await store.query('articles', 'How do I build an emergency fund?', { k: 1 });
    console.log(`"How do I build an emergency fund?" → ${passages[0]?.metadata.title ?? 'no passage'}`);
  }
  console.log(
    '\nTry: npm run query -- --customer C-000042 --question "how should I pay off my credit card?"',
  );
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(`Failed (${error.code}): ${error.message}`);
  exitCode = 1;
} finally {
  await connection.release();
}
process.exit(exitCode);
