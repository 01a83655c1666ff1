import { describe, expect, it } from 'vitest';
import {
  renderSeedSummary,
  type SeedFigures,
  splitSeeds,
  summariseSeeds,
} from '../../../../chains/eval/understanding/index.ts';

const seed = (
  number: number,
  banking77Accuracy: number | null,
  accuracy: number,
  outOfScopeRecall: number,
): SeedFigures => ({
  seed: number,
  banking77Accuracy,
  accuracy,
  macroF1: accuracy - 0.01,
  outOfScopePrecision: 0.9,
  outOfScopeRecall,
});

describe('split seeds over several validation splits', () => {
  it('evaluates N seeds after the default one, never the default itself', () => {
    expect(splitSeeds(11, 3)).toEqual([12, 13, 14]);
    expect(() => splitSeeds(11, 0)).toThrow('--seeds must be a whole number ≥ 1, got 0');
  });

  it('averages each figure over the seeds (known answer)', () => {
    // Banking77: (0.88 + 0.91 + 0.94) / 3 = 0.91; recall: (0.9 + 0.95 + 1) / 3 = 0.95.
    const summary = summariseSeeds([
      seed(12, 0.88, 0.87, 0.9),
      seed(13, 0.91, 0.9, 0.95),
      seed(14, 0.94, 0.93, 1),
    ]);
    expect(summary.mean.banking77Accuracy).toBeCloseTo(0.91, 10);
    expect(summary.mean.accuracy).toBeCloseTo(0.9, 10);
    expect(summary.mean.macroF1).toBeCloseTo(0.89, 10);
    expect(summary.mean.outOfScopeRecall).toBeCloseTo(0.95, 10);
    expect(summary.seeds.map((figures) => figures.seed)).toEqual([12, 13, 14]);
  });

  it('averages Banking77 accuracy only over the seeds that have Banking77 examples', () => {
    const summary = summariseSeeds([seed(12, 0.8, 0.8, 1), seed(13, null, 0.6, 1)]);
    expect(summary.mean.banking77Accuracy).toBeCloseTo(0.8, 10);
    expect(summariseSeeds([seed(12, null, 0.6, 1)]).mean.banking77Accuracy).toBeNull();
    expect(() => summariseSeeds([])).toThrow(/at least one seed/);
  });

  it('prints one line per seed and the mean', () => {
    const text = renderSeedSummary(summariseSeeds([seed(12, 0.88, 0.87, 0.9), seed(13, 0.92, 0.91, 1)]));
    expect(text.split('\n')).toEqual([
      'Validation splits over 2 split seeds (a model trained per seed)',
      '  seed 12  Banking77 88.0%, all intents 87.0%, macro-F1 86.0%, out of scope precision 90.0% / recall 90.0%',
      '  seed 13  Banking77 92.0%, all intents 91.0%, macro-F1 90.0%, out of scope precision 90.0% / recall 100.0%',
      '  mean     Banking77 90.0%, all intents 89.0%, macro-F1 88.0%, out of scope precision 90.0% / recall 95.0%',
    ]);
  });
});
