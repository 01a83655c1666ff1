import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitLsaEmbedder, type LsaEmbedder, loadLsaEmbedder } from '../../knowledge/embedding/lsa-embedder.ts';
import { type CsrMatrix, randomizedSvd } from '../../knowledge/embedding/randomized-svd.ts';
import { countCorpusTerms, stem, tokenize } from '../../knowledge/embedding/tokenize.ts';
import { KnowledgeError } from '../../knowledge/errors.ts';
import { createRandom } from '../../knowledge/seeded-random.ts';

const TOPICS = {
  retirement: [
    'Contributing to a workplace pension early lets retirement savings compound for decades.',
    'Your pension contributions receive tax relief, which boosts your retirement pot.',
    'Many employers match pension contributions up to a percentage of salary.',
    'Deciding when to retire depends on how large your pension pot has grown.',
    'An annuity turns part of your pension into a guaranteed retirement income.',
    'Drawdown lets retirees take an income from their pension while it stays invested.',
    'Check your state pension forecast before planning your retirement date.',
    'Consolidating old workplace pensions can make retirement planning simpler.',
    'Retirement income should cover living costs for twenty or thirty years.',
    'Raising pension contributions after a pay rise helps close a retirement gap.',
  ],
  mortgage: [
    'A larger deposit usually gets you a lower mortgage interest rate.',
    'Fixed rate mortgages keep monthly repayments the same for the fixed term.',
    'First time buyers should budget for stamp duty, surveys and legal fees when buying a home.',
    'Lenders check your income and outgoings to decide how much mortgage you can borrow.',
    "Remortgaging before your fixed deal ends avoids the lender's standard variable rate.",
    'Overpaying your mortgage shortens the term and cuts the total interest paid.',
    'A mortgage in principle shows sellers you can borrow enough to buy the home.',
    'The loan to value ratio compares your mortgage to the price of the home.',
    'Tracker mortgages follow the base rate, so repayments can rise or fall.',
    'Saving a deposit for a first home takes most buyers several years.',
  ],
  credit: [
    'Paying your credit card balance in full each month avoids interest charges.',
    'Missing a credit card payment can hurt your credit score and add a late fee.',
    'A balance transfer card can move expensive debt to a zero interest period.',
    'Paying off the debt with the highest interest rate first saves the most money.',
    'Keeping credit utilisation low helps your credit score.',
    'Only making the minimum payment keeps credit card debt around for years.',
    'A debt consolidation loan combines several debts into one monthly payment.',
    'Cash withdrawals on a credit card are charged interest from day one.',
    'Checking your credit report helps you spot errors and fraudulent card applications.',
    'If debt repayments feel unmanageable, free debt advice services can help.',
  ],
  investing: [
    'Index funds spread your money across hundreds of shares at a low fee.',
    'Diversification across shares, bonds and regions reduces investment risk.',
    'Stock market investments can fall in value, so invest for at least five years.',
    'Bonds usually pay regular interest and are less volatile than shares.',
    'High fund fees eat into investment returns over the long term.',
    'Rebalancing a portfolio keeps your mix of shares and bonds on target.',
    'A stocks and shares ISA shelters investment growth from tax.',
    'Your attitude to risk decides how much of the portfolio goes into shares.',
    'Regular monthly investing smooths out the ups and downs of the stock market.',
    'Reinvesting dividends from funds compounds investment returns.',
  ],
};
type Topic = keyof typeof TOPICS;
const DOCUMENTS = Object.entries(TOPICS).flatMap(([topic, texts]) =>
  texts.map((text) => ({ topic: topic as Topic, text })),
);
const CORPUS = DOCUMENTS.map((document) => document.text);
const QUERIES: Record<Topic, string> = {
  retirement: 'How much should I put into my pension to retire comfortably?',
  mortgage: 'How big a deposit do I need for a mortgage on my first home?',
  credit: 'What happens if I only pay the minimum on my credit card?',
  investing: 'Are index funds a good way to diversify my investments in shares?',
};

