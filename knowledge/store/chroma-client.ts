import { ChromaClient } from 'chromadb';

/** A chromadb client for a server URL (http or https, default ports when none is given). */
export function createChromaClient(url: string): ChromaClient {
  const parsed = new URL(url);
  const ssl = parsed.protocol === 'https:';
  const port = parsed.port ? Number(parsed.port) : ssl ? 443 : 80;
  return new ChromaClient({ host: parsed.hostname, port, ssl });
}
