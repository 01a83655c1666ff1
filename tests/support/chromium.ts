import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium: `npx playwright install` cannot download browsers here (`apt-get install -y chromium`). */
export const CHROMIUM = '/usr/bin/chromium';
/** Whether the real-browser tests can run on this machine. */
export const hasChromium = existsSync(CHROMIUM);

/** Launches Debian's Chromium headless, offline and without first-run noise. */
export async function launchChromium(): Promise<Browser> {
  return await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
