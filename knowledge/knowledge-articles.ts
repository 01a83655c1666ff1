import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { type DataIssue, DatasetError, KnowledgeError } from './errors.ts';
import { intentDefinition } from './intents/taxonomy.ts';

/** One help-centre or financial-education article, as its author wrote it. */
export interface KnowledgeArticle {
  id: string;
  title: string;
  topics: string[];
  /** Taxonomy intent ids the article answers (`intents:` front matter); empty when it names none. */
  intents: string[];
  /** The markdown after the front matter, starting with its `# Title` line. */
  body: string;
  /** Path of the source file, for error messages and citations. */
  file: string;
}

/** A self-contained passage of an article, sized for embedding and retrieval. */
export interface ArticleChunk {
  /** `${articleId}#${position}`: stable while the article's text is unchanged. */
  id: string;
  articleId: string;
  title: string;
  /** The `## ` heading the passage sits under; empty for text before the first heading. */
  section: string;
  /** The passage, prefixed with the title and section heading so it reads on its own. */
  text: string;
  /** 0-based order of the passage within its article. */
  position: number;
  /** The intents of the article the passage belongs to, so retrieval can keep to a question's intent. */
  intents: string[];
}

/** The folder of the articles shipped with the project. */
export const ARTICLES_DIR: string = path.resolve(import.meta.dirname, 'articles');

/** About 225 tokens: small enough for sentence-embedding models, large enough to hold a whole idea. */
const DEFAULT_MAX_CHARACTERS = 900;
const FENCE = '---';
const PARAGRAPH_SEPARATOR = '\n\n';
const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const commaSeparated = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

const FrontMatterSchema = z.strictObject({
  id: z.string({ error: 'is missing' }).regex(KEBAB_CASE, 'must be kebab-case, e.g. "emergency-fund"'),
  title: z.string({ error: 'is missing' }).trim().min(1, 'must not be empty'),
  topics: z
    .string({ error: 'is missing' })
    .transform(commaSeparated)
    .pipe(z.array(z.string()).min(1, 'must list at least one topic, comma-separated')),
  intents: z
    .string()
    .optional()
    .transform((text) => commaSeparated(text ?? '')),
});

type ArticleParse = { ok: true; article: KnowledgeArticle } | { ok: false; issues: DataIssue[] };

/** Reads and parses every *.md in dir (sorted by file name); throws KnowledgeError('INVALID_INPUT') naming the file when front matter is missing/invalid (id must match file name, title non-empty, each optional `intents:` id in the taxonomy). */
export async function loadArticles(directory: string): Promise<KnowledgeArticle[]> {
  let names: string[];
  try {
    const entries = await readdir(directory, { withFileTypes: true });
    names = entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    throw new KnowledgeError('MISSING_FILE', `cannot read the articles folder ${directory}`, {
      cause: error,
    });
  }
  const parses = await Promise.all(
    names.map(async (name) => {
      const file = path.join(directory, name);
      return parseArticle(file, path.basename(name, '.md'), await readArticleFile(file));
    }),
  );
  // Every bad file is reported at once, so an author fixes them in one pass.
  const issues = parses.flatMap((parse) => (parse.ok ? [] : parse.issues));
  if (issues.length > 0) throw new DatasetError(issues);
  return parses.flatMap((parse) => (parse.ok ? [parse.article] : []));
}

/** Splits an article into passages for retrieval: one per `## ` section, further split on paragraph boundaries so no chunk exceeds maxCharacters (default 900); chunk id = `${articleId}#${position}`; each chunk's text starts with the article title and section heading so it is self-contained. */
export function chunkArticle(
  article: KnowledgeArticle,
  maxCharacters: number = DEFAULT_MAX_CHARACTERS,
): ArticleChunk[] {
  if (!Number.isInteger(maxCharacters) || maxCharacters < 1) {
    throw new KnowledgeError(
      'INVALID_INPUT',
      `maxCharacters must be a positive integer, got ${maxCharacters}`,
    );
  }
  const chunks: ArticleChunk[] = [];
  for (const section of splitSections(article.body)) {
    const heading = section.heading === '' ? article.title : `${article.title} — ${section.heading}`;
    const budget = maxCharacters - heading.length - PARAGRAPH_SEPARATOR.length;
    if (budget < 1) {
      throw new KnowledgeError(
        'INVALID_INPUT',
        `maxCharacters ${maxCharacters} leaves no room for text after the heading "${heading}" of article ${article.id}`,
      );
    }
    for (const passage of packParagraphs(section.paragraphs, budget)) {
      const position = chunks.length;
      chunks.push({
        id: `${article.id}#${position}`,
        articleId: article.id,
        title: article.title,
        section: section.heading,
        text: `${heading}${PARAGRAPH_SEPARATOR}${passage}`,
        position,
        intents: [...article.intents],
      });
    }
  }
  return chunks;
}

async function readArticleFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new KnowledgeError('MISSING_FILE', `cannot read the article ${file}`, { cause: error });
  }
}

