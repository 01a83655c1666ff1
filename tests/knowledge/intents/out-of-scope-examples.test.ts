import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadLanguageIdentifier } from '../../../chains/understand/detect-language.ts';
import { loadProjectExamples, loadUnderstandingConfig } from '../../../chains/understand/index.ts';
import { intentText } from '../../../chains/understand/intent-text.ts';
import { fastTextText } from '../../../knowledge/classifier/index.ts';

// The out-of-scope examples written by topic (other services' accounts, refunds, contracts, insurance,
// government forms, tax software, crypto exchanges, and the everyday assistant domains), in English,
// German and Spanish, read as the trainer reads them.
const FOLDER = new URL('../../../knowledge/intents/examples/', import.meta.url);
const FILES = [
  { name: 'out-of-scope-en.csv', language: 'en' },
  { name: 'out-of-scope-de.csv', language: 'de' },
  { name: 'out-of-scope-es.csv', language: 'es' },
] as const;

async function readExamples(
  name: string,
): Promise<{ raw: string; rows: { text: string; intent: string }[] }> {
  const raw = await readFile(new URL(name, FOLDER), 'utf8');
  return { raw, rows: parse(raw, { columns: true, skip_empty_lines: true }) };
}

describe.each(FILES)('$name', ({ name, language }) => {
  it('is UTF-8 with LF line ends, the header text,intent and only out_of_scope rows', async () => {
    const { raw, rows } = await readExamples(name);
    expect(raw.startsWith('text,intent\n')).toBe(true);
    expect(raw.includes('\r')).toBe(false);
    expect(raw.includes('\uFFFD')).toBe(false);
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(rows.filter((row) => row.intent !== 'out_of_scope')).toEqual([]);
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
