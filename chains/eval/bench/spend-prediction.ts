import { type DatasetTables, splitByTime } from '../../../knowledge/preprocess/index.ts';
import { SPEND_CATEGORIES, type SpendCategory } from '../../../knowledge/schemas.ts';
import { createRandom } from '../../../knowledge/seeded-random.ts';
import { monthlySpend } from './monthly-spend.ts';
import { sampleIndices } from './sample-indices.ts';
import { forecastSpend, type SpendForestOptions } from './spend-forest.ts';

/** The model behind forecastSpend, as reports should name it. */
export const SPEND_MODEL = 'XGBoost median (zero-spend probability + log-spend quantile)';

/** Options of the spend-prediction benchmark. */
export interface SpendPredictionOptions extends Omit<SpendForestOptions, 'customers'> {
  /** Customers whose 15 categories are predicted and scored, sampled with the seed (default 5000; all when fewer). */
  evaluationCustomers?: number;
}

/** Mean absolute error, in dollars a month, of each predictor on one category. */
export interface CategorySpendResult {
  category: SpendCategory;
  pairs: number;
  /** The spend model's MAE: gradient-boosted trees now, under the name saved runs have always used. */
  randomForest: number;
  customerMean: number;
  globalMean: number;
}

/** The spend model against the two mean baselines, on customer × category pairs after the cut-off. */
export interface SpendPredictionResult {
  /** What produced the `randomForest` figures; absent in runs saved before the model changed. */
  model?: string;
  cutoff: string;
  seed: number;
  historyMonths: number;
  horizonMonths: number;
  /** Customer × category pairs the models learnt from (all from before the cut-off). */
  trainingPairs: number;
  /** Customer × category pairs scored (n). */
  pairs: number;
  customersEvaluated: number;
  mae: { randomForest: number; customerMean: number; globalMean: number };
  /** (baseline MAE − model MAE) / baseline MAE × 100. */
  improvementPercent: { vsCustomerMean: number; vsGlobalMean: number };
  categories: CategorySpendResult[];
  seconds: number;
}

/**
 * Scores forecastSpend against what customers spent after the cut-off, beside two baselines: each
 * customer's own mean monthly spend in the category before the cut-off, and the category's mean
 * over all customers. Error is the mean absolute error in dollars a month over customer × category pairs.
 * @example evaluateSpendPrediction(dataset, { seed: 42 }).improvementPercent.vsCustomerMean
 */
export function evaluateSpendPrediction(
  dataset: DatasetTables,
  options: SpendPredictionOptions = {},
): SpendPredictionResult {
  const started = performance.now();
  const seed = options.seed ?? 42;
  const { evaluationCustomers, ...modelOptions } = options;
  const customers = sampleIndices(
    dataset.customers.length,
    evaluationCustomers ?? 5000,
    createRandom(seed),
  ).sort((left, right) => left - right);
  const forecast = forecastSpend(dataset, { ...modelOptions, customers });
  const { cutoff, horizonMonths } = forecast;
  const future = monthlySpend(
    dataset.customers.map((customer) => customer.customer_id),
    splitByTime(dataset, cutoff).test.transactions,
    cutoff,
  );
  if (future.endPeriod < horizonMonths) {
    throw new RangeError(
      `The data covers ${future.endPeriod} month(s) after the cut-off ${cutoff}; a ${horizonMonths}-month horizon needs more`,
    );
  }

  const totals = { randomForest: 0, customerMean: 0, globalMean: 0 };
  const categories = SPEND_CATEGORIES.map((category, categoryIndex): CategorySpendResult => {
    const errors = { randomForest: 0, customerMean: 0, globalMean: 0 };
    const globalMean = forecast.globalMean[categoryIndex] ?? 0;
    customers.forEach((index, position) => {
      const actual = future.meanSpend(index, categoryIndex, 0, horizonMonths);
      errors.randomForest += Math.abs((forecast.forest[categoryIndex]?.[position] ?? 0) - actual);
      errors.customerMean += Math.abs((forecast.customerMean[categoryIndex]?.[position] ?? 0) - actual);
      errors.globalMean += Math.abs(globalMean - actual);
    });
    totals.randomForest += errors.randomForest;
    totals.customerMean += errors.customerMean;
    totals.globalMean += errors.globalMean;
    const pairs = Math.max(1, customers.length);
    return {
      category,
      pairs: customers.length,
      randomForest: errors.randomForest / pairs,
      customerMean: errors.customerMean / pairs,
      globalMean: errors.globalMean / pairs,
    };
  });

  const pairs = customers.length * SPEND_CATEGORIES.length;
  const mae = {
    randomForest: totals.randomForest / Math.max(1, pairs),
    customerMean: totals.customerMean / Math.max(1, pairs),
    globalMean: totals.globalMean / Math.max(1, pairs),
  };
  const improvement = (baseline: number) =>
    baseline > 0 ? ((baseline - mae.randomForest) / baseline) * 100 : 0;
  return {
    model: SPEND_MODEL,
    cutoff,
    seed,
    historyMonths: forecast.historyMonths,
    horizonMonths,
    trainingPairs: forecast.trainingPairs,
    pairs,
    customersEvaluated: customers.length,
    mae,
    improvementPercent: {
      vsCustomerMean: improvement(mae.customerMean),
      vsGlobalMean: improvement(mae.globalMean),
    },
    categories,
    seconds: (performance.now() - started) / 1000,
  };
}
