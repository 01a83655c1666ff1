import { loadAppConfig } from '../bot/index.ts';
import type { TeamsChannel } from '../bot/teams/index.ts';
import { buildTeamsPackage } from '../bot/teams/teams-package.ts';

/** `npm run teams:package`: the Teams app zip to upload (Apps → Manage your apps → Upload a custom app). */
const config = loadAppConfig();
const teams = (config.channels.find((channel) => channel.name === 'teams') as TeamsChannel | undefined)
  ?.settings;
if (!teams) {
  console.error(
    'Set MICROSOFT_APP_ID (and MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID) to the Azure Bot registration first.',
  );
  process.exit(1);
}
if (!config.server.publicUrl) {
  console.error(
    'Set PUBLIC_URL to the https URL Teams reaches this server at (its host goes in validDomains).',
  );
  process.exit(1);
}
const built = await buildTeamsPackage({ botAppId: teams.appId, publicUrl: config.server.publicUrl });
console.log(`Teams app package: ${built.zipPath}`);
console.log(
  `Teams app id of this install: ${built.appId} (kept in build/teams/app-id.txt; later packages reuse it)`,
);
console.log(
  `Bot id: ${teams.appId}; messaging endpoint to set on the Azure Bot: ${config.server.publicUrl}/api/messages`,
);
