import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { ChainError } from '../chains/chain-error.ts';
import { loadUnderstandingConfig, prepareIntentModel } from '../chains/understand/index.ts';
import { connectChroma, ingestDataset, KnowledgeError, loadConfig } from '../knowledge/index.ts';
import { printIngestSummary } from './print-ingest-summary.ts';
import { printIntentModel } from './print-intent-model.ts';

const usage = 'Usage: npm run ingest -- [--data data/] [--skip-invalid] [--rebuild]';
let values: { data?: string; 'skip-invalid'?: boolean; rebuild?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      data: { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      rebuild: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const config = loadConfig();
const dataDir = values.data ?? config.dataDir;
const abort = new AbortController();
process.once('SIGINT', () => {
  console.error('\nInterrupted: finishing the current batch, then stopping (the store stays consistent).');
  abort.abort();
});

const connection = await connectChroma({ chromaUrl: config.chromaUrl, storeDir: config.storeDir });
console.log(`Chroma: ${connection.url} (${connection.origin})`);
const bar = process.stdout.isTTY
  ? new cliProgress.SingleBar(
      { format: '  {collection} [{bar}] {value}/{total} documents' },
      cliProgress.Presets.shades_classic,
    )
  : undefined;
let barFor = '';
let exitCode = 0;
try {
  const summary = await ingestDataset({
    config,
    chromaUrl: connection.url,
    dataDir,
    skipInvalid: values['skip-invalid'] ?? false,
    rebuild: values.rebuild ?? false,
    signal: abort.signal,
    onEvent: (event) => {
      if (event.kind === 'stage') console.log(event.message);
      if (event.kind === 'embedder') {
        console.log(
          `Embedder: ${event.choice.embedder.id} (${event.choice.embedder.dimensions} dimensions) — ${event.choice.reason}`,
        );
      }
      if (event.kind === 'progress' && bar) {
        if (barFor !== event.collection) {
          bar.stop();
          bar.start(event.toWrite, 0, { collection: event.collection });
          barFor = event.collection;
        }
        bar.update(event.written);
        if (event.written === event.toWrite) bar.stop();
      }
    },
  });
  bar?.stop();
  printIngestSummary(summary);
  if (summary.interrupted) exitCode = 130;
  // The intent model lives in the store folder too; it is retrained only when its inputs changed.
  else printIntentModel(await prepareIntentModel(config.storeDir, loadUnderstandingConfig()));
} catch (error) {
  bar?.stop();
  if (error instanceof ChainError) {
    console.error(`Training the intent model failed (${error.code}): ${error.message}`);
    exitCode = 1;
  } else if (error instanceof KnowledgeError) {
    console.error(`Ingest failed (${error.code}): ${error.message}`);
    exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await connection.release();
}
process.exit(exitCode);
