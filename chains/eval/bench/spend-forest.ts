import { SPLIT_DATE } from '../../../knowledge/generate/index.ts';
import { type DatasetTables, splitByTime } from '../../../knowledge/preprocess/index.ts';
import { type Customer, SPEND_CATEGORIES } from '../../../knowledge/schemas.ts';
import { createRandom, deriveSeed } from '../../../knowledge/seeded-random.ts';
import { predictWithBoostedTrees } from './boosted-trees.ts';
import { type MonthlySpend, monthlySpend } from './monthly-spend.ts';
import { sampleIndices } from './sample-indices.ts';
import { type FeatureWindow, interestLift, spendFeatures } from './spend-features.ts';

/** How the spend models are trained and what they predict. */
export interface SpendForestOptions {
  /** YYYY-MM-DD cut-off (default SPLIT_DATE). */
  cutoff?: string;
  /** Seeds the training sample and XGBoost's subsampling (default 42). */
  seed?: number;
  /** Months after the cut-off whose mean monthly spend is predicted (default 6). */
  horizonMonths?: number;
  /**
   * Customers sampled for each category's backtest (default 10,000; all when fewer): three quarters
   * train the two models, the rest measure how far the outcome strays from the prediction.
   */
  trainingCustomers?: number;
  /** Boosting rounds of each model (default 30, chosen on the pre-cut-off validation window). */
  boostingRounds?: number;
  /** Indices (dataset customer order) of the customers to predict for (default all). */
  customers?: readonly number[];
}

/** Predicted mean monthly spend per category, with the two mean baselines, built from pre-cut-off data only. */
export interface SpendForecast {
  cutoff: string;
  historyMonths: number;
  horizonMonths: number;
  /** Customer × category pairs of the backtest the models learnt from (fitting and residual quantiles). */
  trainingPairs: number;
  customerIndices: readonly number[];
  /**
   * Per category (SPEND_CATEGORIES order), per customer in customerIndices: the gradient-boosted
   * trees' prediction (named `forest` since the first, random-forest version; the shape is unchanged).
   */
  forest: Float64Array[];
  /** Per category, per customer: their own mean monthly spend before the cut-off. */
  customerMean: Float64Array[];
  /** Per category: the mean over all customers of their own mean. */
  globalMean: number[];
}

/** What every category's models share: the history, the two feature windows and the options. */
interface CategoryPlan {
  customers: readonly Customer[];
  history: MonthlySpend;
  trainWindow: FeatureWindow;
  predictWindow: FeatureWindow;
  evaluated: readonly number[];
  seed: number;
  trainingCustomers: number;
  boostingRounds: number;
}

/**
 * Predicts each customer's mean monthly spend per category over the months after the cut-off,
 * from a dataset split at the cut-off of which only the train side is read.
 *
 * The score is mean absolute error, which the conditional median minimises, not the mean: a
 * customer who booked one $2,000 trip last year most likely books none in the next six months.
 * So each category gets two XGBoost models, trained as a backtest on features from the history
 * before an inner origin (the cut-off minus the horizon) and the spend between that origin and the
 * cut-off: the probability that the customer spends nothing, and the log ratio of their spend,
 * when there is some, to their own past mean. Held-out backtest customers give the spread of the
 * log ratio around its prediction, and the prediction is the median of that mixture: 0 when
 * nothing is more likely than not, else the matching quantile of the positive part. The backtest
 * target is first divided by the category's population-wide change over that window, which is
 * seasonal (December gifts) and says nothing about the months to come.
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
  const customerIndices = options.customers ?? customers.map((_, index) => index);
  const plan: CategoryPlan = {
    customers,
    history,
    trainWindow: windowAt(innerOrigin),
    predictWindow: windowAt(0),
    evaluated: customerIndices,
    seed,
    trainingCustomers: options.trainingCustomers ?? 10_000,
    boostingRounds: options.boostingRounds ?? 30,
  };

  let trainingPairs = 0;
  const forest: Float64Array[] = [];
  const customerMean: Float64Array[] = [];
  const globalMean: number[] = [];
  SPEND_CATEGORIES.forEach((_, category) => {
    const fitted = medianSpend(plan, category);
    trainingPairs += fitted.trainingPairs;
    forest.push(fitted.predictions);
    customerMean.push(
      Float64Array.from(customerIndices, (index) =>
        history.meanSpend(index, category, history.firstPeriod, 0),
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
 * How the positive part's log spend is modelled: directly (bounded by the outcomes seen, so robust
 * when the history at prediction time is longer than the backtest's), or as a log ratio to the
 * customer's own past mean (exact for fixed bills such as rent, but it explodes where a short past
 * mean is near 0). A category takes the ratio only when it halves the direct form's error on
 * held-out backtest customers: on the pre-cut-off validation window the ratio won groceries on
 * held-out customers and then missed badly once the history was longer.
 */
const POSITIVE_FORMS = ['direct', 'ratio'] as const;

