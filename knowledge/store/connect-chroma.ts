import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { KnowledgeError } from '../errors.ts';
import { isChromaReachable, startChromaServer } from './chroma-server.ts';

/** A Chroma endpoint to talk to, and how to let go of it when done. */
export interface ChromaConnection {
  url: string;
  /** How the server was obtained, for logs: external, reused or started. */
  origin: 'external' | 'reused' | 'started';
  /** Stops the server only if this process started it. */
  release(): Promise<void>;
}

/**
 * Connects to CHROMA_URL when set; otherwise reuses the project's running local server
 * (recorded in `<storeDir>/chroma-server.json`) or starts one on a free port with data in `<storeDir>/chroma`.
 */
export async function connectChroma(options: {
  chromaUrl: string | undefined;
  storeDir: string;
  log?: (line: string) => void;
}): Promise<ChromaConnection> {
  if (options.chromaUrl) {
    if (!(await isChromaReachable(options.chromaUrl, 3000))) {
      throw new KnowledgeError(
        'STORE_UNAVAILABLE',
        `CHROMA_URL ${options.chromaUrl} does not answer its heartbeat`,
      );
    }
    return { url: options.chromaUrl, origin: 'external', release: async () => {} };
  }
  const recordFile = path.join(options.storeDir, 'chroma-server.json');
  const recorded = await readRecordedUrl(recordFile);
  if (recorded && (await isChromaReachable(recorded, 1000))) {
    return { url: recorded, origin: 'reused', release: async () => {} };
  }
  const server = await startChromaServer({
    dataDir: path.join(options.storeDir, 'chroma'),
    ...(options.log ? { log: options.log } : {}),
  });
  await writeFile(recordFile, JSON.stringify({ url: server.url, pid: process.pid }), 'utf8');
  return {
    url: server.url,
    origin: 'started',
    release: async () => {
      await server.stop();
      await rm(recordFile, { force: true });
    },
  };
}

async function readRecordedUrl(file: string): Promise<string | undefined> {
  try {
    const record: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (record && typeof record === 'object' && 'url' in record && typeof record.url === 'string')
      return record.url;
    return undefined;
  } catch {
    return undefined;
  }
}
