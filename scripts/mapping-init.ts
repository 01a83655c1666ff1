import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { draftMapping } from '../knowledge/mapping/draft-mapping.ts';

const usage =
  'Usage: npm run mapping:init -- --data DIR [--out DIR/mapping.yaml] (a .json --out writes JSON)';
let values: { data?: string; out?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: { data: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help || values.data === undefined) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}
const out = values.out ?? path.join(values.data, 'mapping.yaml');
if (existsSync(out)) {
  console.error(`${out} exists; not overwritten (give --out another file)`);
  process.exit(2);
}
const draft = await draftMapping(values.data);
const todo = Array.isArray(draft.todo) ? draft.todo : [];
const text = out.endsWith('.json')
  ? `${JSON.stringify(draft, null, 2)}\n`
  : `# Drafted by npm run mapping:init from the headers in ${values.data}: check every line.\n# Fields not listed get the stated defaults (see docs/bring-your-own-data.md); ingest refuses the mapping until todo is empty.\n${stringify(draft, { lineWidth: 0 })}`;
await writeFile(out, text, 'utf8');
console.log(`Wrote ${out}. ${todo.length} item(s) to edit:`);
for (const item of todo) console.log(`  - ${item}`);
console.log(`Then: npm run ingest -- --data ${values.data} --mapping ${out}`);
