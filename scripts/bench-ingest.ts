import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateDataset } from '../knowledge/generate/index.ts';
import { ingestDataset, loadConfig, startChromaServer } from '../knowledge/index.ts';

/** Prints the ingest pipeline's throughput per stage, peak memory, and incremental re-ingest time. */
const { values } = parseArgs({ options: { customers: { type: 'string' }, keep: { type: 'boolean' } } });
const customers = Number(values.customers ?? '10000');
const scratch = await mkdtemp(path.join(os.tmpdir(), 'bench-ingest-'));
const dataDir = path.join(scratch, 'data');
const storeDir = path.join(scratch, 'store');
await mkdir(storeDir, { recursive: true });
const config = loadConfig({ ...process.env, STORE_DIR: storeDir, DATA_DIR: dataDir });
const server = await startChromaServer({ dataDir: path.join(storeDir, 'chroma') });

/** Peak resident memory of a process in MiB, from /proc (Linux). */
async function peakRssMiB(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

try {
  console.log(`bench:ingest — ${customers} customers, scratch ${scratch}`);
  const generateStart = performance.now();
  await generateDataset({ customers, seed: 42, outDir: dataDir });
  const generateSeconds = (performance.now() - generateStart) / 1000;

  const first = await ingestDataset({ config, chromaUrl: server.url, dataDir });
  const again = await ingestDataset({ config, chromaUrl: server.url, dataDir });

  // Change one customer's income and re-ingest: exactly one profile should be re-embedded.
  const customersFile = path.join(dataDir, 'customers.csv');
  const lines = (await readFile(customersFile, 'utf8')).split('\n');
  const fields = (lines[1] ?? '').split(',');
  fields[6] = String(Number(fields[6]) + 1000);
  lines[1] = fields.join(',');
  await writeFile(customersFile, lines.join('\n'));
  const changed = await ingestDataset({ config, chromaUrl: server.url, dataDir });
  const changedProfiles = changed.collections.find((summary) => summary.collection === 'customer_profiles');

  const rate = (seconds: number) =>
    seconds > 0 ? Math.round(customers / seconds) : Number.POSITIVE_INFINITY;
  const endToEnd = generateSeconds + first.seconds.total;
  const rows: [string, string][] = [
    ['embedder', `${first.embedder.id} (${first.embedder.reason})`],
    ['generate', `${generateSeconds.toFixed(2)} s  (${rate(generateSeconds)} customers/s)`],
    [
      'preprocess (validate + aggregate)',
      `${first.seconds.preprocess.toFixed(2)} s  (${rate(first.seconds.preprocess)} customers/s)`,
    ],
    ['embedder setup (fit/load)', `${first.seconds.embedderSetup.toFixed(2)} s`],
    ['embed', `${first.seconds.embed.toFixed(2)} s  (${rate(first.seconds.embed)} customers/s)`],
    ['upsert', `${first.seconds.upsert.toFixed(2)} s  (${rate(first.seconds.upsert)} customers/s)`],
    ['end to end (generate + ingest)', `${endToEnd.toFixed(2)} s  (target ≤ 60 s)`],
    [
      'no-change re-ingest',
      `${again.seconds.total.toFixed(2)} s, ${again.collections.reduce((n, c) => n + c.added + c.updated, 0)} re-embedded  (target ≤ 5 s)`,
    ],
    [
      'one-customer change re-ingest',
      `${changed.seconds.total.toFixed(2)} s, profiles updated: ${changedProfiles?.updated ?? '?'}`,
    ],
    ['peak RSS, this process', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`],
    ['peak RSS, Chroma server', `${(await peakRssMiB(server.pid)).toFixed(0)} MiB`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
} finally {
  await server.stop();
  if (!values.keep) await rm(scratch, { recursive: true, force: true });
}
