import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  evaluateSpendPrediction,
  forecastSpend,
  SPEND_MODEL,
  type SpendForecast,
  type SpendPredictionResult,
} from '../../../../chains/eval/bench/index.ts';
import { monthlySpend, monthPeriod } from '../../../../chains/eval/bench/monthly-spend.ts';
import { SPEND_CATEGORIES } from '../../../../knowledge/schemas.ts';
import { generatedDataset } from './bench-fixtures.ts';

describe('monthly spend periods', () => {
  it('counts months from the cut-off day', () => {
    expect(monthPeriod('2026-01-01', '2026-01-01')).toBe(0);
    expect(monthPeriod('2025-12-31', '2026-01-01')).toBe(-1);
    expect(monthPeriod('2025-01-01', '2026-01-01')).toBe(-12);
    expect(monthPeriod('2026-06-30', '2026-01-01')).toBe(5);
    // mid-month cut-off: 14 March is still in the period that began on 15 February
    expect(monthPeriod('2026-03-14', '2026-01-15')).toBe(1);
    expect(monthPeriod('2026-03-15', '2026-01-15')).toBe(2);
  });

  it('averages per month with empty months counted as 0', () => {
    const cube = monthlySpend(
      ['C-0001'],
      [
        {
          transaction_id: 'T-1',
          customer_id: 'C-0001',
          date: '2025-10-03',
          amount: 30,
          category: 'dining',
          merchant: 'a',
        },
        {
          transaction_id: 'T-2',
          customer_id: 'C-0001',
          date: '2025-12-09',
          amount: 60,
          category: 'dining',
          merchant: 'b',
        },
        {
          transaction_id: 'T-3',
          customer_id: 'C-0001',
          date: '2025-12-20',
          amount: 15,
          category: 'dining',
          merchant: 'c',
        },
      ],
      '2026-01-01',
    );
    const dining = SPEND_CATEGORIES.indexOf('dining');
    expect(cube.firstPeriod).toBe(-3);
    // October 30, November 0, December 75 → (30 + 0 + 75) / 3 = 35
    expect(cube.meanSpend(0, dining, -3, 0)).toBe(35);
    expect(cube.meanPurchases(0, dining, -3, 0)).toBe(1);
    expect(cube.activeMonths(0, dining, -3, 0)).toBe(2);
  });
});

describe('evaluateSpendPrediction on 1500 generated customers', () => {
  let result: SpendPredictionResult;
  let forecast: SpendForecast;
  let cleanup: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const generated = await generatedDataset(1500, 13);
    cleanup = generated.cleanup;
    result = evaluateSpendPrediction(generated.dataset, { seed: 42 });
    forecast = forecastSpend(generated.dataset, { seed: 42 });
  });
  afterAll(() => cleanup());

  it('scores every customer and category over the six months after the cut-off', () => {
    expect(result.model).toBe(SPEND_MODEL);
    expect(result.historyMonths).toBe(12);
    expect(result.horizonMonths).toBe(6);
    expect(result.customersEvaluated).toBe(1500);
    expect(result.pairs).toBe(1500 * SPEND_CATEGORIES.length);
    // every customer is in each category's backtest: three quarters fit the models, a quarter is held out
    expect(result.trainingPairs).toBe(1500 * SPEND_CATEGORIES.length);
    expect(result.categories.map((category) => category.category)).toEqual([...SPEND_CATEGORIES]);
  });

  it('the boosted trees beat both mean baselines on MAE, by the issue goal of 20% over the customer mean', () => {
    expect(result.mae.randomForest).toBeLessThan(result.mae.customerMean);
    expect(result.mae.randomForest).toBeLessThan(result.mae.globalMean);
    expect(result.improvementPercent.vsCustomerMean).toBeCloseTo(
      ((result.mae.customerMean - result.mae.randomForest) / result.mae.customerMean) * 100,
      9,
    );
    // Recorded on this data (seed 13, 1500 customers): MAE 18.07 against 23.21 for the customer mean (22.2% better).
    expect(result.mae.customerMean).toBeCloseTo(23.21, 2);
    expect(result.mae.randomForest).toBeCloseTo(18.07, 1);
    expect(result.improvementPercent.vsCustomerMean).toBeGreaterThan(20);
  });

  it('predicts the median: no travel for most customers who travelled before, since none is the likeliest outcome', () => {
    const travel = SPEND_CATEGORIES.indexOf('travel');
    const predicted = forecast.forest[travel] ?? new Float64Array(0);
    const past = forecast.customerMean[travel] ?? new Float64Array(0);
    const travelledBefore = past.filter((mean) => mean > 0).length;
    const predictedNone = past.filter((mean, position) => mean > 0 && predicted[position] === 0).length;
    expect(travelledBefore).toBeGreaterThan(300);
    expect(predictedNone / travelledBefore).toBeGreaterThan(0.5);
    // Rent and mortgages are the same every month: the prediction stays with the customer's own mean.
    const housing = SPEND_CATEGORIES.indexOf('housing');
    const rent = forecast.customerMean[housing] ?? new Float64Array(0);
    const rentPredicted = forecast.forest[housing] ?? new Float64Array(0);
    const within = rent.filter(
      (mean, position) => Math.abs((rentPredicted[position] ?? 0) - mean) <= 0.05 * mean,
    );
    expect(within.length / rent.length).toBeGreaterThan(0.9);
  });
});
