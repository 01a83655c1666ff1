import { readFile } from 'node:fs/promises';

/** Why the widget's modules could not be served as one script: the file and what is wrong in it. */
export class WidgetBundleError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** `import { a, b } from './widget-x.js';` — the only import form the widget's modules use. */
const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*'\.\/([a-z][a-z-]*\.js)';[ \t]*$/gm;
/** `export function name`, `export const name`: the only export forms (no default, no lists). */
const EXPORT = /^export (?=(?:async )?function[ *]|const |let |class )/gm;
const EXPORTED_NAME = /^export (?:async )?(?:function\*?|const|let|class)\s+(\w+)/gm;
const OTHER_MODULE_SYNTAX = /^(?:import|export)\b.*$/m;

interface WidgetModule {
  file: string;
  body: string;
  exports: string[];
}

/**
 * The widget's ES modules (`entry` and everything it imports from its folder) as one classic script body, so a
 * bank still embeds one `<script>` tag: each module runs in its own function scope, in import order, and hands
 * its exports to the modules after it; the entry's `start` export is called last. Throws WidgetBundleError
 * naming the file for an import of a name its module does not export, an import cycle, an export name used by two
 * modules, or module syntax other than `import { … } from './x.js'` and `export function|const`.
 */
export async function bundleWidgetModules(entry: URL, start: string): Promise<string> {
  const ordered: WidgetModule[] = [];
  const visiting = new Set<string>();
  const exportedBy = new Map<string, string>();

  async function visit(file: URL, importedFrom: string | null): Promise<WidgetModule> {
    const name = file.pathname.slice(file.pathname.lastIndexOf('/') + 1);
    const done = ordered.find((module) => module.file === name);
    if (done) return done;
    if (visiting.has(name)) {
      throw new WidgetBundleError(`${importedFrom}: importing ${name} makes an import cycle`);
    }
    visiting.add(name);
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch (error) {
      const by = importedFrom ? ` (imported by ${importedFrom})` : '';
      throw new WidgetBundleError(`${name}${by}: cannot be read`, { cause: error });
    }
    for (const match of source.matchAll(IMPORT)) {
      const dependency = await visit(new URL(`./${match[2]}`, file), name);
      const wanted = (match[1] ?? '')
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      for (const wantedName of wanted) {
        if (!dependency.exports.includes(wantedName)) {
          throw new WidgetBundleError(`${name}: ${match[2]} does not export "${wantedName}"`);
        }
      }
    }
    const body = source.replace(IMPORT, '').replace(EXPORT, '');
    const stray = OTHER_MODULE_SYNTAX.exec(body);
    if (stray) {
      throw new WidgetBundleError(
        `${name}: "${stray[0].trim()}" is not supported; use import { … } from './x.js' and export function|const`,
      );
    }
    const exports = [...source.matchAll(EXPORTED_NAME)].map((match) => match[1] ?? '');
    for (const exported of exports) {
      const other = exportedBy.get(exported);
      if (other) throw new WidgetBundleError(`${name}: "${exported}" is already exported by ${other}`);
      exportedBy.set(exported, name);
    }
    const module = { file: name, body, exports };
    visiting.delete(name);
    ordered.push(module);
    return module;
  }

  const main = await visit(entry, null);
  if (!main.exports.includes(start)) {
    throw new WidgetBundleError(
      `${main.file}: does not export "${start}", the function that starts the widget`,
    );
  }
  const modules = ordered.map(
    (module) =>
      `// ---- ${module.file}\nconst { ${module.exports.join(', ')} } = (() => {\n${module.body.trim()}\nreturn { ${module.exports.join(', ')} };\n})();\n`,
  );
  return `${modules.join('\n')}\n${start}();\n`;
}
