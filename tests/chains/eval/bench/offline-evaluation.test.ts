import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRecommenders, type RankingEvaluation } from '../../../../chains/eval/bench/index.ts';
import { generatedDataset } from './bench-fixtures.ts';

let evaluation: RankingEvaluation;
let cleanup: () => Promise<void> = async () => {};

beforeAll(async () => {
  const generated = await generatedDataset(1500, 11);
  cleanup = generated.cleanup;
  evaluation = await evaluateRecommenders(generated.dataset, { seed: 42 });
});
afterAll(() => cleanup());

function result(method: string) {
  const found = evaluation.methods.find((entry) => entry.method === method);
  if (found === undefined) throw new Error(`no result for ${method}`);
  return found;
}

describe('evaluateRecommenders on 1500 generated customers', () => {
  it('scores every method on the same customers who adopted something new after the cut-off', () => {
    expect(evaluation.customers).toBe(1500);
    expect(evaluation.usersEvaluated).toBeGreaterThan(300);
    expect(evaluation.relevantAdoptions).toBeGreaterThanOrEqual(evaluation.usersEvaluated);
    for (const method of evaluation.methods) expect(method.usersEvaluated).toBe(evaluation.usersEvaluated);
    expect(evaluation.methods.map((method) => method.method)).toEqual([
      'ours',
      'popularity',
      'collaborative-als',
      'content-lsa',
      'random',
    ]);
  });

  it('ours recommends no product that fails a suitability rule; the baselines do', () => {
    const ours = result('ours');
    expect(ours.suitabilityViolationShare).toBe(0);
    expect(Object.values(ours.violationsByRule).every((count) => count === 0)).toBe(true);
    expect(ours.recommendedItems).toBeGreaterThan(0);
    expect(result('random').suitabilityViolationShare).toBeGreaterThan(0.1);
    // baselines leave held products out, so they never break that rule
    expect(result('popularity').violationsByRule.already_held).toBe(0);
  });

  it('ours beats random and popularity on NDCG@5', () => {
    expect(result('ours').ndcgAt5).toBeGreaterThan(result('random').ndcgAt5);
    expect(result('ours').ndcgAt5).toBeGreaterThan(result('popularity').ndcgAt5);
  });

  it('keeps every figure a share', () => {
    for (const method of evaluation.methods) {
      for (const value of [
        method.precisionAt3,
        method.recallAt5,
        method.ndcgAt5,
        method.mapAt7,
        method.coverage,
      ]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });
});
