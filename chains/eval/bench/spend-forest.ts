import { RandomForestRegression } from 'ml-random-forest';
import { SPLIT_DATE } from '../../../knowledge/generate/index.ts';
import { type DatasetTables, splitByTime } from '../../../knowledge/preprocess/index.ts';
import { type Customer, SPEND_CATEGORIES } from '../../../knowledge/schemas.ts';
import { createRandom, deriveSeed } from '../../../knowledge/seeded-random.ts';
import { type MonthlySpend, monthlySpend } from './monthly-spend.ts';
import { sampleIndices } from './sample-indices.ts';
import { type FeatureWindow, interestLift, spendFeatures } from './spend-features.ts';

/** How the spend forests are trained and what they predict. */
export interface SpendForestOptions {
  /** YYYY-MM-DD cut-off (default SPLIT_DATE). */
  cutoff?: string;
  /** Seeds the training samples and the forests (default 42). */
  seed?: number;
  /** Months after the cut-off whose mean monthly spend is predicted (default 6). */
  horizonMonths?: number;
  /** Customers sampled to train each forest (default 300: ml-cart's split search is quadratic in it). */
  trainingCustomersPerForest?: number;
  /**
   * Forests per category, each on its own disjoint sample of customers, averaged (default 3): three
   * forests on 300 customers cost what one does, and see three times the customers.
   */
  forestsPerCategory?: number;
  /** Trees per forest (default 7). */
  treesPerForest?: number;
  /** Indices (dataset customer order) of the customers to predict for (default all). */
  customers?: readonly number[];
}

/** Predicted mean monthly spend per category, with the two mean baselines, built from pre-cut-off data only. */
export interface SpendForecast {
  cutoff: string;
  historyMonths: number;
  horizonMonths: number;
  /** Customer × category pairs the forests were trained on. */
  trainingPairs: number;
  customerIndices: readonly number[];
  /** Per category (SPEND_CATEGORIES order), per customer in customerIndices: the forest's prediction. */
  forest: Float64Array[];
  /** Per category, per customer: their own mean monthly spend before the cut-off. */
  customerMean: Float64Array[];
  /** Per category: the mean over all customers of their own mean. */
  globalMean: number[];
}

/**
 * Predicts each customer's mean monthly spend per category over the months after the cut-off,
 * from a dataset split at the cut-off of which only the train side is read.
 *
 * Each category's forests are trained as a backtest, on features from the history before an inner
 * origin (the cut-off minus the horizon) and the spend between that origin and the cut-off. They
 * predict the log ratio of future spend to the customer's own past mean, so they only learn
 * departures from it (shrinking thin histories, drift, interests); a tree cannot reproduce an
 * identity over a $5–$3,000 range with a few hundred leaves. The backtest target is first divided
 * by the category's population-wide change over that window, which is seasonal (December gifts)
 * and says nothing about the months to come.
 */
export function forecastSpend(dataset: DatasetTables, options: SpendForestOptions = {}): SpendForecast {
  const cutoff = options.cutoff ?? SPLIT_DATE;
  const seed = options.seed ?? 42;
  const horizonMonths = options.horizonMonths ?? 6;
  const { train } = splitByTime(dataset, cutoff);
  const customers = train.customers;
  const history = monthlySpend(
    customers.map((customer) => customer.customer_id),
    train.transactions,
    cutoff,
  );
  const historyMonths = -history.firstPeriod;
  if (historyMonths < 4 || !Number.isInteger(horizonMonths) || horizonMonths < 1) {
    throw new RangeError(
      `Spend prediction needs ≥ 4 months of spending before the cut-off and a horizon of ≥ 1 month; ` +
        `got ${historyMonths} and ${horizonMonths}`,
    );
  }
  // The backtest keeps at least 3 months of history before its inner origin.
  const innerOrigin = -Math.min(horizonMonths, historyMonths - 3);
  const windowAt = (origin: number): FeatureWindow => ({
    from: history.firstPeriod,
    origin,
    interestLift: interestLift(customers, history, history.firstPeriod, origin),
  });
  const trainWindow = windowAt(innerOrigin);
  const predictWindow = windowAt(0);
  const customerIndices = options.customers ?? customers.map((_, index) => index);

  let trainingPairs = 0;
  const forest: Float64Array[] = [];
  const customerMean: Float64Array[] = [];
  const globalMean: number[] = [];
  SPEND_CATEGORIES.forEach((_, category) => {
    const fitted = forestLogRatios(customers, history, category, {
      trainWindow,
      predictWindow,
      evaluated: customerIndices,
      seed,
      options,
    });
    trainingPairs += fitted.trainingPairs;
    const own = Float64Array.from(customerIndices, (index) =>
      history.meanSpend(index, category, history.firstPeriod, 0),
    );
    customerMean.push(own);
    forest.push(
      Float64Array.from(own, (mean, position) =>
        Math.max(0, Math.expm1(Math.log1p(mean) + (fitted.logRatios[position] ?? 0))),
      ),
    );
    let total = 0;
    for (let index = 0; index < customers.length; index++) {
      total += history.meanSpend(index, category, history.firstPeriod, 0);
    }
    globalMean.push(total / Math.max(1, customers.length));
  });
  return {
    cutoff,
    historyMonths,
    horizonMonths,
    trainingPairs,
    customerIndices,
    forest,
    customerMean,
    globalMean,
  };
}

