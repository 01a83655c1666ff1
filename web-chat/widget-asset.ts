import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { bundleWidgetModules } from './widget-bundle.ts';

/** Where the widget's entry module lives on disk; the modules it imports sit beside it (see bundleWidgetModules). */
export const WIDGET_SCRIPT_FILE = new URL('./widget/widget.js', import.meta.url);

/** The entry module's export that puts the widget on the page. */
const WIDGET_START = 'startWidget';

/** The widget's own words in English, German and Spanish; served inside the widget as `WIDGET_UI_TEXTS`. */
export const WIDGET_TEXTS_FILE = new URL('./widget/widget-texts.json', import.meta.url);

/** markdown-it's own browser build (UMD, minified), resolved through its package exports. */
export const MARKDOWN_SCRIPT_FILE = createRequire(import.meta.url).resolve('markdown-it/browser');

/** The global the wrapped markdown-it build assigns its factory to (prefixed like the widget's classes). */
export const MARKDOWN_GLOBAL = 'fadvMarkdownIt';

/** A script as served: its text and a strong ETag for conditional requests. */
export interface WidgetAsset {
  body: string;
  etag: string;
}

/**
 * Reads the widget's modules and texts once and serves them as one script (one `<script>` tag for the bank),
 * starting at app creation, so requests only await an already-settled promise. A read
 * failure surfaces on the first request (as a 500) instead of as an unhandled rejection at start-up.
 */
export function loadWidgetAsset(
  file: URL = WIDGET_SCRIPT_FILE,
  textsFile: URL | string = WIDGET_TEXTS_FILE,
): Promise<WidgetAsset> {
  return settledAsset(
    Promise.all([bundleWidgetModules(file, WIDGET_START), readFile(textsFile, 'utf8')]).then(
      ([widget, texts]) =>
        `(() => {\nconst WIDGET_UI_TEXTS = ${JSON.stringify(parseWidgetTexts(texts, String(textsFile)))};\n${widget}})();\n`,
    ),
  );
}

/** The UI texts by language; every language must have exactly the English keys (a missing text is a bug, not a fallback). */
export function parseWidgetTexts(
  json: string,
  source = 'widget texts',
): Record<string, Record<string, string>> {
  const parsed = WidgetTexts.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`${source}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const english = Object.keys(parsed.data.en ?? {});
  for (const [language, texts] of Object.entries(parsed.data)) {
    const keys = Object.keys(texts);
    const missing = english.filter((key) => !keys.includes(key));
    const extra = keys.filter((key) => !english.includes(key));
    if (missing.length > 0 || extra.length > 0) {
      throw new Error(
        `${source}: "${language}" must have the same keys as "en" (missing: ${missing.join(', ') || 'none'}; extra: ${extra.join(', ') || 'none'})`,
      );
    }
  }
  return parsed.data;
}

const WidgetTexts = z
  .record(z.string().regex(/^[a-z]{2}$/), z.record(z.string(), z.string().min(1)))
  .refine((texts) => 'en' in texts, 'the English texts ("en") are required');

/**
 * markdown-it's browser build, wrapped so that on a host page it neither registers with the page's AMD loader
 * (`define.amd`) nor claims the global `markdownit`: it sees a CommonJS `module` and hands its factory to the
 * widget as `window.fadvMarkdownIt`. The library itself is served byte for byte as its authors built it.
 */
export function loadMarkdownAsset(file: string = MARKDOWN_SCRIPT_FILE): Promise<WidgetAsset> {
  return settledAsset(
    readFile(file, 'utf8').then(
      (library) =>
        `(function (module, exports, define) {\n${library}\n;window.${MARKDOWN_GLOBAL} = module.exports;\n})({ exports: {} }, {}, undefined);\n`,
    ),
  );
}

/** Any script served as it is on disk (Chart.js, the dashboard's modules), read once, with its ETag. */
export function loadScriptAsset(file: URL | string): Promise<WidgetAsset> {
  return settledAsset(readFile(file, 'utf8'));
}

function settledAsset(text: Promise<string>): Promise<WidgetAsset> {
  const asset = text.then((body) => ({
    body,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  }));
  asset.catch(() => {});
  return asset;
}
