import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fastTextText,
  type LabelledText,
  loadTextClassifier,
  type TextClassifier,
  trainTextClassifier,
} from '../../../knowledge/classifier/index.ts';
import { KnowledgeError } from '../../../knowledge/errors.ts';

// A real fastText model (WebAssembly), trained on a tiny two-topic set.
const CARDS = [
  'my card has not arrived',
  'where is my new card',
  'card still not delivered',
  'when will my card come',
];
const PINS = [
  'my pin is blocked',
  'i forgot my pin',
  'how do i unblock my pin',
  'pin locked after three tries',
];
const EXAMPLES: LabelledText[] = [
  ...CARDS.map((text) => ({ text, label: 'card_arrival' })),
  ...PINS.map((text) => ({ text, label: 'pin_blocked' })),
];

let folder: string;
let model: TextClassifier;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'fasttext-'));
  model = await trainTextClassifier(EXAMPLES, { epoch: 50, dim: 16, bucket: 10_000 });
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('trainTextClassifier', () => {
  it('learns the labels and ranks the right one first', () => {
    expect([...model.labels].sort()).toEqual(['card_arrival', 'pin_blocked']);
    expect(model.predict('my new card is not here yet')[0]?.label).toBe('card_arrival');
    expect(model.predict('PIN blocked!')[0]?.label).toBe('pin_blocked');
    const both = model.predict('pin', 2);
    expect(both.map((score) => score.label).sort()).toEqual(['card_arrival', 'pin_blocked']);
    expect(both[0]?.probability).toBeGreaterThanOrEqual(both[1]?.probability ?? 1);
  });

  it('gives the same predictions after a save and load, and can train again afterwards', async () => {
    const file = path.join(folder, 'model.bin');
    await model.save(file);
    const loaded = await loadTextClassifier(file);
    for (const text of ['where is my card', 'unblock pin please']) {
      expect(loaded.predict(text, 2)).toEqual(model.predict(text, 2));
    }
    const again = await trainTextClassifier(EXAMPLES, { epoch: 5, dim: 8, bucket: 1_000 });
    expect(again.labels).toHaveLength(2);
  });

  it('names the bad example', async () => {
    await expect(trainTextClassifier([{ text: 'x', label: 'has space' }, ...EXAMPLES])).rejects.toThrow(
      'training example 1: label "has space"',
    );
    await expect(trainTextClassifier([...EXAMPLES, { text: ' \u200B ', label: 'a' }])).rejects.toThrow(
      'training example 9: text is empty',
    );
    await expect(trainTextClassifier(CARDS.map((text) => ({ text, label: 'one' })))).rejects.toThrow(
      'at least two labels',
    );
  });

  it('refuses a file that is not a model, naming it', async () => {
    const file = path.join(folder, 'not-a-model.bin');
    await writeFile(file, 'hello');
    await expect(loadTextClassifier(file)).rejects.toBeInstanceOf(KnowledgeError);
    await expect(loadTextClassifier(path.join(folder, 'missing.bin'))).rejects.toThrow('missing.bin');
  });
});

describe('fastTextText', () => {
  it('lower-cases, splits punctuation and drops zero-width characters', () => {
    expect(fastTextText('Where\u200B is MY card?!\n')).toBe('where is my card ? !');
  });
});
