import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Advisor, createAdvisor, loadAppConfig } from '../bot/index.ts';
import type { ChatModel } from '../chains/llm/index.ts';
import type { IntentModel } from '../chains/understand/index.ts';
import { generateDataset } from '../knowledge/generate/index.ts';
import { ingestDataset, startChromaServer } from '../knowledge/index.ts';

/** A throw-away advisor for a benchmark: generated customers, its own Chroma server, store and audit log. */
export interface BenchAdvisor {
  advisor: Advisor;
  scratch: string;
  /** The benchmark's own Chroma server process, e.g. to read its CPU time. */
  chromaPid: number | undefined;
  /** Stops everything; removes the scratch folder unless asked to keep it. */
  dispose(options?: { keep?: boolean }): Promise<void>;
}

/**
 * Builds the advisor exactly as `npm start` wires it (createAdvisor), over a fresh store of `customers`
 * generated customers (seed 42), with the grounded provider so no LLM time is measured (unless `model` is given).
 * `intents` skips training the intent model in the fresh store (about a minute) when one is at hand.
 */
export async function buildBenchAdvisor(
  name: string,
  customers: number,
  options: { model?: ChatModel; intents?: IntentModel } = {},
): Promise<BenchAdvisor> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), `${name}-`));
  const storeDir = path.join(scratch, 'store');
  const dataDir = path.join(scratch, 'data');
  const chroma = await startChromaServer({ dataDir: path.join(storeDir, 'chroma') });
  try {
    console.log(`${name}: building a ${customers}-customer store in ${scratch} …`);
    const config = loadAppConfig({
      ...process.env,
      STORE_DIR: storeDir,
      DATA_DIR: dataDir,
      CHROMA_URL: chroma.url,
      LLM_PROVIDER: 'grounded',
      AUDIT_DB: path.join(scratch, 'audit.sqlite'),
    });
    await generateDataset({ customers, seed: 42, outDir: dataDir });
    const ingest = await ingestDataset({ config: config.knowledge, chromaUrl: chroma.url, dataDir });
    console.log(`store ready (${ingest.seconds.total.toFixed(1)} s, embedder ${ingest.embedder.id})`);
    const advisor = await createAdvisor(config, {
      ...(options.model ? { model: options.model } : {}),
      ...(options.intents ? { intents: options.intents } : {}),
    });
    return {
      advisor,
      scratch,
      chromaPid: chroma.pid,
      dispose: async (options = {}) => {
        await advisor.close();
        await chroma.stop();
        if (!options.keep) await rm(scratch, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await chroma.stop();
    throw error;
  }
}

/** The value at a fraction (0–1) of an ascending list. */
export function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

/**
 * CPU seconds (user + system) a process — or one thread of it, as `pid/task/tid` — has used so far, read from
 * Linux's /proc; undefined elsewhere. Lets a benchmark report CPU per request, which stays meaningful on a
 * busy machine where throughput does not.
 */
export async function cpuSeconds(pidPath: string): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pidPath}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at the closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / CLOCK_TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

/** Linux's USER_HZ, the unit of /proc CPU times: 100 on every mainstream architecture. */
const CLOCK_TICKS_PER_SECOND = 100;