/**
 * Trains one category's forests on the backtest (features before the inner origin, spend from it
 * to the cut-off) and returns their averaged log-ratio prediction for each evaluated customer.
 */
function forestLogRatios(
  customers: readonly Customer[],
  history: MonthlySpend,
  category: number,
  plan: {
    trainWindow: FeatureWindow;
    predictWindow: FeatureWindow;
    evaluated: readonly number[];
    seed: number;
    options: SpendForestOptions;
  },
): { logRatios: Float64Array; trainingPairs: number } {
  const { trainWindow, options } = plan;
  const perForest = options.trainingCustomersPerForest ?? 300;
  const forests = options.forestsPerCategory ?? 3;
  const shift = populationChange(history, category, trainWindow);
  const drawn = sampleIndices(
    customers.length,
    perForest * forests,
    createRandom(deriveSeed(plan.seed, category)),
  );
  const features = (window: FeatureWindow) => (index: number) =>
    spendFeatures(customers[index] ?? missing(index), index, category, history, window);
  const evaluationFeatures = plan.evaluated.map(features(plan.predictWindow));
  const logRatios = new Float64Array(plan.evaluated.length);
  // Only full samples make a forest (a small dataset gets one forest on all it has), so none is trained on a handful.
  const forestCount = Math.max(1, Math.min(forests, Math.floor(drawn.length / perForest)));
  let trained = 0;
  for (let forestIndex = 0; forestIndex < forestCount; forestIndex++) {
    const sampled = drawn.slice(forestIndex * perForest, (forestIndex + 1) * perForest);
    const targets = sampled.map((index) => {
      const past = history.meanSpend(index, category, trainWindow.from, trainWindow.origin);
      const next = history.meanSpend(index, category, trainWindow.origin, 0) / shift;
      return Math.log1p(next) - Math.log1p(past);
    });
    const forest = new RandomForestRegression({
      nEstimators: options.treesPerForest ?? 7,
      maxFeatures: 0.7,
      seed: deriveSeed(plan.seed, 1000 * (forestIndex + 1) + category) & 0x7fffffff,
      noOOB: true,
      selectionMethod: 'median',
      treeOptions: { maxDepth: 8, minNumSamples: 8 },
    });
    forest.train(sampled.map(features(trainWindow)), targets);
    forest.predict(evaluationFeatures).forEach((value, position) => {
      logRatios[position] = (logRatios[position] ?? 0) + value / forestCount;
    });
    trained += sampled.length;
  }
  return { logRatios, trainingPairs: trained };
}

/** All customers' spend in a category from `window.origin` to the cut-off over their spend before it. */
function populationChange(history: MonthlySpend, category: number, window: FeatureWindow): number {
  let before = 0;
  let after = 0;
  for (let index = 0; index < history.customerCount; index++) {
    before += history.meanSpend(index, category, window.from, window.origin);
    after += history.meanSpend(index, category, window.origin, 0);
  }
  return before > 0 && after > 0 ? after / before : 1;
}

function missing(index: number): never {
  throw new RangeError(`No customer at index ${index}`);
}
