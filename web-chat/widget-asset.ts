import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** Where the widget script lives on disk. */
export const WIDGET_SCRIPT_FILE = new URL('./widget/widget.js', import.meta.url);

/** The widget script as served: its text and a strong ETag for conditional requests. */
export interface WidgetAsset {
  body: string;
  etag: string;
}

/**
 * Starts reading the widget once, at app creation, so requests only await an already-settled promise. A read
 * failure surfaces on the first request (as a 500) instead of as an unhandled rejection at start-up.
 */
export function loadWidgetAsset(file: URL | string = WIDGET_SCRIPT_FILE): Promise<WidgetAsset> {
  const asset = readFile(file, 'utf8').then((body) => ({
    body,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  }));
  asset.catch(() => {});
  return asset;
}
