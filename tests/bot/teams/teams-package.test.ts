import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeZip } from '../../../bot/teams/store-zip.ts';
import { buildTeamsPackage } from '../../../bot/teams/teams-package.ts';

const run = promisify(execFile);
const BOT_ID = '11111111-2222-4333-8444-555555555555';
const FIRST_APP_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

/** Reads a ZIP's central directory and each stored file back, checking every CRC (independent of storeZip). */
function readStoredZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let cursor = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let index = 0; index < count; index++) {
    expect(zip.readUInt32LE(cursor)).toBe(0x02014b50);
    const size = zip.readUInt32LE(cursor + 24);
    const nameLength = zip.readUInt16LE(cursor + 28);
    const localOffset = zip.readUInt32LE(cursor + 42);
    const name = zip.subarray(cursor + 46, cursor + 46 + nameLength).toString('utf8');
    const dataStart =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const data = zip.subarray(dataStart, dataStart + size);
    expect(crc32(data)).toBe(zip.readUInt32LE(cursor + 16));
    files.set(name, data);
    cursor += 46 + nameLength;
  }
  return files;
}

describe('storeZip', () => {
  it('round-trips names and bytes (empty and UTF-8 names included) and refuses paths that escape', () => {
    const zip = storeZip([
      { name: 'a.txt', data: Buffer.from('hello') },
      { name: 'empty', data: new Uint8Array() },
      { name: 'dir/naïve.json', data: Buffer.from('{"x":1}') },
    ]);
    const files = readStoredZip(zip);
    expect([...files.keys()]).toEqual(['a.txt', 'empty', 'dir/naïve.json']);
    expect(files.get('a.txt')?.toString()).toBe('hello');
    expect(files.get('empty')?.length).toBe(0);
    expect(() => storeZip([{ name: '../evil', data: new Uint8Array() }])).toThrow(
      /relative path without ".."/,
    );
  });
});

describe('npm run teams:package (buildTeamsPackage)', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'teams-package-'));
  });
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('writes the manifest with this install’s app id, the bot id and the domain, plus both icons at the root', async () => {
    const built = await buildTeamsPackage({
      botAppId: BOT_ID,
      publicUrl: 'https://advisor.bank.example',
      outDir,
      newAppId: () => FIRST_APP_ID,
    });
    const files = readStoredZip(await readFile(built.zipPath));
    expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')?.toString() ?? '{}');
    expect(manifest.id).toBe(FIRST_APP_ID);
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.validDomains).toEqual(['advisor.bank.example']);
    expect(JSON.stringify(manifest)).not.toContain('{{');
    expect(files.get('color.png')).toEqual(await readFile('bot/teams/color.png'));
    if (existsSync('/usr/bin/unzip')) {
      const { stdout } = await run('unzip', ['-t', built.zipPath]);
      expect(stdout).toContain('No errors detected');
    }
  });

  it('keeps the app id on the next package, so Teams sees an update rather than a new app', async () => {
    const again = await buildTeamsPackage({
      botAppId: BOT_ID,
      publicUrl: 'https://advisor.bank.example',
      outDir,
      newAppId: () => 'ffffffff-ffff-4fff-8fff-ffffffffffff',
    });
    expect(again.appId).toBe(FIRST_APP_ID);
  });

  it.each([
    [
      { botAppId: 'not-a-guid', publicUrl: 'https://advisor.bank.example' },
      /MICROSOFT_APP_ID must be .* "not-a-guid"/,
    ],
    [{ botAppId: BOT_ID, publicUrl: 'http://127.0.0.1:3000' }, /PUBLIC_URL must be the public https URL/],
  ])('refuses %o, naming the setting', async (options, message) => {
    await expect(buildTeamsPackage({ ...options, outDir })).rejects.toThrow(message);
  });
});
