import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createAdvisor, loadAppConfig } from '../bot/index.ts';
import { prepareIntentModel } from '../chains/understand/index.ts';
import { generateDataset } from '../knowledge/generate/index.ts';
import { connectChroma, ingestDataset, KnowledgeError } from '../knowledge/index.ts';
import {
  createAdminRoutes,
  createWebChatApp,
  MAX_TOKEN_LIFETIME_SECONDS,
  signAdminToken,
  startWebServer,
} from '../web-chat/index.ts';
import { mountChannels } from '../web-chat/mount-channels.ts';
import { printIngestSummary } from './print-ingest-summary.ts';
import { printIntentModel } from './print-intent-model.ts';

/**
 * The main job: demo data (generated once), the store (ingested incrementally), then the web chat demo page,
 * Slack and Teams endpoints on one port, over one conversation core. Ctrl-C stops everything cleanly.
 */
const config = loadAppConfig();
const DEMO_CUSTOMERS = 10_000;
const DEMO_SEED = 42;
/** The web user the printed admin link signs in as; an admin only because this run is a demo. */
const DEMO_ADMIN_ID = 'demo-admin';

if (!existsSync(path.join(config.knowledge.dataDir, 'customers.csv'))) {
  console.log(
    `No dataset in ${config.knowledge.dataDir}: generating ${DEMO_CUSTOMERS} demo customers (seed ${DEMO_SEED})…`,
  );
  const summary = await generateDataset({
    customers: DEMO_CUSTOMERS,
    seed: DEMO_SEED,
    outDir: config.knowledge.dataDir,
  });
  console.log(`Generated in ${summary.seconds.toFixed(1)} s.`);
}

const connection = await connectChroma({
  chromaUrl: config.knowledge.chromaUrl,
  storeDir: config.knowledge.storeDir,
});
console.log(`Chroma: ${connection.url} (${connection.origin}), data in ${config.knowledge.storeDir}`);
try {
  const summary = await ingestDataset({
    config: config.knowledge,
    chromaUrl: connection.url,
    dataDir: config.knowledge.dataDir,
    onEvent: (event) => {
      if (event.kind === 'stage') console.log(event.message);
      if (event.kind === 'embedder')
        console.log(`Embedder: ${event.choice.embedder.id} — ${event.choice.reason}`);
    },
  });
  printIngestSummary(summary);
} catch (error) {
  await connection.release();
  if (error instanceof KnowledgeError) {
    console.error(`Ingest failed (${error.code}): ${error.message}`);
    process.exit(1);
  }
  throw error;
}

const intentModel = await prepareIntentModel(config.knowledge.storeDir, config.understanding);
printIntentModel(intentModel);
const advisor = await createAdvisor(
  { ...config, knowledge: { ...config.knowledge, chromaUrl: connection.url } },
  { intents: intentModel.model },
);
console.log(
  `Replies written by: ${advisor.model.provider} (${advisor.model.model}) — ${advisor.modelReason}`,
);
const tokenSecret = config.webTokenSecret ?? randomBytes(32).toString('hex');
if (!config.webTokenSecret) {
  console.log('WEB_TOKEN_SECRET is not set: using a random secret for this run (demo tokens only).');
}
const app = createWebChatApp({
  core: advisor.core,
  audit: advisor.audit,
  tokenSecret,
  demo: { enabled: true },
});
// The demo page above is always on, so the demo admin is too; real admins are web users with the admin role.
app.route(
  '/admin',
  createAdminRoutes({
    analytics: advisor.analytics,
    roles: advisor.roles,
    tokenSecret,
    demoAdminId: DEMO_ADMIN_ID,
  }),
);
const channels = mountChannels(app, advisor, config);
const server = await startWebServer(app, config.server.port, config.server.host);
const adminToken = await signAdminToken({
  userId: DEMO_ADMIN_ID,
  secret: tokenSecret,
  nowMs: Date.now(),
  lifetimeSeconds: MAX_TOKEN_LIFETIME_SECONDS,
});
console.log(`\nWeb chat demo:  ${server.url}/?customer=C-000001   (the bank's page with the widget)`);
console.log(`Widget script:  ${server.url}/widget.js   Health: ${server.url}/healthz`);
console.log(`Admin dashboard: ${server.url}/admin#token=${adminToken}   (demo admin, valid 1 h)`);
console.log(`Slack:          ${channels.slack}`);
console.log(`Teams:          ${channels.teams}`);
console.log('Press Ctrl-C to stop.');

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  await server.close();
  await advisor.close();
  await connection.release();
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
