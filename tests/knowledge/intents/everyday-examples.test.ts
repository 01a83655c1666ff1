import { describe, expect, it } from 'vitest';
import { BANKING77_INTENTS } from '../../../knowledge/intents/index.ts';
import { readExamplesFile, repeatedExampleTexts, shareDetectedAs } from '../../support/example-files.ts';

// The everyday-banking German and Spanish examples written per Banking77 intent (three each), read as
// the trainer reads them.
const FILES = [
  { name: 'de-everyday.csv', language: 'de' },
  { name: 'es-everyday.csv', language: 'es' },
] as const;

describe.each(FILES)('$name', ({ name, language }) => {
  it('is UTF-8 with LF line ends, the header text,intent and exactly three rows per Banking77 intent', async () => {
    const { raw, rows } = await readExamplesFile(name);
    expect(raw.startsWith('text,intent\n')).toBe(true);
    expect(raw.includes('\r')).toBe(false);
    expect(raw.includes('\uFFFD')).toBe(false);
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.intent, (counts.get(row.intent) ?? 0) + 1);
    const expected = new Map(BANKING77_INTENTS.map((intent) => [intent.id, 3]));
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(expected));
  });

  it('repeats no text of its own or of another examples file (as the model sees it)', async () => {
    expect(await repeatedExampleTexts(name)).toEqual({ inOtherFiles: [], withinFile: 0 });
  });

  it(`is mostly recognised as ${language} by the language detector (≥ 90%)`, async () => {
    expect(await shareDetectedAs(name, language)).toBeGreaterThanOrEqual(0.9);
  });
});
