import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type ChromaServer, startChromaServer } from '../../knowledge/store/chroma-server.ts';

/** A real Chroma server in a scratch directory, for one test file. */
export interface ScratchChroma {
  server: ChromaServer;
  directory: string;
  dispose(): Promise<void>;
}

/** Starts `chroma run` on a free port with a throw-away data directory. */
export async function startScratchChroma(): Promise<ScratchChroma> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'advisor-chroma-'));
  const server = await startChromaServer({ dataDir: path.join(directory, 'chroma') });
  return {
    server,
    directory,
    dispose: async () => {
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
