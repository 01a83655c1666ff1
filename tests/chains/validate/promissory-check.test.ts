import { mkdtemp, rm, stat, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPromissoryModel,
  ensurePromissoryModel,
  findPromissoryLanguage,
  loadPromissoryModel,
  loadPromissorySuite,
  splitPromissorySuite,
} from '../../../chains/validate/index.ts';
import { trainTextClassifier } from '../../../knowledge/classifier/index.ts';
import { svmMemberFile } from '../../../knowledge/safety/index.ts';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'promissory-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const phrases = (text: string) => findPromissoryLanguage(text).map((issue) => issue.phrase);

describe('promissory patterns (no model: the patterns alone decide)', () => {
  it.each([
    ["There is zero chance you'll see a loss on this investment.", "zero chance you'll see a loss"],
    ['This product eliminates all investment risk.', 'eliminates all investment risk'],
    ["Losses just don't happen with this balanced fund.", "Losses just don't happen"],
    ["This balanced fund just doesn't lose money.", "doesn't lose"],
    ['The balanced fund shields you from any loss.', 'shields you from any loss'],
    ['Your savings will keep growing no matter what the market does.', 'growing no matter what'],
    ['You will definitely see your money double.', 'will definitely see your money double'],
    ['It is impossible for this fund to drop.', 'impossible for this fund to drop'],
  ])('rejects "%s" quoting "%s"', (sentence, phrase) => {
    expect(findPromissoryLanguage(sentence)).toEqual([
      { reason: 'promissory_language', phrase, detectedBy: 'patterns' },
    ]);
  });

  it.each([
    'Past performance does not guarantee future results.',
    'The value of investments can go down as well as up.',
    'Inflation means prices never stop rising for long, so cash loses buying power over time.',
    'No investment is risk-free, including this one.',
    'We cannot guarantee any returns on this fund.',
    "Scammers often claim you can't lose money; real investments always carry risk.",
    'If someone tells you an investment is risk-free, treat it as a warning sign.',
    'Risk-free rates in economics refer to government bond yields, not to our products.',
    'Fixed-rate bonds pay a guaranteed interest rate for the term.',
    'A risk-free return does not exist in the stock market.',
    'Cash savings never lose nominal value, but inflation can reduce what they buy.',
  ])('passes the compliant "%s"', (sentence) => {
    expect(phrases(sentence)).toEqual([]);
  });
});

describe('the promissory suite', () => {
  it('has at least 150 promissory and 150 compliant sentences, split the same way for the same seed', async () => {
    const suite = await loadPromissorySuite();
    expect(suite.promissory.length).toBeGreaterThanOrEqual(150);
    expect(suite.compliant.length).toBeGreaterThanOrEqual(150);
    const { train, validation } = splitPromissorySuite(suite);
    expect(validation.promissory).toHaveLength(Math.round(suite.promissory.length * 0.25));
    expect(train.promissory.length + validation.promissory.length).toBe(suite.promissory.length);
    expect(validation.compliant.some((sentence) => train.compliant.includes(sentence))).toBe(false);
    expect(splitPromissorySuite(suite).validation).toEqual(validation);
  });
});

describe('with the classifier (a real fastText model)', () => {
  async function model() {
    const classifier = await trainTextClassifier(
      [
        ...[
          'a ticket to riches',
          'this fund is a ticket to riches',
          'returns beyond doubt',
          'riches beyond doubt',
        ].map((text) => ({ text, label: 'promissory' })),
        ...[
          'the fund can fall in value',
          'fees apply to every fund',
          'check the fees first',
          'the value can fall',
        ].map((text) => ({ text, label: 'compliant' })),
      ],
      { epoch: 100, dim: 16, bucket: 10_000, minn: 0, maxn: 0 },
    );
    return createPromissoryModel(classifier, 0.5, 'feedc0de12345678');
  }

  it('rejects a sentence the patterns miss, says the classifier found it, and quotes the sentence', async () => {
    const reply = 'The fund can fall in value. This fund is a ticket to riches! Ask me anything.';
    expect(findPromissoryLanguage(reply)).toEqual([]);
    expect(findPromissoryLanguage(reply, await model())).toEqual([
      { reason: 'promissory_language', phrase: 'This fund is a ticket to riches!', detectedBy: 'classifier' },
    ]);
  });

  it('never shows the classifier a denial, and keeps a decimal point inside its sentence', async () => {
    const loaded = await model();
    expect(findPromissoryLanguage('We cannot promise a ticket to riches, sorry.', loaded)).toEqual([]);
    expect(findPromissoryLanguage('Returns are 4.2% and a ticket to riches.', loaded)).toEqual([
      {
        reason: 'promissory_language',
        phrase: 'Returns are 4.2% and a ticket to riches.',
        detectedBy: 'classifier',
      },
    ]);
  });

  it('does not show the classifier a clause the same sentence then withdraws ("…, but growth is not guaranteed")', async () => {
    const loaded = await model();
    expect(
      findPromissoryLanguage('This fund is a ticket to riches, but that is not guaranteed.', loaded),
    ).toEqual([]);
    expect(
      findPromissoryLanguage('Nothing is guaranteed, but this fund is a ticket to riches.', loaded),
    ).toHaveLength(1);
  });
});

