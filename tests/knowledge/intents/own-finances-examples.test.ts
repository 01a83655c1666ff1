import { describe, expect, it } from 'vitest';
import { loadLanguageIdentifier } from '../../../chains/understand/detect-language.ts';
import { readExamplesFile, repeatedExampleTexts } from '../../support/example-files.ts';

// German and Spanish questions about the customer's own money (27 each), read as the trainer reads them.
const NAME = 'own-finances-de-es.csv';

describe(NAME, () => {
  it('holds only own_finances rows, 27 German then 27 Spanish', async () => {
    const { raw, rows } = await readExamplesFile(NAME);
    expect(raw.startsWith('text,intent\n')).toBe(true);
    expect(rows.filter((row) => row.intent !== 'own_finances')).toEqual([]);
    const detector = await loadLanguageIdentifier();
    const languages = rows.map((row) => detector.detect(row.text).language);
    expect(languages.slice(0, 27).filter((language) => language === 'de').length).toBeGreaterThanOrEqual(25);
    expect(languages.slice(27).filter((language) => language === 'es').length).toBeGreaterThanOrEqual(25);
    expect(rows).toHaveLength(54);
  });

  it('repeats no text of its own or of another examples file (as the model sees it)', async () => {
    expect(await repeatedExampleTexts(NAME)).toEqual({ inOtherFiles: [], withinFile: 0 });
  });
});
