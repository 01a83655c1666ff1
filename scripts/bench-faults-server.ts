import { probeAuditWritable } from '../bot/audit/index.ts';
import { createAdvisor, loadAppConfig } from '../bot/index.ts';
import { connectChroma, ingestDataset } from '../knowledge/index.ts';
import { createWebChatApp, startWebServer } from '../web-chat/index.ts';

/**
 * The server `npm run bench:faults` kills: wired as `npm start` wires it (supervised Chroma, createAdvisor, the
 * web app with readiness) over the store and audit log named by the environment, with rate limits off so eight
 * loopback clients are not throttled. Prints `LISTENING <url>` once it serves. Not for production use.
 */
const config = loadAppConfig();
if (!config.webTokenSecret) throw new Error('WEB_TOKEN_SECRET must be set for the fault benchmark server');
const connection = await connectChroma({
  chromaUrl: config.knowledge.chromaUrl,
  storeDir: config.knowledge.storeDir,
  supervise: true,
});
await ingestDataset({
  config: config.knowledge,
  chromaUrl: connection.url,
  dataDir: config.knowledge.dataDir,
});
const advisor = await createAdvisor(
  { ...config, knowledge: { ...config.knowledge, chromaUrl: connection.url } },
  connection.supervisor ? { store: connection.supervisor } : {},
);
const app = createWebChatApp({
  core: advisor.core,
  audit: advisor.audit,
  tokenSecret: config.webTokenSecret,
  limits: {
    customerRequestsPerWindow: Number.POSITIVE_INFINITY,
    addressRequestsPerWindow: Number.POSITIVE_INFINITY,
  },
  readiness: {
    ...(connection.supervisor ? { store: connection.supervisor } : {}),
    audit: { health: advisor.core.auditHealth, probe: () => probeAuditWritable(advisor.audit.file) },
  },
});
const server = await startWebServer(app, 0, '127.0.0.1');
console.log(`LISTENING ${server.url}`);

const stop = async () => {
  await server.close();
  await advisor.close();
  await connection.release();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
