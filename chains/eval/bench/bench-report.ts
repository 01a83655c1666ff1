import type { BenchRun } from './bench-run.ts';
import type { RankingMethodResult } from './offline-evaluation.ts';

/** How much better than the best baseline ours should be on NDCG@5. */
export const NDCG_GOAL_RATIO = 1.3;
/** How much lower the forest's spend MAE should be than the customer-mean baseline's, in percent. */
export const SPEND_GOAL_PERCENT = 20;

const fixed = (value: number, digits = 3): string => value.toFixed(digits);
const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;
const signed = (value: number, digits = 3): string =>
  `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(digits)}`;

/** Columns of a plain-text table: first left-aligned, the rest right-aligned. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** The baseline with the highest NDCG@5, and ours over it. */
export function bestBaselineRatio(run: BenchRun): { baseline: string; ratio: number } | null {
  const ours = run.ranking.methods.find((result) => result.method === 'ours');
  const baselines = run.ranking.methods.filter((result) => result.method !== 'ours');
  if (ours === undefined || baselines.length === 0) return null;
  const best = baselines.reduce((left, right) => (right.ndcgAt5 > left.ndcgAt5 ? right : left));
  return {
    baseline: best.method,
    ratio: best.ndcgAt5 > 0 ? ours.ndcgAt5 / best.ndcgAt5 : Number.POSITIVE_INFINITY,
  };
}

function rankingSection(run: BenchRun): string[] {
  const { ranking } = run;
  const rows = ranking.methods.map((result) => [
    result.method,
    fixed(result.ndcgAt5),
    fixed(result.mapAt7),
    fixed(result.precisionAt3),
    fixed(result.recallAt5),
    percent(result.coverage),
    percent(result.suitabilityViolationShare),
  ]);
  const lines = [
    `Ranking — cut-off ${ranking.cutoff}: ${ranking.usersEvaluated} of ${ranking.customers} customers adopted ` +
      `${ranking.relevantAdoptions} new product(s) on or after it. Coverage and violations on top-${ranking.k} lists; ` +
      `ours finds neighbours by ${ranking.neighbourSpace}.`,
    ...table(['method', 'NDCG@5', 'MAP@7', 'P@3', 'R@5', 'coverage', 'violations'], rows),
  ];
  const best = bestBaselineRatio(run);
  if (best !== null) {
    const verdict = best.ratio >= NDCG_GOAL_RATIO ? 'met' : 'NOT met';
    lines.push(
      `Ours vs best baseline (${best.baseline}) on NDCG@5: ${best.ratio.toFixed(2)}× (goal ≥ ${NDCG_GOAL_RATIO.toFixed(2)}×: ${verdict})`,
    );
  }
  return lines;
}

function spendSection(run: BenchRun): string[] {
  const { spend } = run;
  const rows = spend.categories.map((category) => [
    category.category,
    fixed(category.randomForest, 2),
    fixed(category.customerMean, 2),
    fixed(category.globalMean, 2),
  ]);
  rows.push([
    'all',
    fixed(spend.mae.randomForest, 2),
    fixed(spend.mae.customerMean, 2),
    fixed(spend.mae.globalMean, 2),
  ]);
  const verdict = spend.improvementPercent.vsCustomerMean >= SPEND_GOAL_PERCENT ? 'met' : 'NOT met';
  return [
    `Spend prediction — mean monthly spend per category over the ${spend.horizonMonths} month(s) after the cut-off, ` +
      `from ${spend.historyMonths} month(s) before it. n = ${spend.pairs} customer×category pairs ` +
      `(${spend.customersEvaluated} customers); forests trained on ${spend.trainingPairs} pre-cut-off pairs. MAE in $/month:`,
    ...table(['category', 'random forest', 'customer mean', 'global mean'], rows),
    `Random forest vs customer mean: ${spend.improvementPercent.vsCustomerMean.toFixed(1)}% lower MAE ` +
      `(goal ≥ ${SPEND_GOAL_PERCENT}%: ${verdict}); vs global mean: ${spend.improvementPercent.vsGlobalMean.toFixed(1)}% lower.`,
  ];
}

function changeSection(run: BenchRun, previous: BenchRun | undefined): string[] {
  if (previous === undefined) return ['Change since previous run: no previous run saved.'];
  const sameData = previous.dataVersion === run.dataVersion;
  const lines = [
    `Change since previous run (${previous.timestamp}, commit ${previous.gitCommit.slice(0, 12)}` +
      `${sameData ? ', same data' : `, DIFFERENT data ${previous.dataVersion}`}):`,
  ];
  const before = new Map(previous.ranking.methods.map((result) => [result.method, result]));
  const delta = (
    result: RankingMethodResult,
    key: keyof Omit<RankingMethodResult, 'method' | 'violationsByRule'>,
  ) => {
    const earlier = before.get(result.method);
    return earlier === undefined ? 'new' : signed(result[key] - earlier[key]);
  };
  lines.push(
    ...table(
      ['method', 'ΔNDCG@5', 'ΔMAP@7', 'ΔP@3', 'ΔR@5', 'Δcoverage', 'Δviolations'],
      run.ranking.methods.map((result) => [
        result.method,
        delta(result, 'ndcgAt5'),
        delta(result, 'mapAt7'),
        delta(result, 'precisionAt3'),
        delta(result, 'recallAt5'),
        delta(result, 'coverage'),
        delta(result, 'suitabilityViolationShare'),
      ]),
    ),
  );
  const mae = run.spend.mae.randomForest;
  const improvement = run.spend.improvementPercent.vsCustomerMean;
  lines.push(
    `Spend MAE (random forest): ${fixed(mae, 2)} (${signed(mae - previous.spend.mae.randomForest, 2)}); ` +
      `improvement vs customer mean ${improvement.toFixed(1)}% (${signed(improvement - previous.spend.improvementPercent.vsCustomerMean, 1)} points)`,
    `Time: ${run.seconds.toFixed(1)} s (${signed(run.seconds - previous.seconds, 1)} s)`,
  );
  return lines;
}

/** The run as plain text: ranking table with the best-baseline ratio, spend MAE table, and deltas since `previous`. */
export function renderBenchReport(run: BenchRun, previous?: BenchRun): string {
  const stages = run.stageSeconds;
  const header = [
    `Offline quality benchmark — ${run.timestamp}`,
    `data ${run.dataVersion} · commit ${run.gitCommit.slice(0, 12)} · embedder ${run.embedder} · provider ${run.provider} · ` +
      `${run.seconds.toFixed(1)} s (load ${stages.load.toFixed(1)}, ranking ${stages.ranking.toFixed(1)}, spend ${stages.spend.toFixed(1)})`,
  ];
  return [
    ...header,
    '',
    ...rankingSection(run),
    '',
    ...spendSection(run),
    '',
    ...changeSection(run, previous),
    '',
  ].join('\n');
}