const cosine = (left: number[], right: number[]) =>
  left.reduce((sum, value, index) => sum + value * (right[index] ?? 0), 0);
const norm = (vector: number[]) => Math.sqrt(cosine(vector, vector));

function toCsr(rows: number[][]): CsrMatrix {
  const rowOffsets = [0];
  const columnIndices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    row.forEach((value, column) => {
      if (value === 0) return;
      columnIndices.push(column);
      values.push(value);
    });
    rowOffsets.push(values.length);
  }
  return {
    rowCount: rows.length,
    columnCount: rows[0]?.length ?? 0,
    rowOffsets: Int32Array.from(rowOffsets),
    columnIndices: Int32Array.from(columnIndices),
    values: Float64Array.from(values),
  };
}

describe('tokenize', () => {
  it('lowercases, drops stop words, pure numbers and 1-char tokens, stems, then appends bigrams', () => {
    expect(
      tokenize("The clients' savings accounts aren't earning 2% in 2024, but 401k plans are growing!"),
    ).toEqual([
      'client',
      'sav',
      'account',
      'earn',
      '401k',
      'plan',
      'grow',
      'client_sav',
      'sav_account',
      'account_earn',
      'earn_401k',
      '401k_plan',
      'plan_grow',
    ]);
  });

  it('folds full-width forms and keeps accented letters and apostrophised names as one word', () => {
    expect(tokenize('Ｆｕｎｄｓ at the Café: O’Neil’s retirement')).toEqual([
      'fund',
      'café',
      'oneil',
      'retirement',
      'fund_café',
      'café_oneil',
      'oneil_retirement',
    ]);
  });

  it('stems inflections of one word to one term and leaves short or suffix-like words alone', () => {
    expect(['save', 'saves', 'saved', 'saving', 'savings'].map(stem)).toEqual([
      'sav',
      'sav',
      'sav',
      'sav',
      'sav',
    ]);
    expect(['planned', 'running', 'billed', 'policies', 'losses', 'taxes'].map(stem)).toEqual([
      'plan',
      'run',
      'bill',
      'policy',
      'loss',
      'tax',
    ]);
    expect(['bonus', 'analysis', 'thing', 'bed', 'fees'].map(stem)).toEqual([
      'bonus',
      'analysis',
      'thing',
      'bed',
      'fee',
    ]);
  });

  it('returns nothing for text without content words', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('and the of 2024 — a!')).toEqual([]);
  });
});

describe('countCorpusTerms', () => {
  const words = [
    'Saving',
    'savings',
    'the',
    'pension',
    "client's",
    '2024',
    '401k',
    'fees',
    'Café',
    'a',
    'mortgage',
    'ISA',
  ];

  it('counts exactly the terms tokenize() produces, per document, with their document frequencies', () => {
    const text = fc.array(fc.constantFrom(...words), { maxLength: 12 }).map((chosen) => chosen.join(' '));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), (corpus) => {
        const counts = countCorpusTerms(corpus);
        const documentFrequency = new Map<string, number>();
        corpus.forEach((document, index) => {
          const expected = new Map<string, number>();
          for (const term of tokenize(document)) expected.set(term, (expected.get(term) ?? 0) + 1);
          const actual = new Map<string, number>();
          for (
            let entry = counts.documentOffsets[index] ?? 0;
            entry < (counts.documentOffsets[index + 1] ?? 0);
            entry++
          ) {
            actual.set(counts.termText(counts.termIds[entry] ?? -1), counts.termCounts[entry] ?? 0);
          }
          expect(actual).toEqual(expected);
          for (const term of expected.keys())
            documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
        });
        const counted = new Map(
          counts.documentFrequency.map((frequency, id) => [counts.termText(id), frequency]),
        );
        expect(counted).toEqual(documentFrequency);
      }),
    );
  });
});

