import { createRequire } from 'node:module';
import path from 'node:path';

/** The dashboard's browser modules, served from the admin mount under these names; `dashboard.js` is the entry. */
export const DASHBOARD_MODULES = [
  'dashboard.js',
  'dashboard-charts.js',
  'dashboard-fairness.js',
  'dashboard-panel.js',
  'dashboard-understanding.js',
] as const;

/** Where a dashboard module lives on disk (beside this file). */
export function dashboardModuleFile(name: (typeof DASHBOARD_MODULES)[number]): URL {
  return new URL(`./${name}`, import.meta.url);
}

/**
 * Where the installed Chart.js keeps its UMD build (one file, defines `window.Chart`). The package exports
 * only its module entry points, so the build is found beside the resolved CommonJS entry in `dist/`.
 * Served by us rather than a CDN so the dashboard works offline and under a `script-src 'self'` policy.
 * Async so that a missing package fails the request for the script (a 500), not the server's start-up.
 */
export async function chartScriptFile(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('chart.js');
  return path.join(path.dirname(entry), 'chart.umd.js');
}
