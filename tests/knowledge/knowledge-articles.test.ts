import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../knowledge/errors.ts';
import {
  ARTICLES_DIR,
  chunkArticle,
  type KnowledgeArticle,
  loadArticles,
} from '../../knowledge/knowledge-articles.ts';

const PROMISSORY = /guarantee|risk[- ]free|can['’]t lose|cannot lose/i;
const RISK_NOTE = 'can go down as well as up';
const INVESTING = /\binvest(?:s|ed|ing|ments?|ors?)?\b/i;
const PHONE_NUMBER = /\(?\d{3}\)?[-.\s]\d{3}[-.\s]\d{4}/;

function countWords(markdown: string): number {
  return markdown.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Every line of text under a heading: what a reader must be able to find in some chunk. */
function textLinesOf(body: string): string[] {
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function article(id: string, title: string, body: string): KnowledgeArticle {
  return { id, title, topics: ['test'], intents: ['financial_education'], body, file: `${id}.md` };
}

async function rejectionOf(promise: Promise<unknown>): Promise<KnowledgeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof KnowledgeError) return error;
    throw error;
  }
  throw new Error('expected the promise to reject with a KnowledgeError');
}

describe('shipped articles', () => {
  let articles: KnowledgeArticle[] = [];
  beforeAll(async () => {
    articles = await loadArticles(ARTICLES_DIR);
  });

  it('load at least 42 articles with unique ids', () => {
    expect(articles.length).toBeGreaterThanOrEqual(42);
    expect(new Set(articles.map((each) => each.id)).size).toBe(articles.length);
  });

  it('each have 300–700 words of body', () => {
    const outOfRange = articles
      .map((each) => ({ id: each.id, words: countWords(each.body) }))
      .filter(({ words }) => words < 300 || words > 700);
    expect(outOfRange).toEqual([]);
  });

  it('never promise outcomes ("guarantee", "risk-free", "can\'t lose")', () => {
    const promissory = articles.filter((each) => PROMISSORY.test(`${each.title}\n${each.body}`));
    expect(promissory.map((each) => each.id)).toEqual([]);
  });

  it('carry a risk note wherever investing is discussed', () => {
    const withoutNote = articles.filter(
      (each) => INVESTING.test(each.body) && !each.body.includes(RISK_NOTE),
    );
    expect(withoutNote.map((each) => each.id)).toEqual([]);
  });

  it('open with their title and have 3–5 sections', () => {
    for (const each of articles) {
      expect(each.body.startsWith(`# ${each.title}\n`), each.id).toBe(true);
      const sections = each.body.split('\n').filter((line) => line.startsWith('## ')).length;
      expect(sections, each.id).toBeGreaterThanOrEqual(3);
      expect(sections, each.id).toBeLessThanOrEqual(5);
    }
  });

  it('quote no phone numbers', () => {
    expect(articles.filter((each) => PHONE_NUMBER.test(each.body)).map((each) => each.id)).toEqual([]);
  });

  it('include help-centre pages that tell the customer how to reach a person', () => {
    const helpCentre = articles.filter((each) => each.topics.includes('help centre'));
    expect(helpCentre.length).toBeGreaterThanOrEqual(27);
    const silent = helpCentre.filter(
      (each) => !/contact us|secure message|member of our team/i.test(each.body),
    );
    expect(silent.map((each) => each.id)).toEqual([]);
    const cardDelivery = articles.find((each) => each.id === 'card-not-arrived');
    expect(cardDelivery?.body).toContain('usually arrive within 5–7 working days');
  });

  it('chunk within 900 characters with every line of text intact in some chunk', () => {
    for (const each of articles) {
      const chunks = chunkArticle(each);
      expect(
        chunks.every((chunk) => chunk.text.length <= 900),
        each.id,
      ).toBe(true);
      for (const line of textLinesOf(each.body)) {
        expect(
          chunks.some((chunk) => chunk.text.includes(line)),
          `${each.id}: ${line}`,
        ).toBe(true);
      }
    }
  });
});

