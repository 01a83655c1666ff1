import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BenchRun,
  FeedbackSimulation,
  regenerateHiddenNeeds,
  renderBenchReport,
  runBench,
  simulateFeedback,
} from '../../../../chains/eval/bench/index.ts';
import type { Dataset } from '../../../../knowledge/preprocess/index.ts';
import { generatedDataset } from './bench-fixtures.ts';

const GENERATOR_SEED = 7;

describe('feedback simulation on 300 generated customers', () => {
  let dataset: Dataset;
  let directory: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dataset, directory, cleanup } = await generatedDataset(300, GENERATOR_SEED));
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it('re-derives hidden needs only from the seed the data was generated with', () => {
    expect(regenerateHiddenNeeds(dataset.customers, GENERATOR_SEED)?.size).toBe(300);
    expect(regenerateHiddenNeeds(dataset.customers, GENERATOR_SEED + 1)).toBeNull();
  });

  it('learns from feedback: NDCG@5 rises above the flat no-feedback curve by the last round', async () => {
    const simulation = await simulateFeedback(dataset, {
      customers: 300,
      rounds: 4,
      generatorSeed: GENERATOR_SEED,
      lsaDimensions: 32,
    });
    expect(FeedbackSimulation.parse(simulation)).toEqual(simulation);
    expect(simulation.truthSource).toBe('hidden-needs');
    expect(simulation.rounds.map((round) => round.round)).toEqual([1, 2, 3, 4]);
    const [first, , , last] = simulation.rounds;
    if (first === undefined || last === undefined) throw new Error('expected 4 rounds');
    // Nothing has been learned or shown before round 1, so both arms rank identically.
    expect(first.ndcgWithFeedback).toBe(first.ndcgWithoutFeedback);
    expect(first.movedByFeedbackShare).toBe(0);
    expect(first.exploredShare).toBe(0);
    expect(simulation.rounds.map((round) => round.ndcgWithoutFeedback)).toEqual(
      Array(4).fill(first.ndcgWithoutFeedback),
    );
    expect(last.ndcgWithFeedback).toBeGreaterThan(last.ndcgWithoutFeedback);
    expect(last.acceptanceWithFeedback).toBeGreaterThan(last.acceptanceWithoutFeedback);
  });

  it('falls back to held-out adoptions as the truth when the needs cannot be re-derived', async () => {
    const simulation = await simulateFeedback(dataset, {
      customers: 50,
      rounds: 1,
      generatorSeed: GENERATOR_SEED + 1,
      lsaDimensions: 32,
    });
    expect(simulation.truthSource).toBe('held-out-adoptions');
    expect(simulation.rounds).toHaveLength(1);
  });

  it('is saved with a bench run (timed, rendered), and runs saved before it still parse', async () => {
    const run = await runBench(directory, {
      feedbackSimulation: { customers: 40, rounds: 2, generatorSeed: GENERATOR_SEED, lsaDimensions: 32 },
    });
    expect(run.feedbackSimulation?.truthSource).toBe('hidden-needs');
    expect(run.feedbackSimulation?.customers).toBe(40);
    expect(run.stageSeconds.feedbackSimulation).toBeGreaterThan(0);
    expect(BenchRun.parse(JSON.parse(JSON.stringify(run)))).toEqual(run);
    const last = run.feedbackSimulation?.rounds[1];
    expect(renderBenchReport(run)).toContain(
      `NDCG@5 round 1 … round 2: with feedback ${run.feedbackSimulation?.rounds[0]?.ndcgWithFeedback.toFixed(3)} … ` +
        `${last?.ndcgWithFeedback.toFixed(3)} / without`,
    );

    const { feedbackSimulation: _simulation, ...older } = run;
    const { feedbackSimulation: _seconds, ...stageSeconds } = older.stageSeconds;
    expect(BenchRun.parse({ ...older, stageSeconds })).toEqual({ ...older, stageSeconds });
    expect(renderBenchReport({ ...older, stageSeconds })).not.toContain('Feedback simulation');
  });

  it('rejects options it cannot simulate', async () => {
    await expect(simulateFeedback(dataset, { rounds: 0, acceptProbability: 2 })).rejects.toThrow(
      'simulateFeedback: rounds must be a whole number ≥ 1, got 0; acceptProbability must be in [0, 1], got 2',
    );
  });
});
