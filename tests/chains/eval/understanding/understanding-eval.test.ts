import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainError } from '../../../../chains/chain-error.ts';
import {
  evaluateIntents,
  loadLatestUnderstandingRun,
  readQuestionFile,
  saveUnderstandingRun,
  understandingSummaryLine,
} from '../../../../chains/eval/understanding/index.ts';
import {
  type SafetyEvaluation,
  savedSafetyFigures,
} from '../../../../chains/eval/understanding/safety-evaluation.ts';
import type { IntentModel } from '../../../../chains/understand/index.ts';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'understanding-eval-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('readQuestionFile', () => {
  it('reads text with an optional expected intent, skipping a header', async () => {
    const file = path.join(folder, 'questions.csv');
    await writeFile(file, 'text,expected_intent\nWhere is my card?,card_arrival\n"Hello, anyone?"\n');
    expect(await readQuestionFile(file)).toEqual([
      { text: 'Where is my card?', expectedIntent: 'card_arrival', line: 2 },
      { text: 'Hello, anyone?', expectedIntent: null, line: 3 },
    ]);
  });

  it('names the file, line and field of an unknown intent, and of too many columns', async () => {
    const unknown = path.join(folder, 'unknown.csv');
    await writeFile(unknown, 'Where is my card?,card_arival\n');
    await expect(readQuestionFile(unknown)).rejects.toThrow(
      `${unknown}:1 expected_intent: "card_arival" is not an intent of the taxonomy`,
    );
    const wide = path.join(folder, 'wide.csv');
    await writeFile(wide, 'a,card_arrival,extra\n');
    await expect(readQuestionFile(wide)).rejects.toThrow(/wide\.csv:1: expected at most 2 columns/);
    await expect(readQuestionFile(path.join(folder, 'absent.csv'))).rejects.toBeInstanceOf(ChainError);
  });
});

describe('evaluateIntents (scripted model)', () => {
  const model: IntentModel = {
    labels: [],
    fingerprint: 'scripted',
    calibration: { clarifyBelow: 0.5, outOfScopeBelow: 0.2, confidentAccuracy: 1, coverage: 1 },
    predict: (text) => {
      const [intent = '', confidence = '0'] = text.split(':');
      return [{ intent, confidence: Number(confidence) }];
    },
  };
  const example = (text: string, intent: string, source = 'b77') => ({ text, intent, source });

  it('counts low-confidence guesses as out of scope and reports Banking77 accuracy separately', () => {
    const evaluation = evaluateIntents(
      model,
      [
        example('card_arrival:0.9', 'card_arrival'), // right, confident
        example('card_arrival:0.4', 'card_delivery_estimate'), // wrong, would clarify
        example('exchange_rate:0.1', 'out_of_scope', 'own'), // below the floor: out of scope (right)
        example('out_of_scope:0.8', 'out_of_scope', 'own'), // predicted out of scope (right)
        example('out_of_scope:0.7', 'change_pin'), // predicted out of scope (wrong)
      ],
      (item) => item.source === 'b77',
    );
    expect(evaluation.examples).toBe(5);
    expect(evaluation.accuracy).toBeCloseTo(2 / 5, 10); // raw top-1: card_arrival and out_of_scope:0.8
    expect(evaluation.banking77Accuracy).toBeCloseTo(1 / 3, 10);
    expect(evaluation.outOfScope).toEqual({ precision: 2 / 3, recall: 1, support: 2 });
    expect(evaluation.coverage).toBeCloseTo(1 / 5, 10);
    expect(evaluation.confidentAccuracy).toBe(1);
  });
});

