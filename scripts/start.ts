import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { probeAuditWritable } from '../bot/audit/index.ts';
import { createAdvisor, loadAppConfig } from '../bot/index.ts';
import { runModeLine } from '../bot/run-mode.ts';
import { prepareIntentModel } from '../chains/understand/index.ts';
import { ensureValidatorPromissoryModel } from '../chains/validate/index.ts';
import { generateDataset } from '../knowledge/generate/index.ts';
import {
  connectChroma,
  type InjectionDetector,
  ingestDataset,
  injectionDetectorOrRules,
  KnowledgeError,
} from '../knowledge/index.ts';
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
console.log(runModeLine(config));
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

// Supervised: a Chroma started here is restarted if it dies, an external one is watched until it answers again.
const connection = await connectChroma({
  chromaUrl: config.knowledge.chromaUrl,
  storeDir: config.knowledge.storeDir,
  supervise: true,
});
console.log(`Chroma: ${connection.url} (${connection.origin}), data in ${config.knowledge.storeDir}`);
let injectionDetector: InjectionDetector;
try {
  injectionDetector = await injectionDetectorOrRules(config.knowledge.storeDir, (message) =>
    console.log(message),
  );
  const summary = await ingestDataset({
    injectionDetector,
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

const promissoryModel = await ensureValidatorPromissoryModel(config.knowledge.storeDir);
console.log(
  `Promissory check: patterns + ${promissoryModel.id} (threshold ${promissoryModel.threshold.toFixed(2)})`,
);
const intentModel = await prepareIntentModel(config.knowledge.storeDir, config.understanding);
printIntentModel(intentModel);
const advisor = await createAdvisor(
  { ...config, knowledge: { ...config.knowledge, chromaUrl: connection.url } },
  {
    intents: intentModel.model,
    safety: { injectionDetector, promissoryModel },
    ...(connection.supervisor ? { store: connection.supervisor } : {}),
  },
);
console.log(
  `Replies written by: ${advisor.model.provider} (${advisor.model.model}) — ${advisor.modelReason}`,
);
const tokenSecret = config.webTokenSecret ?? randomBytes(32).toString('hex');
if (!config.webTokenSecret) {
  console.log('WEB_TOKEN_SECRET is not set: using a random secret for this run (demo tokens only).');
}
const { demo } = config.web;
const app = createWebChatApp({
  core: advisor.core,
  audit: advisor.audit,
  tokenSecret,
  tokenAudience: config.web.tokenAudience,
  tokenIssuer: config.web.tokenIssuer,
  allowedOrigins: config.web.allowedOrigins,
  trustProxy: config.web.trustProxy,
  demo: { enabled: demo },
  handoffs: advisor.handoffs,
  readiness: {
    ...(connection.supervisor ? { store: connection.supervisor } : {}),
    audit: { health: advisor.core.auditHealth, probe: () => probeAuditWritable(advisor.audit.file) },
    writer: {
      provider: advisor.model.provider,
      model: advisor.model.model,
      ...('baseUrl' in advisor.model && typeof advisor.model.baseUrl === 'string'
        ? { baseUrl: advisor.model.baseUrl }
        : {}),
    },
  },
});
// In demo mode only, the printed link signs in a demo admin; real admins are web users with the admin role.
app.route(
  '/admin',
  createAdminRoutes({
    analytics: advisor.analytics,
    roles: advisor.roles,
    tokenSecret,
    tokenIssuer: config.web.tokenIssuer,
    trustProxy: config.web.trustProxy,
    ...(demo ? { demoAdminId: DEMO_ADMIN_ID } : {}),
  }),
);
const channels = mountChannels(app, advisor, config);
const server = await startWebServer(app, config.server.port, config.server.host);
if (demo) {
  const adminToken = await signAdminToken({
    userId: DEMO_ADMIN_ID,
    secret: tokenSecret,
    nowMs: Date.now(),
    lifetimeSeconds: MAX_TOKEN_LIFETIME_SECONDS,
    issuer: config.web.tokenIssuer,
  });
  console.log(`\nWeb chat demo:  ${server.url}/?customer=C-000001   (the bank's page with the widget)`);
  console.log(`Admin dashboard: ${server.url}/admin#token=${adminToken}   (demo admin, valid 1 h)`);
} else {
  console.log(
    `\nWeb chat API:   ${server.url}/api/chat   (the bank's pages sign customer tokens on their server)`,
  );
  console.log(
    `Admin dashboard: ${server.url}/admin   (sign in with an admin token from the bank's single sign-on)`,
  );
}
console.log(
  `Widget script:  ${server.url}/widget.js   Health: ${server.url}/healthz   Ready: ${server.url}/readyz`,
);
for (const channel of channels) {
  console.log(`${`${channel.label}:`.padEnd(16)}${channel.check ? await channel.check() : channel.status}`);
}
console.log('Press Ctrl-C to stop.');

// `process.on`, not `once`: a second Ctrl-C while stopping must not kill the process before Chroma is stopped.
let stopping = false;
const stop = async (signal: string) => {
  if (stopping) {
    console.log(`${signal}: already stopping…`);
    return;
  }
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  await server.close();
  await advisor.close();
  await connection.release();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
