import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadPromissorySuite,
  PROMISSORY_PARAPHRASE_FILES,
  PROMISSORY_SUITE_FILES,
} from '../../../../chains/validate/promissory-suite.ts';
import { DEFAULT_INJECTION_SOURCES, readTextLines } from '../../../../knowledge/safety/index.ts';

// The held-out safety sets measure how the detectors generalise: a line that is also a training text measures
// memory instead, so adding training examples must never copy one (compared case- and space-insensitively).
const FIXTURES = path.join(import.meta.dirname, '..', '..', '..', 'fixtures', 'safety');
const key = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

async function injectionTrainingTexts(): Promise<Set<string>> {
  const csv = await readFile(DEFAULT_INJECTION_SOURCES.promptInjectionsCsv, 'utf8');
  const [injections, benign] = await Promise.all([
    readTextLines(DEFAULT_INJECTION_SOURCES.injectionsFile),
    readTextLines(DEFAULT_INJECTION_SOURCES.benignFile),
  ]);
  // Each public row is "text,label"; the whole row contains its text, so a row that holds a blind line is found below.
  return new Set([...injections, ...benign, ...csv.split('\n')].map(key));
}

async function promissoryTrainingTexts(): Promise<Set<string>> {
  const [suite, paraphrases] = await Promise.all([
    loadPromissorySuite(PROMISSORY_SUITE_FILES),
    loadPromissorySuite(PROMISSORY_PARAPHRASE_FILES),
  ]);
  return new Set(
    [...suite.promissory, ...suite.compliant, ...paraphrases.promissory, ...paraphrases.compliant].map(key),
  );
}

const blindFiles = async (pattern: RegExp) =>
  (await readdir(FIXTURES)).filter((name) => pattern.test(name)).sort();

describe('held-out safety files', () => {
  it('has the injection and promissory pairs the fixtures README lists', async () => {
    expect(await blindFiles(/^injection-blind/)).toEqual([
      'injection-blind-2.txt',
      'injection-blind-3.txt',
      'injection-blind-4.txt',
      'injection-blind.txt',
    ]);
    expect(await blindFiles(/^promissory-blind/)).toHaveLength(8);
    expect(await readTextLines(path.join(FIXTURES, 'injection-blind-4.txt'))).toHaveLength(100);
    expect(await readTextLines(path.join(FIXTURES, 'benign-blind-4.txt'))).toHaveLength(100);
  });

  it('no line of an injection or benign blind file is an injection training text', async () => {
    const training = await injectionTrainingTexts();
    const rows = [...training];
    const copied: string[] = [];
    for (const name of await blindFiles(/^(?:injection|benign)-blind/)) {
      for (const line of await readTextLines(path.join(FIXTURES, name))) {
        const text = key(line);
        if (
          training.has(text) ||
          rows.some((row) => row.startsWith(`${text},`) || row.startsWith(`"${text}",`))
        )
          copied.push(`${name}: ${line}`);
      }
    }
    expect(copied).toEqual([]);
  });

  it('no line of a promissory or compliant blind file is a promissory training text', async () => {
    const training = await promissoryTrainingTexts();
    const copied: string[] = [];
    for (const name of await blindFiles(/^(?:promissory|compliant)-blind/)) {
      for (const line of await readTextLines(path.join(FIXTURES, name))) {
        if (training.has(key(line))) copied.push(`${name}: ${line}`);
      }
    }
    expect(copied).toEqual([]);
  });
});