describe('chunkArticle', () => {
  const savingTips = article(
    'saving-tips',
    'Saving tips',
    [
      '# Saving tips',
      'Small habits add up.',
      '## Start small',
      'Put aside a little each payday.',
      'Raise it when your pay rises.',
      '## Automate it',
      'Move money on the day you are paid.',
    ].join('\n\n'),
  );

  it('gives one chunk per section when every section fits', () => {
    expect(chunkArticle(savingTips)).toEqual([
      {
        id: 'saving-tips#0',
        articleId: 'saving-tips',
        title: 'Saving tips',
        section: '',
        text: 'Saving tips\n\nSmall habits add up.',
        position: 0,
        intents: ['financial_education'],
      },
      {
        id: 'saving-tips#1',
        articleId: 'saving-tips',
        title: 'Saving tips',
        section: 'Start small',
        text: 'Saving tips — Start small\n\nPut aside a little each payday.\n\nRaise it when your pay rises.',
        position: 1,
        intents: ['financial_education'],
      },
      {
        id: 'saving-tips#2',
        articleId: 'saving-tips',
        title: 'Saving tips',
        section: 'Automate it',
        text: 'Saving tips — Automate it\n\nMove money on the day you are paid.',
        position: 2,
        intents: ['financial_education'],
      },
    ]);
  });

  it('splits on paragraph boundaries first, then between words, to stay within maxCharacters', () => {
    const chunks = chunkArticle(savingTips, 60);
    expect(chunks.map(({ id, section, text }) => ({ id, section, text }))).toEqual([
      { id: 'saving-tips#0', section: '', text: 'Saving tips\n\nSmall habits add up.' },
      {
        id: 'saving-tips#1',
        section: 'Start small',
        text: 'Saving tips — Start small\n\nPut aside a little each payday.',
      },
      {
        id: 'saving-tips#2',
        section: 'Start small',
        text: 'Saving tips — Start small\n\nRaise it when your pay rises.',
      },
      {
        id: 'saving-tips#3',
        section: 'Automate it',
        text: 'Saving tips — Automate it\n\nMove money on the day you are',
      },
      { id: 'saving-tips#4', section: 'Automate it', text: 'Saving tips — Automate it\n\npaid.' },
    ]);
    expect(chunks.map((chunk) => chunk.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it('prefers a sentence end to a word break when splitting a long paragraph', () => {
    const texts = chunkArticle(
      article('t', 'T', '## S\n\nSave first. Then spend what is left over.'),
      27,
    ).map((chunk) => chunk.text);
    expect(texts).toEqual(['T — S\n\nSave first.', 'T — S\n\nThen spend what is', 'T — S\n\nleft over.']);
  });

  it('prefers a line break (a list item) to a sentence end or word break', () => {
    const texts = chunkArticle(article('t', 'T', '## S\n\n- one two three\n- four five six'), 27).map(
      (chunk) => chunk.text,
    );
    expect(texts).toEqual(['T — S\n\n- one two three', 'T — S\n\n- four five six']);
  });

  it('cuts a word longer than the whole budget', () => {
    const texts = chunkArticle(article('t', 'T', `## S\n\n${'x'.repeat(25)}`), 17).map((chunk) => chunk.text);
    expect(texts).toEqual(['T — S\n\nxxxxxxxxxx', 'T — S\n\nxxxxxxxxxx', 'T — S\n\nxxxxx']);
  });

  it('refuses a maxCharacters that leaves no room after the heading', () => {
    for (const maxCharacters of [0, 1.5, Number.NaN, 27]) {
      expect(() => chunkArticle(savingTips, maxCharacters)).toThrow(KnowledgeError);
    }
  });

  it('never exceeds maxCharacters and keeps every character of every paragraph, in order', () => {
    const word = fc.stringMatching(/^[a-z]{1,30}[.!?]?$/);
    const paragraph = fc.array(word, { minLength: 1, maxLength: 40 }).map((words) => words.join(' '));
    const section = fc.record({
      heading: fc.stringMatching(/^[A-Z][a-z]{0,9}( [a-z]{1,9})?$/),
      paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 5 }),
    });
    const withoutWhitespace = (text: string): string => text.replace(/\s+/g, '');
    fc.assert(
      fc.property(
        fc.array(paragraph, { maxLength: 2 }),
        fc.array(section, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 40, max: 600 }),
        (intro, sections, maxCharacters) => {
          const body = [
            '# Generated',
            ...intro,
            ...sections.map((each) => `## ${each.heading}\n\n${each.paragraphs.join('\n\n')}`),
          ].join('\n\n');
          const chunks = chunkArticle(article('generated', 'Generated', body), maxCharacters);
          const contents = chunks.map((chunk, position) => {
            expect(chunk.id).toBe(`generated#${position}`);
            expect(chunk.text.length).toBeLessThanOrEqual(maxCharacters);
            const heading = chunk.section === '' ? 'Generated' : `Generated — ${chunk.section}`;
            expect(chunk.text.startsWith(`${heading}\n\n`)).toBe(true);
            return chunk.text.slice(heading.length + 2);
          });
          const paragraphs = [...intro, ...sections.flatMap((each) => each.paragraphs)];
          expect(withoutWhitespace(contents.join(''))).toBe(withoutWhitespace(paragraphs.join('')));
        },
      ),
    );
  });
});

describe('loadArticles', () => {
  let directory = '';
  beforeEach(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'knowledge-articles-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const write = (name: string, content: string): Promise<void> =>
    writeFile(path.join(directory, name), content, 'utf8');

  it('parses front matter and returns articles sorted by file name, ignoring other files', async () => {
    await write(
      'b-second.md',
      '---\nid: b-second\ntitle: Second\ntopics: saving\nintents: card_arrival,  financial_education\n---\n# Second\n\nText two.\n',
    );
    await write(
      'a-first.md',
      '---\r\nid: a-first\r\ntitle: "Budgets: a start"\r\ntopics: one, two ,three,\r\n---\r\n\r\n# First\r\n',
    );
    await write('notes.txt', 'not an article');
    expect(await loadArticles(directory)).toEqual([
      {
        id: 'a-first',
        title: 'Budgets: a start',
        topics: ['one', 'two', 'three'],
        intents: [],
        body: '# First',
        file: path.join(directory, 'a-first.md'),
      },
      {
        id: 'b-second',
        title: 'Second',
        topics: ['saving'],
        intents: ['card_arrival', 'financial_education'],
        body: '# Second\n\nText two.',
        file: path.join(directory, 'b-second.md'),
      },
    ]);
  });

  it('refuses a file without front matter, naming the file', async () => {
    await write('good.md', '---\nid: good\ntitle: Good\ntopics: saving\n---\n# Good\n');
    await write('no-front-matter.md', '# Just a heading\n\nSome text.\n');
    const error = await rejectionOf(loadArticles(directory));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain(`${path.join(directory, 'no-front-matter.md')}:0 front matter`);
    expect(error.message).not.toContain('good.md');
  });

  it('refuses an empty title, unclosed front matter and unknown keys, naming each file', async () => {
    await write('empty-title.md', '---\nid: empty-title\ntitle:   \ntopics: saving\n---\n# Body\n');
    await write('unclosed.md', '---\nid: unclosed\ntitle: Unclosed\n# Body\n');
    await write('unknown-key.md', '---\nid: unknown-key\ntitle: T\ntopics: x\nauthor: me\n---\n# Body\n');
    const error = await rejectionOf(loadArticles(directory));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain(`${path.join(directory, 'empty-title.md')}:3 title: must not be empty`);
    expect(error.message).toContain(`${path.join(directory, 'unclosed.md')}:1 front matter`);
    expect(error.message).toContain(`${path.join(directory, 'unknown-key.md')}:5 author`);
  });

  it('refuses a file whose id differs from its name', async () => {
    await write('savings-tips.md', '---\nid: saving-tips\ntitle: Tips\ntopics: saving\n---\n# Tips\n');
    const error = await rejectionOf(loadArticles(directory));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain(
      `${path.join(directory, 'savings-tips.md')}:2 id: "saving-tips" does not match the file name; expected "savings-tips"`,
    );
  });

  it('refuses an intent id outside the taxonomy or listed twice, naming the file, line and id', async () => {
    await write(
      'typo.md',
      '---\nid: typo\ntitle: Typo\ntopics: cards\nintents: card_arrival, card_arival\n---\n# Typo\n',
    );
    await write(
      'twice.md',
      '---\nid: twice\ntitle: Twice\ntopics: cards\nintents: change_pin, change_pin\n---\n# Twice\n',
    );
    const error = await rejectionOf(loadArticles(directory));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain(
      `${path.join(directory, 'typo.md')}:5 intents: "card_arival" is not an intent id of knowledge/intents/taxonomy.ts`,
    );
    expect(error.message).not.toContain('"card_arrival" is not');
    expect(error.message).toContain(
      `${path.join(directory, 'twice.md')}:5 intents: "change_pin" is listed twice`,
    );
  });

  it('reports a missing folder as MISSING_FILE, keeping the cause', async () => {
    const error = await rejectionOf(loadArticles(path.join(directory, 'absent')));
    expect(error.code).toBe('MISSING_FILE');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('round-trips any well-formed front matter', async () => {
    const title = fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((text) => text === text.trim() && text !== '' && !/^(["']).*\1$/s.test(text));
    const topic = fc.stringMatching(/^[a-z][a-z ]{0,14}[a-z]$/);
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/),
        title,
        fc.array(topic, { minLength: 1, maxLength: 4 }),
        async (id, generatedTitle, topics) => {
          const folder = await mkdtemp(path.join(directory, 'run-'));
          const content = `---\nid: ${id}\ntitle: ${generatedTitle}\ntopics: ${topics.join(', ')}\n---\n# Body\n`;
          await writeFile(path.join(folder, `${id}.md`), content, 'utf8');
          const [loaded] = await loadArticles(folder);
          expect(loaded).toEqual({
            id,
            title: generatedTitle,
            topics,
            intents: [],
            body: '# Body',
            file: path.join(folder, `${id}.md`),
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});
