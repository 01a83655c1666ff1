import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { loadLanguageIdentifier } from '../../chains/understand/detect-language.ts';
import { loadProjectExamples, loadUnderstandingConfig } from '../../chains/understand/index.ts';
import { intentText } from '../../chains/understand/intent-text.ts';
import { fastTextText } from '../../knowledge/classifier/index.ts';

const FOLDER = new URL('../../knowledge/intents/examples/', import.meta.url);

/** One project examples file, raw and as rows. */
export async function readExamplesFile(
  name: string,
): Promise<{ raw: string; rows: { text: string; intent: string }[] }> {
  const raw = await readFile(new URL(name, FOLDER), 'utf8');
  return { raw, rows: parse(raw, { columns: true, skip_empty_lines: true }) };
}

/** Texts of `name` (as the model sees them) that repeat within it or appear in another examples file. */
export async function repeatedExampleTexts(
  name: string,
): Promise<{ inOtherFiles: string[]; withinFile: number }> {
  const mine = (await readExamplesFile(name)).rows.map((row) => fastTextText(intentText(row.text)));
  const others = new Set(
    (await loadProjectExamples(loadUnderstandingConfig({}).examplesDirectory))
      .filter((example) => !example.source.endsWith(name))
      .map((example) => fastTextText(intentText(example.text))),
  );
  return {
    inOtherFiles: mine.filter((text) => others.has(text)),
    withinFile: mine.length - new Set(mine).size,
  };
}

/** The share of a file's rows the language detector reads as `language`. */
export async function shareDetectedAs(name: string, language: string): Promise<number> {
  const detector = await loadLanguageIdentifier();
  const { rows } = await readExamplesFile(name);
  return rows.filter((row) => detector.detect(row.text).language === language).length / rows.length;
}
