import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { KnowledgeError } from '../errors.ts';
import { ARTICLES_DIR, loadArticles } from '../knowledge-articles.ts';
import { createRandom, deriveSeed, type Random } from '../seeded-random.ts';
import type { LanguageOf } from './example-language.ts';
import { readTextLines } from './read-text-lines.ts';

/** Where each kind of example comes from. */
export type InjectionExampleSource = 'prompt-injections' | 'examples' | 'banking77' | 'articles';

/** One labelled text for training or evaluating the injection detector. */
export interface InjectionExample {
  text: string;
  injection: boolean;
  /** ISO 639-1 code (from lid.176), for figures by language. */
  language: string;
  source: InjectionExampleSource;
}

/** The files the detector learns from; missing shared files are an error naming the file. */
export interface InjectionSources {
  /** deepset prompt-injections train split (`text,label`, 1 = injection; en+de). */
  promptInjectionsCsv: string;
  /** Banking77 train split (`text,category`): real customer questions, all benign. */
  banking77Csv: string;
  /** The project's own examples, one text per line (en, de, es). */
  injectionsFile: string;
  benignFile: string;
  /** How many Banking77 questions per category join the benign examples. */
  banking77PerCategory: number;
  /**
   * Help-centre articles: their sentences are benign statements (the public sets' benign texts are
   * nearly all questions, so without statements a plain "My card was stolen." reads as an order).
   * Training only; never in the validation split.
   */
  articlesDir: string;
}

const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '..', '..');
const SHARED_DATA = path.resolve(REPOSITORY_ROOT, '..', 'shared', 'data');

/** The sources used by `npm start`, ingest and the eval command. */
export const DEFAULT_INJECTION_SOURCES: InjectionSources = {
  promptInjectionsCsv: path.join(SHARED_DATA, 'prompt-injections', 'train.csv'),
  banking77Csv: path.join(SHARED_DATA, 'banking77', 'train.csv'),
  injectionsFile: path.join(import.meta.dirname, 'examples', 'injections.txt'),
  benignFile: path.join(import.meta.dirname, 'examples', 'benign.txt'),
  banking77PerCategory: 20,
  articlesDir: ARTICLES_DIR,
};

const PromptInjectionRow = z.object({ text: z.string().trim().min(1), label: z.enum(['0', '1']) });
const Banking77Row = z.object({ text: z.string().trim().min(1), category: z.string().min(1) });

async function readCsvRows<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    throw new KnowledgeError('MISSING_FILE', `cannot read training data ${file}`, { cause: error });
  }
  let records: Record<string, string>[];
  try {
    records = parse(content, { columns: true, skip_empty_lines: true, bom: true });
  } catch (error) {
    throw new KnowledgeError('INVALID_INPUT', `${file} is not valid CSV`, { cause: error });
  }
  return records.map((record, index) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      const problem = parsed.error.issues[0];
      throw new KnowledgeError(
        'INVALID_INPUT',
        `${file}:${index + 2} ${problem?.path.join('.') ?? 'row'}: ${problem?.message ?? 'invalid'}`,
      );
    }
    return parsed.data;
  });
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

function sampleBanking77(
  rows: readonly { text: string; category: string }[],
  perCategory: number,
  seed: number,
) {
  const byCategory = new Map<string, string[]>();
  for (const row of rows) byCategory.set(row.category, [...(byCategory.get(row.category) ?? []), row.text]);
  const random = createRandom(seed);
  return [...byCategory.keys()]
    .sort()
    .flatMap((category) => shuffled(byCategory.get(category) ?? [], random).slice(0, perCategory));
}

/**
 * Every labelled example: the public injection set, the project's own examples and a seeded,
 * per-category sample of real bank-customer questions as benign text. Duplicate texts are kept once.
 */
export async function loadInjectionCorpus(
  sources: InjectionSources,
  languageOf: LanguageOf,
  seed = 42,
): Promise<InjectionExample[]> {
  const [public_, banking77, injections, benign, articles] = await Promise.all([
    readCsvRows(sources.promptInjectionsCsv, PromptInjectionRow),
    readCsvRows(sources.banking77Csv, Banking77Row),
    readTextLines(sources.injectionsFile),
    readTextLines(sources.benignFile),
    loadArticles(sources.articlesDir),
  ]);
  const articleSentences = articles
    .flatMap((article) => article.body.split(/(?<=[.!?])\s+|\n+/))
    .map((sentence) => sentence.replace(/^[#>*\-\s\d.]+/, '').trim())
    .filter((sentence) => sentence.split(/\s+/).length >= 4);
  const labelled: Omit<InjectionExample, 'language'>[] = [
    ...public_.map((row) => ({
      text: row.text,
      injection: row.label === '1',
      source: 'prompt-injections' as const,
    })),
    ...injections.map((text) => ({ text, injection: true, source: 'examples' as const })),
    ...benign.map((text) => ({ text, injection: false, source: 'examples' as const })),
    ...sampleBanking77(banking77, sources.banking77PerCategory, seed).map((text) => ({
      text,
      injection: false,
      source: 'banking77' as const,
    })),
    ...articleSentences.map((text) => ({ text, injection: false, source: 'articles' as const })),
  ];
  const seen = new Set<string>();
  return labelled.flatMap((example) => {
    const key = example.text.toLowerCase();
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ ...example, language: languageOf(example.text) }];
  });
}

/** A seeded split, stratified by source and label so each part has the same mix. */
export interface InjectionSplit {
  train: InjectionExample[];
  validation: InjectionExample[];
}

/**
 * Holds out `validationShare` of every (source, label) group, the same rows for the same seed;
 * article sentences always train.
 * @example const { train, validation } = splitInjectionCorpus(corpus, 0.2, 42);
 */
export function splitInjectionCorpus(
  examples: readonly InjectionExample[],
  validationShare = 0.2,
  seed = 42,
): InjectionSplit {
  const groups = new Map<string, InjectionExample[]>();
  const train: InjectionExample[] = [];
  const validation: InjectionExample[] = [];
  for (const example of examples) {
    if (example.source === 'articles') {
      train.push(example);
      continue;
    }
    const key = `${example.source}:${example.injection}`;
    groups.set(key, [...(groups.get(key) ?? []), example]);
  }
  [...groups.keys()].sort().forEach((key, index) => {
    const group = shuffled(groups.get(key) ?? [], createRandom(deriveSeed(seed, index)));
    const held = Math.round(group.length * validationShare);
    validation.push(...group.slice(0, held));
    train.push(...group.slice(held));
  });
  return { train, validation };
}
