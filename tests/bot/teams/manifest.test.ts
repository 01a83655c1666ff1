import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseTeamsText, TEAMS_COMMANDS } from '../../../bot/teams/index.ts';

const TEAMS_DIRECTORY = path.resolve(import.meta.dirname, '../../../bot/teams');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const https = z.url({ protocol: /^https$/ });
const scope = z.enum(['personal', 'team', 'groupChat']);

// The fields Teams requires of a v1.17 manifest, with the length limits of its published schema.
const TeamsManifest = z.object({
  $schema: z.literal('https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json'),
  manifestVersion: z.literal('1.17'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  id: z.string().regex(GUID),
  developer: z.object({
    name: z.string().min(1).max(32),
    websiteUrl: https,
    privacyUrl: https,
    termsOfUseUrl: https,
  }),
  name: z.object({ short: z.string().min(1).max(30), full: z.string().min(1).max(100) }),
  description: z.object({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
  icons: z.object({ color: z.literal('color.png'), outline: z.literal('outline.png') }),
  accentColor: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
  bots: z
    .array(
      z.object({
        botId: z.literal('{{MICROSOFT_APP_ID}}'),
        scopes: z.array(scope).min(1),
        commandLists: z.array(
          z.object({
            scopes: z.array(scope).min(1),
            commands: z
              .array(z.object({ title: z.string().min(1).max(32), description: z.string().min(1).max(128) }))
              .max(10),
          }),
        ),
      }),
    )
    .length(1),
  permissions: z.array(z.enum(['identity', 'messageTeamMembers'])),
  validDomains: z.array(z.string().min(1)),
});

interface Png {
  width: number;
  height: number;
  colorType: number;
  /** RGBA rows, only decoded for 8-bit RGBA images. */
  pixels: Buffer[];
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const [toLeft, toUp, toUpLeft] = [left, up, upLeft].map((value) => Math.abs(estimate - value));
  if ((toLeft ?? 0) <= (toUp ?? 0) && (toLeft ?? 0) <= (toUpLeft ?? 0)) return left;
  return (toUp ?? 0) <= (toUpLeft ?? 0) ? up : upLeft;
}

/** Reads IHDR and, for 8-bit RGBA, undoes the five PNG row filters. */
function readPng(file: Buffer): Png {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(file.toString('ascii', 12, 16)).toBe('IHDR');
  const width = file.readUInt32BE(16);
  const height = file.readUInt32BE(20);
  const bitDepth = file[24];
  const colorType = file[25] ?? -1;
  const compressed: Buffer[] = [];
  for (let offset = 8; offset < file.length; ) {
    const length = file.readUInt32BE(offset);
    if (file.toString('ascii', offset + 4, offset + 8) === 'IDAT') {
      compressed.push(file.subarray(offset + 8, offset + 8 + length));
    }
    offset += 12 + length;
  }
  if (bitDepth !== 8 || colorType !== 6) return { width, height, colorType, pixels: [] };
  const raw = inflateSync(Buffer.concat(compressed));
  const stride = width * 4;
  const pixels: Buffer[] = [];
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? (row[i - 4] ?? 0) : 0;
      const up = previous[i] ?? 0;
      const upLeft = i >= 4 ? (previous[i - 4] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? 0] ?? 0;
      row[i] = ((row[i] ?? 0) + predictor) & 0xff;
    }
    pixels.push(row);
    previous = row;
  }
  return { width, height, colorType, pixels };
}

describe('Teams app manifest and icons', () => {
  it('has every field Teams requires, within its limits', async () => {
    const manifest = JSON.parse(await readFile(path.join(TEAMS_DIRECTORY, 'manifest.json'), 'utf8'));
    const parsed = TeamsManifest.safeParse(manifest);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data?.bots[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
  });

  it('lists exactly the commands the bot handles, with the same descriptions', async () => {
    const manifest = TeamsManifest.parse(
      JSON.parse(await readFile(path.join(TEAMS_DIRECTORY, 'manifest.json'), 'utf8')),
    );
    for (const list of manifest.bots[0]?.commandLists ?? []) {
      expect(list.commands).toEqual(TEAMS_COMMANDS.map(({ title, description }) => ({ title, description })));
      // Picking a command from the Teams menu sends its title as the message; the bot must recognise it.
      expect(list.commands.map((command) => parseTeamsText(command.title).command)).toEqual([
        'advise',
        'report',
        'report',
      ]);
    }
  });

  it('color.png is a 192×192 PNG and outline.png a 32×32 PNG of white on transparent', async () => {
    const color = readPng(await readFile(path.join(TEAMS_DIRECTORY, 'color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);

    const outline = readPng(await readFile(path.join(TEAMS_DIRECTORY, 'outline.png')));
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    let transparent = 0;
    let drawn = 0;
    for (const row of outline.pixels) {
      for (let x = 0; x < 32; x++) {
        const [red, green, blue, alpha] = row.subarray(x * 4, x * 4 + 4);
        if (alpha === 0) transparent++;
        else {
          drawn++;
          expect([red, green, blue]).toEqual([255, 255, 255]);
        }
      }
    }
    expect(transparent + drawn).toBe(32 * 32);
    expect(transparent).toBeGreaterThan(drawn);
    expect(drawn).toBeGreaterThan(0);
  });
});
