import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadLanguageIdentifier } from '../../../chains/understand/detect-language.ts';
import { loadProjectExamples, loadUnderstandingConfig } from '../../../chains/understand/index.ts';
import { intentText } from '../../../chains/understand/intent-text.ts';
import { fastTextText } from '../../../knowledge/classifier/index.ts';
import { BANKING77_INTENTS } from '../../../knowledge/intents/index.ts';

// The everyday-banking German and Spanish examples written per Banking77 intent (three each), read as
// the trainer reads them.
const FOLDER = new URL('../../../knowledge/intents/examples/', import.meta.url);
const FILES = [
  { name: 'de-everyday.csv', language: 'de' },
  { name: 'es-everyday.csv', language: 'es' },
] as const;

async function readExamples(
  name: string,
): Promise<{ raw: string; rows: { text: string; intent: string }[] }> {
  const raw = await readFile(new URL(name, FOLDER), 'utf8');
  return { raw, rows: parse(raw, { columns: true, skip_empty_lines: true }) };
}

describe.each(FILES)('$name', ({ name, language }) => {
  it('is UTF-8 with LF line ends, the header text,intent and exactly three rows per Banking77 intent', async () => {
    const { raw, rows } = await readExamples(name);
    expect(raw.startsWith('text,intent\n')).toBe(true);
    expect(raw.includes('\r')).toBe(false);
    expect(raw.includes('\uFFFD')).toBe(false);
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.intent, (counts.get(row.intent) ?? 0) + 1);
    const expected = new Map(BANKING77_INTENTS.map((intent) => [intent.id, 3]));
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(expected));
  });

  it('repeats no text of its own or of another examples file (as the model sees it)', async () => {
    const mine = (await readExamples(name)).rows.map((row) => fastTextText(intentText(row.text)));
    const others = (await loadProjectExamples(loadUnderstandingConfig({}).examplesDirectory))
      .filter((example) => !example.source.endsWith(name))
      .map((example) => fastTextText(intentText(example.text)));
    const otherSet = new Set(others);
    expect(mine.filter((text) => otherSet.has(text))).toEqual([]);
    expect(mine.length - new Set(mine).size).toBe(0);
  });

  it(`is mostly recognised as ${language} by the language detector (≥ 90%)`, async () => {
    const detector = await loadLanguageIdentifier();
    const { rows } = await readExamples(name);
    const recognised = rows.filter((row) => detector.detect(row.text).language === language).length;
    expect(recognised / rows.length).toBeGreaterThanOrEqual(0.9);
  });
});
