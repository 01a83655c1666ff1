import type { AppConfig } from './app-config.ts';

/**
 * The first line `npm start` prints: which mode this run is in and why, so nobody mistakes a demo (tokens for
 * anyone who asks) for production, or wonders why the demo page is gone.
 */
export function runModeLine(config: Pick<AppConfig, 'web' | 'webTokenSecret'>): string {
  if (!config.web.demo) {
    return 'Mode: PRODUCTION (WEB_TOKEN_SECRET is set): no demo page, no demo admin; the bank signs every token.';
  }
  const why =
    config.webTokenSecret === undefined
      ? 'WEB_TOKEN_SECRET is unset, so a random secret is used for this run'
      : 'DEMO=true';
  return `Mode: DEMO (${why}): the demo page mints a token for any customer — never expose this to the internet.`;
}
