import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWidgetAsset, WIDGET_SCRIPT_FILE } from '../../web-chat/widget-asset.ts';
import { bundleWidgetModules, WidgetBundleError } from '../../web-chat/widget-bundle.ts';

describe('bundleWidgetModules: the widget’s modules served as one classic script', () => {
  let directory = '';
  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'widget-bundle-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  /** Writes the given modules into a fresh folder and bundles from `main.js`. */
  async function bundle(modules: Record<string, string>, start = 'start'): Promise<string> {
    const folder = await mkdtemp(path.join(directory, 'case-'));
    for (const [name, source] of Object.entries(modules)) await writeFile(path.join(folder, name), source);
    return await bundleWidgetModules(pathToFileURL(path.join(folder, 'main.js')), start);
  }

  it('the served widget holds every module in the folder once, dependencies first, and parses as a classic script', async () => {
    const { body } = await loadWidgetAsset();
    const served = [...body.matchAll(/^\/\/ ---- ([a-z-]+\.js)$/gm)].map((match) => match[1]);
    const onDisk = (await readdir(new URL('.', WIDGET_SCRIPT_FILE))).filter((name) => name.endsWith('.js'));
    expect([...served].sort()).toEqual(onDisk.sort());
    expect(served.at(-1)).toBe('widget.js');
    expect(served.indexOf('widget-styles.js')).toBeLessThan(served.indexOf('widget-dom.js'));
    expect(body).not.toMatch(/^\s*(?:import|export)\b/m);
    expect(() => new Script(body)).not.toThrow();
  });

  it('runs each module in its own scope and the entry’s start last', async () => {
    const source = await bundle(
      {
        'main.js':
          "import { twice } from './twice.js';\nconst hidden = 'main';\nexport function start() {\n  return twice(2) + ' ' + hidden;\n}\n",
        'twice.js': "const hidden = 'twice';\nexport const twice = (value) => value * 2;\n",
      },
      'start',
    );
    // Both modules declare `hidden`: without a scope each, this would not even parse.
    const result: unknown = new Script(
      `(() => {\n${source.replace(/start\(\);\n$/, 'return start();\n')}})()`,
    ).runInNewContext();
    expect(result).toBe('4 main');
  });

  it.each([
    [
      'an import of a name the module does not export',
      {
        'main.js': "import { missing } from './other.js';\nexport function start() {}\n",
        'other.js': 'export const present = 1;\n',
      },
      'main.js: other.js does not export "missing"',
    ],
    [
      'an import cycle',
      {
        'main.js': "import { b } from './b.js';\nexport function start() {}\n",
        'b.js': "import { c } from './c.js';\nexport const b = 1;\n",
        'c.js': "import { b } from './b.js';\nexport const c = 1;\n",
      },
      'c.js: importing b.js makes an import cycle',
    ],
    [
      'one export name in two modules',
      {
        'main.js':
          "import { shared } from './other.js';\nexport const shared2 = 1;\nexport function shared() {}\nexport function start() {}\n",
        'other.js': 'export const shared = 1;\n',
      },
      'main.js: "shared" is already exported by other.js',
    ],
    [
      'a default export',
      { 'main.js': 'export default function start() {}\n' },
      'main.js: "export default function start() {}" is not supported',
    ],
    [
      'an entry without the start function',
      { 'main.js': 'export function begin() {}\n' },
      'main.js: does not export "start"',
    ],
    [
      'a module that is not there',
      { 'main.js': "import { x } from './gone.js';\nexport function start() {}\n" },
      'gone.js (imported by main.js): cannot be read',
    ],
  ])('refuses %s, naming the file', async (_, modules, message) => {
    const attempt = bundle(modules);
    await expect(attempt).rejects.toThrow(WidgetBundleError);
    await expect(bundle(modules)).rejects.toThrow(message);
  });
});
