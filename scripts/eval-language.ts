import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { loadLanguageIdentifier } from '../chains/understand/detect-language.ts';

// Language-id accuracy on held-out bank questions: knowledge/language/validation.csv and the one- and
// two-word validation-short.csv (en, de, es, fr, it, pt), plus the German and Spanish intent validation
// files (their language is their file name).
// Usage: npx tsx scripts/eval-language.ts [FILE.csv with text,language ...]

const Row = z.object({ text: z.string().min(1), language: z.string().regex(/^[a-z]{2,3}$/) });
type Row = z.infer<typeof Row>;

async function readRows(file: string, language?: string): Promise<Row[]> {
  const records: Record<string, string>[] = parse(await readFile(file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  });
  return records.map((record, index) => {
    const parsed = Row.safeParse({ text: record.text, language: language ?? record.language });
    if (!parsed.success) {
      throw new Error(`${file} row ${index + 2}: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
    }
    return parsed.data;
  });
}

const files = process.argv.slice(2);
const sets: { name: string; rows: Row[] }[] = [];
if (files.length > 0) {
  for (const file of files) sets.push({ name: file, rows: await readRows(file) });
} else {
  for (const name of ['validation.csv', 'validation-short.csv']) {
    const file = `knowledge/language/${name}`;
    sets.push({ name: file, rows: await readRows(file) });
  }
  for (const language of ['de', 'es']) {
    const file = `knowledge/intents/examples/validation/${language}.csv`;
    if (existsSync(file)) sets.push({ name: file, rows: await readRows(file, language) });
  }
}

const detector = await loadLanguageIdentifier();
for (const set of sets) {
  const byLanguage = new Map<string, { right: number; total: number }>();
  const mistakes: string[] = [];
  const started = performance.now();
  for (const row of set.rows) {
    const guess = detector.detect(row.text);
    const tally = byLanguage.get(row.language) ?? { right: 0, total: 0 };
    tally.total++;
    if (guess.language === row.language) tally.right++;
    else mistakes.push(`  ${row.language} → ${guess.language} (${guess.because}): ${row.text}`);
    byLanguage.set(row.language, tally);
  }
  const milliseconds = (performance.now() - started) / set.rows.length;
  const right = set.rows.length - mistakes.length;
  console.log(
    `${set.name}: ${right}/${set.rows.length} = ${((100 * right) / set.rows.length).toFixed(1)}% ` +
      `(${milliseconds.toFixed(3)} ms a message)`,
  );
  for (const [language, tally] of byLanguage) {
    console.log(`  ${language}: ${tally.right}/${tally.total}`);
  }
  if (mistakes.length > 0) console.log(['  wrong:', ...mistakes].join('\n'));
}