/**
 * Trains one category's zero-spend and positive-spend models on the backtest (features before the
 * inner origin, spend from it to the cut-off) and returns each evaluated customer's predicted median.
 */
function medianSpend(
  plan: CategoryPlan,
  category: number,
): { predictions: Float64Array; trainingPairs: number } {
  const { customers, history, trainWindow, predictWindow } = plan;
  const shift = populationChange(history, category, trainWindow);
  const sampled = sampleIndices(
    customers.length,
    plan.trainingCustomers,
    createRandom(deriveSeed(plan.seed, category)),
  );
  const held = sampled.slice(0, Math.floor(sampled.length / 4));
  const fitted = sampled.slice(held.length);
  const outcome = (index: number) => history.meanSpend(index, category, trainWindow.origin, 0) / shift;
  const features = (window: FeatureWindow) => (index: number) =>
    spendFeatures(customers[index] ?? missing(index), index, category, history, window);
  const evaluationRows = plan.evaluated.map(features(predictWindow));
  const fittedRows = fitted.map(features(trainWindow));
  const heldRows = held.map(features(trainWindow));
  const modelSeed = (model: number) => deriveSeed(plan.seed, 1000 * model + category) & 0x7fffffff;

  const zeros = fitted.map((index) => (outcome(index) > 0 ? 0 : 1));
  const zeroShare = zeros.reduce((sum: number, zero) => sum + zero, 0) / Math.max(1, zeros.length);
  // Without both outcomes among the fitted customers there is nothing to classify: the share is the answer.
  const [zeroNow, zeroHeld] =
    zeroShare > 0 && zeroShare < 1
      ? predictWithBoostedTrees(
          {
            objective: 'binary:logistic',
            rows: fittedRows,
            targets: zeros,
            seed: modelSeed(1),
            rounds: plan.boostingRounds,
          },
          [evaluationRows, heldRows],
        )
      : [evaluationRows, heldRows].map((rows) => new Float64Array(rows.length).fill(zeroShare));
  const spenders = fitted.flatMap((index, position) => (outcome(index) > 0 ? [position] : []));
  if (spenders.length === 0 || zeroNow === undefined || zeroHeld === undefined) {
    return { predictions: new Float64Array(evaluationRows.length), trainingPairs: sampled.length };
  }

  // The models must beat persistence (the customer's own past mean) on held-out customers to be used:
  // fixed bills repeat exactly, and no tree reproduces an amount to the cent.
  const pastMean = (window: FeatureWindow, index: number) =>
    history.meanSpend(index, category, window.from, window.origin);
  let best = {
    heldError: held.reduce((sum, index) => sum + Math.abs(pastMean(trainWindow, index) - outcome(index)), 0),
    predictions: Float64Array.from(plan.evaluated, (index) => pastMean(predictWindow, index)),
  };
  for (const form of POSITIVE_FORMS) {
    const base = (window: FeatureWindow, index: number) =>
      form === 'ratio' ? Math.log1p(pastMean(window, index)) : 0;
    const [positiveNow, positiveHeld] = predictWithBoostedTrees(
      {
        objective: 'reg:linear',
        rows: spenders.map((position) => fittedRows[position] ?? []),
        targets: spenders.map((position) => {
          const index = fitted[position] ?? missing(position);
          return Math.log(outcome(index)) - base(trainWindow, index);
        }),
        seed: modelSeed(2),
        rounds: plan.boostingRounds,
      },
      [evaluationRows, heldRows],
    );
    const logSpend = (window: FeatureWindow, index: number, predicted: number) =>
      base(window, index) + predicted;
    const residuals = Float64Array.from(
      held.flatMap((index, position) =>
        outcome(index) > 0
          ? [Math.log(outcome(index)) - logSpend(trainWindow, index, positiveHeld?.[position] ?? 0)]
          : [],
      ),
    ).sort();
    // The median of "nothing with probability z, else the positive part" is the positive part's (0.5 − z) / (1 − z) quantile.
    const median = (zero: number, logPositive: number) => {
      const level = (0.5 - Math.min(0.999, zero)) / (1 - Math.min(0.999, zero));
      return level <= 0 ? 0 : Math.exp(logPositive + quantile(residuals, level));
    };
    let heldError = 0;
    held.forEach((index, position) => {
      const predicted = median(
        zeroHeld[position] ?? zeroShare,
        logSpend(trainWindow, index, positiveHeld?.[position] ?? 0),
      );
      heldError += Math.abs(predicted - outcome(index));
    });
    if (heldError < best.heldError * (form === 'ratio' ? 0.5 : 1)) {
      best = {
        heldError,
        predictions: Float64Array.from(plan.evaluated, (index, position) =>
          median(
            zeroNow[position] ?? zeroShare,
            logSpend(predictWindow, index, positiveNow?.[position] ?? 0),
          ),
        ),
      };
    }
  }
  return { predictions: best.predictions, trainingPairs: sampled.length };
}

/** The `level` quantile of ascending `sorted` values (0 when there are none). */
function quantile(sorted: Float64Array, level: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(level * sorted.length))] ?? 0;
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
