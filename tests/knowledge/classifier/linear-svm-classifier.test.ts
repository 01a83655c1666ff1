import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LabelledText,
  type LinearTextClassifier,
  loadLinearTextClassifier,
  trainLinearSvmClassifier,
} from '../../../knowledge/classifier/index.ts';

// The real one-vs-rest SVM trainer on a tiny three-topic set.
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
  ...[
    'what is the exchange rate',
    'how much is a euro in dollars',
    'rate for pounds today',
    'currency exchange rate',
  ].map((text) => ({ text, label: 'exchange_rate' })),
];
const SMALL = { buckets: 4096 };

let folder: string;
let model: LinearTextClassifier;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'linear-svm-'));
  model = await trainLinearSvmClassifier(EXAMPLES, SMALL);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('trainLinearSvmClassifier', () => {
  it('separates every training example and generalises to new wordings and typos', () => {
    expect([...model.labels]).toEqual(['card_arrival', 'exchange_rate', 'pin_blocked']);
    for (const example of EXAMPLES) expect(model.predict(example.text, 1)[0]?.label).toBe(example.label);
    expect(model.predict('has my card been delivered yet', 1)[0]?.label).toBe('card_arrival');
    expect(model.predict('my pinn got blocked', 1)[0]?.label).toBe('pin_blocked');
    expect(model.predict('euro to dollar rate', 1)[0]?.label).toBe('exchange_rate');
  });

  it('reads its scores at the default temperature 0.2 and at any other without changing the ranking', () => {
    expect(model.temperature).toBe(0.2);
    const sharp = model.predict('where is my card', 3);
    const soft = model.withTemperature(1).predict('where is my card', 3);
    expect(soft.map((score) => score.label)).toEqual(sharp.map((score) => score.label));
    expect(sharp[0]?.probability ?? 0).toBeGreaterThan(soft[0]?.probability ?? 1);
    const total = sharp.reduce((sum, score) => sum + score.probability, 0);
    expect(total).toBeCloseTo(1, 6);
    // softmax(s / 0.2) = softmax(s)^5 renormalised: the ratio of two labels' probabilities is the fifth power.
    const ratioSharp = (sharp[0]?.probability ?? 0) / (sharp[1]?.probability ?? 1);
    const softScores = new Map(soft.map((score) => [score.label, score.probability]));
    const ratioSoft =
      (softScores.get(sharp[0]?.label ?? '') ?? 0) / (softScores.get(sharp[1]?.label ?? '') ?? 1);
    expect(ratioSharp).toBeCloseTo(ratioSoft ** 5, 3);
  });

  it('is deterministic for a seed', async () => {
    const again = await trainLinearSvmClassifier(EXAMPLES, SMALL);
    expect(again.predict('i forgot my pin', 3)).toEqual(model.predict('i forgot my pin', 3));
  });

  it('saves and loads the same model, temperature included', async () => {
    const file = path.join(folder, 'svm.bin');
    const tempered = model.withTemperature(0.35);
    await tempered.save(file);
    const loaded = await loadLinearTextClassifier(file);
    expect(loaded.temperature).toBe(0.35);
    expect(loaded.predict('card not here', 3)).toEqual(tempered.predict('card not here', 3));
  });

  it('rejects a single label, an empty text and a cost that is not positive, saying which', async () => {
    await expect(trainLinearSvmClassifier([{ text: 'hello', label: 'a' }], SMALL)).rejects.toThrow(
      /at least two labels/,
    );
    await expect(
      trainLinearSvmClassifier([...EXAMPLES, { text: '  ', label: 'pin_blocked' }], SMALL),
    ).rejects.toThrow(/training example 13: text is empty/);
    await expect(trainLinearSvmClassifier(EXAMPLES, { ...SMALL, cost: 0 })).rejects.toThrow(
      /cost must be > 0, got 0/,
    );
    expect(() => model.withTemperature(0)).toThrow(/temperature must be > 0/);
  });
});