describe('saved understanding runs', () => {
  it('saves beside the bench runs and loads the newest back', async () => {
    const evaluation = {
      examples: 1,
      accuracy: 1,
      banking77Accuracy: null,
      banking77Examples: 0,
      macroF1: 1,
      confusedPairs: [],
      outOfScope: { precision: 0, recall: 0, support: 0 },
      coverage: 1,
      confidentAccuracy: 1,
      predictionMs: 0.05,
    };
    const run = (timestamp: string) => ({
      timestamp,
      fingerprint: 'x',
      validation: evaluation,
      questions: null,
    });
    expect(await loadLatestUnderstandingRun(folder)).toBeUndefined();
    await saveUnderstandingRun(run('2026-12-01T10:00:00.000Z'), folder);
    const newest = await saveUnderstandingRun(run('2026-12-02T10:00:00.000Z'), folder);
    expect(path.basename(newest)).toBe('understanding-2026-12-02T10-00-00-000Z.json');
    expect((await loadLatestUnderstandingRun(folder))?.timestamp).toBe('2026-12-02T10:00:00.000Z');
  });

  it('keeps the multi-seed figures and shows their Banking77 mean in the summary line', async () => {
    const figures = { accuracy: 0.9, macroF1: 0.89, outOfScopePrecision: 0.92, outOfScopeRecall: 0.91 };
    const seeds = {
      seeds: [
        { seed: 12, banking77Accuracy: 0.9, ...figures },
        { seed: 13, banking77Accuracy: 0.92, ...figures },
      ],
      mean: { banking77Accuracy: 0.91, ...figures },
    };
    await saveUnderstandingRun(
      {
        timestamp: '2026-12-03T10:00:00.000Z',
        fingerprint: 'x',
        validation: { ...evaluationWith(0.885) },
        questions: null,
        seeds,
      },
      folder,
    );
    const latest = await loadLatestUnderstandingRun(folder);
    expect(latest?.seeds).toEqual(seeds);
    expect(latest && understandingSummaryLine(latest)).toBe(
      'Understanding (2026-12-03): Banking77 accuracy 88.5%, mean over 2 split seeds 91.0%, all intents 88.5%, ' +
        'macro-F1 88.5%, out of scope precision 90.0% / recall 90.0%',
    );
  });
});

describe('safety figures of a saved run', () => {
  const rates = (
    recall: number | null,
    falseAlarmRate: number | null,
    injections: number,
    benign: number,
  ) => ({
    recall,
    falseAlarmRate,
    injections,
    benign,
  });
  const evaluation: SafetyEvaluation = {
    injection: {
      source: 'split',
      rulesOnly: { ...rates(0.2, 0, 10, 20), byLanguage: {} },
      detector: { ...rates(0.9, 0.05, 10, 20), byLanguage: { de: rates(1, 0, 4, 6) } },
      detectorId: 'rules+classifier:abc',
      postScreen: { ...rates(0.8, 0, 10, 20), byLanguage: {} },
      postScreenId: 'rules+classifier:abc@posts',
    },
    promissory: {
      source: 'suite split',
      patternsOnly: { recall: 0.9, falseRejectionRate: 0, promissory: 10, compliant: 12, check: 'patterns' },
      withClassifier: {
        recall: 1,
        falseRejectionRate: 1 / 12,
        promissory: 10,
        compliant: 12,
        check: 'patterns+classifier:def',
      },
    },
  };

  it('keeps the detector in use and the promissory check with its classifier, and loads them back', async () => {
    const safety = savedSafetyFigures(evaluation);
    expect(safety).toEqual({
      injection: {
        detector: 'rules+classifier:abc',
        source: 'split',
        ...rates(0.9, 0.05, 10, 20),
        byLanguage: { de: rates(1, 0, 4, 6) },
      },
      promissory: {
        check: 'patterns+classifier:def',
        source: 'suite split',
        recall: 1,
        falseRejectionRate: 1 / 12,
        promissory: 10,
        compliant: 12,
      },
    });
    const directory = path.join(folder, 'with-safety');
    await saveUnderstandingRun(
      {
        timestamp: '2026-12-03T10:00:00.000Z',
        fingerprint: 'y',
        validation: {
          examples: 2,
          accuracy: 0.5,
          banking77Accuracy: null,
          banking77Examples: 0,
          macroF1: 0.5,
          confusedPairs: [],
          outOfScope: { precision: 1, recall: 1, support: 1 },
          coverage: 1,
          confidentAccuracy: 0.5,
          predictionMs: 0.1,
        },
        questions: null,
        safety,
      },
      directory,
    );
    expect((await loadLatestUnderstandingRun(directory))?.safety).toEqual(safety);
  });
});
function evaluationWith(rate: number) {
  return {
    examples: 10,
    accuracy: rate,
    banking77Accuracy: rate,
    banking77Examples: 8,
    macroF1: rate,
    confusedPairs: [],
    outOfScope: { precision: 0.9, recall: 0.9, support: 2 },
    coverage: 1,
    confidentAccuracy: 1,
    predictionMs: 0.05,
  };
}