describe('randomizedSvd', () => {
  const small = [
    [2, 0, 1, 0, 3],
    [0, 1, 0, 4, 0],
    [1, 1, 0, 0, 2],
    [0, 0, 5, 1, 0],
    [3, 0, 0, 0, 1],
    [0, 2, 1, 0, 0],
  ];

  // Tall, square and wide-and-sparse shapes take different internal routes (which side the range finder
  // runs on, which Gram and which product give the vectors); all must agree with the exact SVD.
  const wideSparse = [
    [0, 0, 3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0],
    [1, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0],
    [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3],
  ];
  const square = small.slice(0, 5);
  const shapes = { tall: small, square, 'wide and sparse': wideSparse };

  it.each(Object.entries(shapes))("matches ml-matrix's exact singular values to 1e-6 (%s)", (_, rows) => {
    const exact = new SingularValueDecomposition(new Matrix(rows), { autoTranspose: true }).diagonal;
    const svd = randomizedSvd(toCsr(rows), 5, { random: createRandom(7) });
    expect(svd.rank).toBe(Math.min(5, rows.length));
    Array.from(svd.singularValues).forEach((value, index) => {
      expect(value).toBeCloseTo(exact[index] ?? Number.NaN, 6);
    });
  });

  it.each(Object.entries(shapes))(
    'returns orthonormal right singular vectors with ‖A·v‖ = σ (%s)',
    (_, rows) => {
      const termCount = rows[0]?.length ?? 0;
      const svd = randomizedSvd(toCsr(rows), 3, { random: createRandom(7) });
      const columns = Array.from({ length: svd.rank }, (_, component) =>
        Array.from(
          { length: termCount },
          (_, term) => svd.rightVectors[term * svd.rank + component] ?? Number.NaN,
        ),
      );
      expect(svd.rank).toBe(3);
      columns.forEach((column, component) => {
        columns.forEach((other, otherComponent) => {
          expect(cosine(column, other)).toBeCloseTo(component === otherComponent ? 1 : 0, 6);
        });
        const image = rows.map((row) => cosine(row, column));
        expect(norm(image)).toBeCloseTo(svd.singularValues[component] ?? Number.NaN, 6);
      });
    },
  );

  it('returns only as many components as the rank when k exceeds it, never zero padding', () => {
    const rankTwo = [
      [1, 2, 3, 0],
      [2, 4, 6, 0],
      [0, 0, 0, 5],
      [1, 2, 3, 5],
    ];
    const exact = new SingularValueDecomposition(new Matrix(rankTwo)).diagonal;
    const svd = randomizedSvd(toCsr(rankTwo), 10, { random: createRandom(1) });
    expect(svd.rank).toBe(2);
    expect(svd.rightVectors).toHaveLength(4 * 2);
    expect(svd.singularValues[0]).toBeCloseTo(exact[0] ?? Number.NaN, 6);
    expect(svd.singularValues[1]).toBeCloseTo(exact[1] ?? Number.NaN, 6);
  });

  it('finds the top components of a larger low-rank matrix exactly from a k + 10 sketch', () => {
    const random = createRandom(3);
    const left = Array.from({ length: 60 }, () => Array.from({ length: 4 }, () => random()));
    const right = Array.from({ length: 4 }, () => Array.from({ length: 45 }, () => random()));
    const product = left.map(
      (row) =>
        right[0]?.map((_, column) =>
          cosine(
            row,
            right.map((r) => r[column] ?? 0),
          ),
        ) ?? [],
    );
    const exact = new SingularValueDecomposition(new Matrix(product)).diagonal;
    const svd = randomizedSvd(toCsr(product), 2, { random: createRandom(11) });
    expect(svd.rank).toBe(2);
    expect(svd.singularValues[0]).toBeCloseTo(exact[0] ?? Number.NaN, 6);
    expect(svd.singularValues[1]).toBeCloseTo(exact[1] ?? Number.NaN, 6);
  });
});