function parseArticle(file: string, expectedId: string, content: string): ArticleParse {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const failure = (line: number, field: string, reason: string): ArticleParse => ({
    ok: false,
    issues: [{ file, line, field, reason }],
  });
  if (lines[0]?.trim() !== FENCE) {
    return failure(0, 'front matter', 'the file must start with a "---" line that opens the front matter');
  }
  const closing = lines.findIndex((line, index) => index > 0 && line.trim() === FENCE);
  if (closing === -1) return failure(1, 'front matter', 'the front matter is never closed by a "---" line');

  const issues: DataIssue[] = [];
  const values = new Map<string, string>();
  const lineOfKey = new Map<string, number>();
  for (let index = 1; index < closing; index++) {
    const line = lines[index] ?? '';
    const lineNumber = index + 1;
    if (line.trim() === '') continue;
    const match = /^([A-Za-z][\w-]*)\s*:(.*)$/s.exec(line);
    const key = match?.[1];
    if (match === null || key === undefined) {
      issues.push({
        file,
        line: lineNumber,
        field: 'front matter',
        reason: `expected "key: value", got "${line}"`,
      });
    } else if (values.has(key)) {
      issues.push({
        file,
        line: lineNumber,
        field: key,
        reason: `is repeated (first on line ${lineOfKey.get(key)})`,
      });
    } else {
      values.set(key, unquote((match[2] ?? '').trim()));
      lineOfKey.set(key, lineNumber);
    }
  }

  const parsed = FrontMatterSchema.safeParse(Object.fromEntries(values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const expected = Object.keys(FrontMatterSchema.shape).join(', ');
          issues.push({
            file,
            line: lineOfKey.get(key) ?? 1,
            field: key,
            reason: `is not one of ${expected}`,
          });
        }
        continue;
      }
      const field = issue.path.map(String).join('.') || 'front matter';
      issues.push({ file, line: lineOfKey.get(field) ?? 1, field, reason: issue.message });
    }
  } else {
    if (parsed.data.id !== expectedId) {
      issues.push({
        file,
        line: lineOfKey.get('id') ?? 1,
        field: 'id',
        reason: `"${parsed.data.id}" does not match the file name; expected "${expectedId}"`,
      });
    }
    issues.push(...intentIssues(parsed.data.intents, file, lineOfKey.get('intents') ?? 1));
  }

  const body = lines
    .slice(closing + 1)
    .join('\n')
    .trim();
  if (body === '') issues.push({ file, line: closing + 2, field: 'body', reason: 'is empty' });
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, article: { ...parsed.data, body, file } };
}

/** Each intent must be a taxonomy id, named once: a typo would silently leave an intent without its article. */
function intentIssues(intents: readonly string[], file: string, line: number): DataIssue[] {
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  for (const intent of intents) {
    if (intentDefinition(intent) === undefined) {
      issues.push({
        file,
        line,
        field: 'intents',
        reason: `"${intent}" is not an intent id of knowledge/intents/taxonomy.ts (e.g. "card_arrival")`,
      });
    } else if (seen.has(intent)) {
      issues.push({ file, line, field: 'intents', reason: `"${intent}" is listed twice` });
    }
    seen.add(intent);
  }
  return issues;
}

/** Strips one pair of matching quotes, as YAML authors often write `title: "…"`. */
function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted?.[2] ?? value;
}

interface Section {
  heading: string;
  paragraphs: string[];
}

/** Splits markdown into `## ` sections of paragraphs; text before the first heading is a section headed ''. */
function splitSections(body: string): Section[] {
  const sections: Section[] = [];
  let heading = '';
  let lines: string[] = [];
  let titleSkipped = false;
  const close = (): void => {
    const paragraphs = lines
      .join('\n')
      .split(/\n[ \t]*\n/)
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => paragraph !== '');
    if (paragraphs.length > 0) sections.push({ heading, paragraphs });
  };
  for (const line of body.split(/\r?\n/)) {
    const sectionHeading = /^##[ \t]+(\S.*?)\s*$/.exec(line)?.[1];
    if (sectionHeading !== undefined) {
      close();
      heading = sectionHeading;
      lines = [];
    } else if (!titleSkipped && heading === '' && /^#[ \t]/.test(line)) {
      // The `# Title` line repeats the title that already prefixes every chunk.
      titleSkipped = true;
    } else {
      lines.push(line);
    }
  }
  close();
  return sections;
}

/** Greedily joins paragraphs into passages of at most `budget` characters, splitting only oversized ones. */
function packParagraphs(paragraphs: string[], budget: number): string[] {
  const passages: string[] = [];
  let current = '';
  for (const unit of paragraphs.flatMap((paragraph) => splitOversized(paragraph, budget))) {
    if (current === '') {
      current = unit;
    } else if (current.length + PARAGRAPH_SEPARATOR.length + unit.length <= budget) {
      current += PARAGRAPH_SEPARATOR + unit;
    } else {
      passages.push(current);
      current = unit;
    }
  }
  if (current !== '') passages.push(current);
  return passages;
}

function splitOversized(paragraph: string, budget: number): string[] {
  const fragments: string[] = [];
  let rest = paragraph;
  while (rest.length > budget) {
    const cut = findCut(rest, budget);
    fragments.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') fragments.push(rest);
  return fragments;
}

/** Where to end a fragment of at most `budget` characters: at a line (list item), else a sentence, else a word. */
function findCut(text: string, budget: number): number {
  // A break in the first half would leave a scrap of a fragment; a later, weaker break keeps fragments full.
  const earliest = Math.ceil(budget / 2);
  const lineBreak = text.lastIndexOf('\n', budget);
  if (lineBreak >= earliest) return lineBreak;
  for (let index = budget; index >= earliest; index--) {
    if (/\s/.test(text.charAt(index)) && /[.!?]/.test(text.charAt(index - 1))) return index;
  }
  for (let index = budget; index > 0; index--) {
    if (/\s/.test(text.charAt(index))) return index;
  }
  const code = text.charCodeAt(budget - 1);
  const splitsSurrogatePair = code >= 0xd800 && code <= 0xdbff;
  return splitsSurrogatePair && budget > 1 ? budget - 1 : budget;
}
