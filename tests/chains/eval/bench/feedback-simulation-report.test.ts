import { describe, expect, it } from 'vitest';
import { type FeedbackSimulation, renderFeedbackSimulation } from '../../../../chains/eval/bench/index.ts';

const round = (number: number, withFeedback: number) => ({
  round: number,
  ndcgWithFeedback: withFeedback,
  ndcgWithoutFeedback: 0.5,
  acceptanceWithFeedback: 0.25,
  acceptanceWithoutFeedback: 0.2,
  movedByFeedbackShare: number === 1 ? 0 : 0.4,
  exploredShare: number === 1 ? 0 : 0.05,
});

describe('renderFeedbackSimulation', () => {
  it('prints what was simulated, one row per round and the curve in one line', () => {
    const simulation: FeedbackSimulation = {
      truthSource: 'hidden-needs',
      customers: 1000,
      k: 5,
      acceptProbability: 0.6,
      declineProbability: 0.4,
      seed: 42,
      cutoff: '2026-01-01',
      rounds: [round(1, 0.5), round(2, 0.61234)],
      seconds: 8.04,
    };
    expect(renderFeedbackSimulation(simulation)).toEqual([
      "Feedback simulation — 1000 customers, 2 round(s) of top-5, truth: the generator's hidden needs " +
        '(re-derived from its seed); a wanted product is accepted with p 0.6, another declined with p 0.4; 8.0 s.',
      'round  NDCG@5 with  without  accepted with  without  moved by feedback  explored',
      '    1        0.500    0.500          25.0%    20.0%               0.0%      0.0%',
      '    2        0.612    0.500          25.0%    20.0%              40.0%      5.0%',
      'NDCG@5 round 1 … round 2: with feedback 0.500 … 0.612 / without 0.500 … 0.500',
    ]);
  });
});