describe('fitLsaEmbedder', () => {
  let embedder: LsaEmbedder;
  let documentVectors: number[][];
  beforeAll(async () => {
    embedder = fitLsaEmbedder(CORPUS, { dimensions: 8, seed: 5 });
    documentVectors = await embedder.embedDocuments(CORPUS);
  });

  it.each(Object.keys(QUERIES) as Topic[])('ranks a %s document first for a %s question', async (topic) => {
    const query = await embedder.embedQuery(QUERIES[topic]);
    const ranked = documentVectors
      .map((vector, index) => ({ topic: DOCUMENTS[index]?.topic, score: cosine(query, vector) }))
      .sort((a, b) => b.score - a.score);
    expect(ranked[0]?.topic).toBe(topic);
  });

  it('reports the vector length it produces, an id naming it, and unit-length vectors', () => {
    expect(embedder.kind).toBe('lsa');
    expect(embedder.dimensions).toBe(8);
    expect(embedder.id).toMatch(/^lsa:d8:[0-9a-f]{16}$/);
    for (const vector of documentVectors) {
      expect(vector).toHaveLength(8);
      expect(norm(vector)).toBeCloseTo(1, 9);
    }
  });

  it('uses only the dimensions the corpus supports when more are requested', async () => {
    const wide = fitLsaEmbedder(CORPUS, { dimensions: 256 });
    expect(wide.dimensions).toBeLessThanOrEqual(CORPUS.length);
    expect(wide.id.startsWith(`lsa:d${wide.dimensions}:`)).toBe(true);
    expect(await wide.embedQuery(QUERIES.credit)).toHaveLength(wide.dimensions);
  });

  it('embeds text of unknown words as a zero vector of the right length', async () => {
    expect(await embedder.embedQuery('zebra quantum xylophone')).toEqual(new Array(8).fill(0));
    expect(await embedder.embedQuery('')).toEqual(new Array(8).fill(0));
  });

  it('is deterministic: the same corpus and seed give the same id and vectors', async () => {
    const again = fitLsaEmbedder(CORPUS, { dimensions: 8, seed: 5 });
    expect(again.id).toBe(embedder.id);
    expect(await again.embedDocuments(CORPUS)).toEqual(documentVectors);
  });

  it('gives a different id to a fit on a different corpus', () => {
    expect(fitLsaEmbedder(CORPUS.slice(0, 30), { dimensions: 8, seed: 5 }).id).not.toBe(embedder.id);
  });

  it('keeps the most frequent terms, breaking document-frequency ties by the term itself', async () => {
    const tied = fitLsaEmbedder(['alpha beta', 'beta alpha', 'alpha beta'], { maxVocabulary: 1 });
    expect(norm(await tied.embedQuery('alpha'))).toBeCloseTo(1, 9);
    expect(norm(await tied.embedQuery('beta'))).toBe(0);
  });

  it('rejects an unusable corpus or options with a coded error', () => {
    expect(() => fitLsaEmbedder([])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => fitLsaEmbedder(['one lonely sentence', 'another different line'])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => fitLsaEmbedder(CORPUS, { dimensions: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
  });

  it('returns `dimensions` finite numbers of norm 0 or 1 for any string', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (text) => {
        const vector = await embedder.embedQuery(`${text} ${text.length % 2 === 0 ? 'pension' : ''}`);
        expect(vector).toHaveLength(embedder.dimensions);
        expect(vector.every(Number.isFinite)).toBe(true);
        const length = norm(vector);
        expect(length === 0 || Math.abs(length - 1) < 1e-9).toBe(true);
      }),
    );
  });
});

