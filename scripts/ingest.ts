import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { ChainError } from '../chains/chain-error.ts';
import { loadUnderstandingConfig, prepareIntentModel } from '../chains/understand/index.ts';
import {
  connectChroma,
  ingestDataset,
  injectionDetectorOrRules,
  KnowledgeError,
  loadConfig,
} from '../knowledge/index.ts';
import { type MappedData, mappedDataDir, prepareMappedData } from '../knowledge/mapping/index.ts';
import { printIngestSummary } from './print-ingest-summary.ts';
import { printIntentModel } from './print-intent-model.ts';

const usage =
  'Usage: npm run ingest -- [--data data/] [--mapping bank-mapping.yaml] [--skip-invalid] [--rebuild]\n' +
  "  --mapping: the folder holds a bank's own export, described by a mapping (see docs/bring-your-own-data.md;\n" +
  '             draft one with npm run mapping:init -- --data DIR)';
let values: { data?: string; mapping?: string; 'skip-invalid'?: boolean; rebuild?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      data: { type: 'string' },
      mapping: { type: 'string' },
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
let interruptedAt = 0;
// Ctrl-C reaches this process itself (npm runs it with plain node, Chroma sits in its own process group).
// The first one finishes the current batch; one more, a second or more later, stops at once.
process.on('SIGINT', () => {
  if (interruptedAt === 0) {
    interruptedAt = Date.now();
    console.error('\nInterrupted: finishing the current batch, then stopping (the store stays consistent).');
    abort.abort();
  } else if (Date.now() - interruptedAt > 1000) {
    console.error('Interrupted again: stopping now; the batch in flight is not written.');
    process.exit(130);
  }
});

let mapped: MappedData | undefined;
if (values.mapping !== undefined) {
  try {
    mapped = await prepareMappedData(values.mapping, dataDir, mappedDataDir(config.storeDir));
    console.log(`Mapping ${values.mapping}: ${dataDir} translated into ${mapped.dataDir}`);
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    console.error(`Ingest failed (${error.code}): ${error.message}`);
    process.exit(1);
  }
}

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
  const injectionDetector = await injectionDetectorOrRules(config.storeDir, (message) =>
    console.log(message),
  );
  const summary = await ingestDataset({
    injectionDetector,
    config,
    chromaUrl: connection.url,
    dataDir,
    ...(mapped ? { mapped } : {}),
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
      // Without a terminal (logs, CI) each written batch gets a line, so an interrupted run shows where it stood.
      if (event.kind === 'progress' && !bar) {
        console.log(`  ${event.collection}: ${event.written}/${event.toWrite} written`);
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
