import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hashedTextFeatures,
  type LabelledText,
  loadLinearTextClassifier,
  type TextClassifier,
  trainLinearTextClassifier,
} from '../../../knowledge/classifier/index.ts';
import { KnowledgeError } from '../../../knowledge/errors.ts';

// The real TF-IDF logistic regression, trained on a tiny two-topic set.
const EXAMPLES: LabelledText[] = [
  ...[
    'my card has not arrived',
    'where is my new card',
    'card still not delivered',
    'when will my card come',
  ].map((text) => ({ text, label: 'card_arrival' })),
  ...['my pin is blocked', 'i forgot my pin', 'how do i unblock my pin', 'pin locked after three tries'].map(
    (text) => ({ text, label: 'pin_blocked' }),
  ),
];
const SMALL = { buckets: 4096, epochs: 20 };

let folder: string;
let model: TextClassifier;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'linear-text-'));
  model = await trainLinearTextClassifier(EXAMPLES, SMALL);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('trainLinearTextClassifier', () => {
  it('learns both labels, including unseen wordings and typos', () => {
    expect([...model.labels]).toEqual(['card_arrival', 'pin_blocked']);
    expect(model.predict('has my card been delivered yet', 1)[0]?.label).toBe('card_arrival');
    expect(model.predict('my pinn got blocked', 1)[0]?.label).toBe('pin_blocked');
  });

  it('returns a probability distribution over every label, most likely first', () => {
    const scores = model.predict('where is my card', 2);
    expect(scores.map((score) => score.label)).toEqual(['card_arrival', 'pin_blocked']);
    expect((scores[0]?.probability ?? 0) + (scores[1]?.probability ?? 0)).toBeCloseTo(1, 5);
  });

  it('is deterministic for a seed', async () => {
    const again = await trainLinearTextClassifier(EXAMPLES, SMALL);
    expect(again.predict('i forgot my pin', 2)).toEqual(model.predict('i forgot my pin', 2));
  });

  it('saves and loads the same model', async () => {
    const file = path.join(folder, 'model.bin');
    await model.save(file);
    const loaded = await loadLinearTextClassifier(file);
    expect([...loaded.labels]).toEqual([...model.labels]);
    expect(loaded.predict('card not here', 2)).toEqual(model.predict('card not here', 2));
  });

  it('rejects a single label, an empty text and a file that is not a model, saying which', async () => {
    await expect(trainLinearTextClassifier([{ text: 'hello', label: 'a' }], SMALL)).rejects.toThrow(
      /at least two labels/,
    );
    await expect(
      trainLinearTextClassifier([...EXAMPLES, { text: '   ', label: 'pin_blocked' }], SMALL),
    ).rejects.toThrow(/training example 9: text is empty/);
    const junk = path.join(folder, 'junk.bin');
    await writeFile(junk, 'not a model');
    await expect(loadLinearTextClassifier(junk)).rejects.toBeInstanceOf(KnowledgeError);
    await expect(loadLinearTextClassifier(path.join(folder, 'missing.bin'))).rejects.toThrow(/cannot read/);
  });
});

describe('hashedTextFeatures', () => {
  it('counts words, bigrams and character n-grams in sorted, unique buckets', () => {
    const features = hashedTextFeatures('Pin pin', 1 << 20);
    // "pin" twice: 1 word + 1 bigram ("pin pin") + 14 character n-grams of "<pin>" (4+3+2+1... of sizes 2–5).
    expect(features.indices).toEqual([...features.indices].sort((first, second) => first - second));
    expect(new Set(features.indices).size).toBe(features.indices.length);
    expect(features.values.reduce((sum, value) => sum + value, 0)).toBe(2 * (1 + 4 + 3 + 2 + 1) + 1);
  });
});