describe('save and loadLsaEmbedder', () => {
  let directory: string;
  let embedder: LsaEmbedder;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'lsa-embedder-'));
    embedder = fitLsaEmbedder(CORPUS, { dimensions: 8, seed: 5 });
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('round-trips to identical id and vectors, leaving no temporary files', async () => {
    const modelDirectory = path.join(directory, 'round-trip');
    await embedder.save(modelDirectory);
    expect((await readdir(modelDirectory)).sort()).toEqual(['lsa-components.f32', 'lsa.json']);
    const loaded = await loadLsaEmbedder(modelDirectory);
    expect(loaded.id).toBe(embedder.id);
    expect(loaded.dimensions).toBe(embedder.dimensions);
    expect(await loaded.embedDocuments(CORPUS)).toEqual(await embedder.embedDocuments(CORPUS));
    expect(await loaded.embedQuery(QUERIES.mortgage)).toEqual(await embedder.embedQuery(QUERIES.mortgage));
  });

  it('overwrites an earlier model in the same directory', async () => {
    const modelDirectory = path.join(directory, 'overwrite');
    await fitLsaEmbedder(CORPUS.slice(0, 30), { dimensions: 4 }).save(modelDirectory);
    await embedder.save(modelDirectory);
    expect((await loadLsaEmbedder(modelDirectory)).id).toBe(embedder.id);
  });

  it('reports an unwritable directory as EMBEDDER_UNAVAILABLE, keeping the file-system error', async () => {
    const blocker = path.join(directory, 'not-a-directory');
    await writeFile(blocker, 'x');
    const error = await embedder.save(path.join(blocker, 'model')).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'EMBEDDER_UNAVAILABLE', cause: { code: 'ENOTDIR' } });
    expect((error as Error).message).toContain(blocker);
  });

  async function savedCopy(name: string): Promise<string> {
    const modelDirectory = path.join(directory, name);
    await embedder.save(modelDirectory);
    return modelDirectory;
  }

  it('refuses a component file with a flipped byte, naming the file and the checksum', async () => {
    const modelDirectory = await savedCopy('corrupt');
    const file = path.join(modelDirectory, 'lsa-components.f32');
    const bytes = await readFile(file);
    bytes[100] = (bytes[100] ?? 0) ^ 0xff;
    await writeFile(file, bytes);
    const error = await loadLsaEmbedder(modelDirectory).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KnowledgeError);
    expect(error).toMatchObject({ code: 'EMBEDDER_UNAVAILABLE' });
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/checksum/);
  });

  it('refuses a truncated component file, saying how many bytes it has and needs', async () => {
    const modelDirectory = await savedCopy('truncated');
    const file = path.join(modelDirectory, 'lsa-components.f32');
    await truncate(file, 64);
    await expect(loadLsaEmbedder(modelDirectory)).rejects.toMatchObject({
      code: 'EMBEDDER_UNAVAILABLE',
      message: expect.stringMatching(/lsa-components\.f32 has 64 bytes; \d+ terms × 8 dimensions need \d+/),
    });
  });

  it('refuses a missing or malformed manifest, naming it', async () => {
    await expect(loadLsaEmbedder(path.join(directory, 'nowhere'))).rejects.toMatchObject({
      code: 'EMBEDDER_UNAVAILABLE',
      message: expect.stringMatching(/lsa\.json is missing/),
    });
    const modelDirectory = await savedCopy('malformed');
    await writeFile(path.join(modelDirectory, 'lsa.json'), '{"format": "lsa-embedder", "version": 1');
    await expect(loadLsaEmbedder(modelDirectory)).rejects.toMatchObject({
      code: 'EMBEDDER_UNAVAILABLE',
      message: expect.stringMatching(/lsa\.json is not valid JSON/),
    });
  });

  it('refuses a manifest whose vocabulary was edited: the contents no longer hash to its id', async () => {
    const modelDirectory = await savedCopy('edited');
    const file = path.join(modelDirectory, 'lsa.json');
    const manifest = JSON.parse(await readFile(file, 'utf8')) as { vocabulary: string[] };
    manifest.vocabulary[0] = 'tampered';
    await writeFile(file, JSON.stringify(manifest));
    await expect(loadLsaEmbedder(modelDirectory)).rejects.toMatchObject({
      code: 'EMBEDDER_UNAVAILABLE',
      message: expect.stringMatching(/contents hash to lsa:d8:/),
    });
  });
});
