import { describe, expect, it } from 'vitest';
import { readExamplesFile, repeatedExampleTexts, shareDetectedAs } from '../../support/example-files.ts';

// The out-of-scope examples written by topic (other services' accounts, refunds, contracts, insurance,
// government forms, tax software, crypto exchanges, and the everyday assistant domains), in English,
// German and Spanish, read as the trainer reads them.
const FILES = [
  { name: 'out-of-scope-en.csv', language: 'en' },
  { name: 'out-of-scope-de.csv', language: 'de' },
  { name: 'out-of-scope-es.csv', language: 'es' },
] as const;

describe.each(FILES)('$name', ({ name, language }) => {
  it('is UTF-8 with LF line ends, the header text,intent and only out_of_scope rows', async () => {
    const { raw, rows } = await readExamplesFile(name);
    expect(raw.startsWith('text,intent\n')).toBe(true);
    expect(raw.includes('\r')).toBe(false);
    expect(raw.includes('\uFFFD')).toBe(false);
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(rows.filter((row) => row.intent !== 'out_of_scope')).toEqual([]);
  });

  it('repeats no text of its own or of another examples file (as the model sees it)', async () => {
    expect(await repeatedExampleTexts(name)).toEqual({ inOtherFiles: [], withinFile: 0 });
  });

  it(`is mostly recognised as ${language} by the language detector (≥ 90%)`, async () => {
    expect(await shareDetectedAs(name, language)).toBeGreaterThanOrEqual(0.9);
  });
});
