import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CoreError } from '../core/index.ts';
import { storeZip } from './store-zip.ts';

const TEAMS_FOLDER = path.dirname(fileURLToPath(import.meta.url));
/** Where `npm run teams:package` writes the app package (and keeps this install's app id). */
export const TEAMS_BUILD_DIR = path.resolve(TEAMS_FOLDER, '../../build/teams');

/** What the package needs: the bot's Azure app id, the public host, and where to keep the install's app id. */
export interface TeamsPackageOptions {
  /** MICROSOFT_APP_ID: the Azure Bot's app id, which the manifest's `botId` must be. */
  botAppId: string;
  /** PUBLIC_URL: the server's public URL; its host goes in `validDomains`. */
  publicUrl: string;
  outDir?: string;
  /** Makes the first package's app id; later packages reuse it so Teams sees an update, not a new app. */
  newAppId?: () => string;
}

const Guid = z.uuid('expected a GUID');
const PLACEHOLDERS = ['{{MICROSOFT_APP_ID}}', '{{BOT_DOMAIN}}'];

/**
 * Writes `financial-advisor-teams.zip` (manifest.json with this install's app id, the bot id and the domain
 * filled in, plus both icons at the root) and returns its path and the manifest it holds.
 */
export async function buildTeamsPackage(
  options: TeamsPackageOptions,
): Promise<{ zipPath: string; appId: string; manifest: Record<string, unknown> }> {
  const botId = Guid.safeParse(options.botAppId);
  if (!botId.success) {
    throw new CoreError(
      'INVALID_INPUT',
      `MICROSOFT_APP_ID must be the Azure Bot's app id (a GUID), got "${options.botAppId}".`,
    );
  }
  const domain = URL.canParse(options.publicUrl) ? new URL(options.publicUrl).host : '';
  if (!domain || domain.startsWith('localhost') || domain.startsWith('127.')) {
    throw new CoreError(
      'INVALID_INPUT',
      `PUBLIC_URL must be the public https URL Teams reaches the bot at, got "${options.publicUrl}".`,
    );
  }
  const outDir = options.outDir ?? TEAMS_BUILD_DIR;
  await mkdir(outDir, { recursive: true });
  const appId = await installAppId(path.join(outDir, 'app-id.txt'), options.newAppId ?? randomUUID);
  const template = await readFile(path.join(TEAMS_FOLDER, 'manifest.json'), 'utf8');
  const filled = template.replaceAll('{{MICROSOFT_APP_ID}}', botId.data).replaceAll('{{BOT_DOMAIN}}', domain);
  const manifest = { ...(JSON.parse(filled) as Record<string, unknown>), id: appId };
  const left = PLACEHOLDERS.filter((placeholder) => JSON.stringify(manifest).includes(placeholder));
  if (left.length > 0) throw new CoreError('INVALID_INPUT', `The manifest still has ${left.join(', ')}.`);
  const zip = storeZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: 'color.png', data: await readFile(path.join(TEAMS_FOLDER, 'color.png')) },
    { name: 'outline.png', data: await readFile(path.join(TEAMS_FOLDER, 'outline.png')) },
  ]);
  const zipPath = path.join(outDir, 'financial-advisor-teams.zip');
  await writeFile(zipPath, zip);
  return { zipPath, appId, manifest };
}

async function installAppId(file: string, newAppId: () => string): Promise<string> {
  const saved = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => null,
  );
  if (saved !== null) {
    const parsed = Guid.safeParse(saved);
    if (!parsed.success)
      throw new CoreError('INVALID_INPUT', `${file} must hold one GUID, the Teams app id of this install.`);
    return parsed.data;
  }
  const appId = newAppId();
  await writeFile(file, `${appId}\n`);
  return appId;
}