describe('ensurePromissoryModel', () => {
  it('trains once into <store>/understanding/promissory.bin and loads it while the suite is unchanged', async () => {
    const files = {
      promissory: path.join(folder, 'promissory.txt'),
      compliant: path.join(folder, 'compliant.txt'),
    };
    await writeFile(
      files.promissory,
      'Returns are guaranteed.\nYou cannot lose.\nA sure thing.\nRiches for sure.\n',
    );
    await writeFile(files.compliant, 'Fees apply.\nThe fund can fall.\nPrices vary.\nCheck the terms.\n');
    const byPatterns = (sentence: string) => findPromissoryLanguage(sentence).length > 0;
    const training = { folds: 2, fastText: { epoch: 10, dim: 8, bucket: 5_000 }, svm: { buckets: 1 << 12 } };
    const storeDir = path.join(folder, 'store');
    const first = await ensurePromissoryModel(storeDir, byPatterns, { files, training });
    expect(first.trained).toBe(true);
    expect(first.file).toBe(path.join(storeDir, 'understanding', 'promissory.bin'));
    const second = await ensurePromissoryModel(storeDir, byPatterns, { files, training });
    expect(second.trained).toBe(false);
    expect(second.model.id).toBe(first.model.id);
    const loaded = await loadPromissoryModel(first.file);
    expect(loaded.threshold).toBe(first.model.threshold);
    // Both members are stored (fastText and the SVM beside it) and the pair scores as it did when trained.
    expect((await stat(svmMemberFile(first.file))).size).toBeGreaterThan(0);
    expect(loaded.probability('Riches are guaranteed.')).toBeCloseTo(
      first.model.probability('Riches are guaranteed.'),
      5,
    );
    await unlink(svmMemberFile(first.file));
    await expect(loadPromissoryModel(first.file)).rejects.toThrow(
      `cannot read the classifier model ${svmMemberFile(first.file)}`,
    );
    const rebuilt = await ensurePromissoryModel(storeDir, byPatterns, { files, training });
    expect(rebuilt.trained).toBe(true);
    expect(rebuilt.model.id).toBe(first.model.id);
    const third = await ensurePromissoryModel(storeDir, byPatterns, {
      files,
      training,
      extraCompliant: ['More prose.'],
    });
    expect(third.trained).toBe(true);
    expect(third.model.id).not.toBe(first.model.id);
    const paraphraseFiles = {
      promissory: path.join(folder, 'promissory-paraphrases.txt'),
      compliant: path.join(folder, 'compliant-paraphrases.txt'),
    };
    await writeFile(paraphraseFiles.promissory, 'Profits for sure.\nThis can only go up.\n');
    await writeFile(paraphraseFiles.compliant, 'Rates can change.\nShares can fall.\n');
    const fourth = await ensurePromissoryModel(storeDir, byPatterns, { files, training, paraphraseFiles });
    expect(fourth.trained).toBe(true);
    expect(fourth.model.id).not.toBe(third.model.id);
    await writeFile(paraphraseFiles.compliant, 'Rates can change.\nShares can fall.\nFees apply.\n');
    const fifth = await ensurePromissoryModel(storeDir, byPatterns, { files, training, paraphraseFiles });
    expect(fifth.trained).toBe(true);
  });

  it('names a missing suite file', async () => {
    const files = {
      promissory: path.join(folder, 'none.txt'),
      compliant: path.join(folder, 'compliant.txt'),
    };
    await expect(ensurePromissoryModel(path.join(folder, 'store2'), () => false, { files })).rejects.toThrow(
      `cannot read promissory suite ${files.promissory}`,
    );
  });
});
