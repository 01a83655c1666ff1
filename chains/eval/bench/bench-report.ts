import type { BenchRun } from './bench-run.ts';
import { renderFeedbackSimulation } from './feedback-simulation-report.ts';
import type { RankingMethodResult } from './offline-evaluation.ts';
import type { OperationsSummary } from './operations-summary.ts';
import { renderFairReranking } from './render-fair-reranking.ts';
import type { RetrievalQuality } from './retrieval-quality.ts';

/** How much better than the best baseline ours should be on NDCG@5. */
export const NDCG_GOAL_RATIO = 1.3;
/** How much lower the spend model's MAE should be than the customer-mean baseline's, in percent. */
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

/** The spend model's name; runs saved before the model was recorded used a random forest. */
function spendModel(run: BenchRun): string {
  return run.spend.model ?? 'random forest';
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
      `(${spend.customersEvaluated} customers); ${spendModel(run)} trained on ${spend.trainingPairs} pre-cut-off pairs. MAE in $/month:`,
    ...table(['category', 'model', 'customer mean', 'global mean'], rows),
    `Model vs customer mean: ${spend.improvementPercent.vsCustomerMean.toFixed(1)}% lower MAE ` +
      `(goal ≥ ${SPEND_GOAL_PERCENT}%: ${verdict}); vs global mean: ${spend.improvementPercent.vsGlobalMean.toFixed(1)}% lower.`,
  ];
}

const counts = (record: Readonly<Record<string, number>>): string =>
  Object.entries(record)
    .sort(([leftName, left], [rightName, right]) => right - left || leftName.localeCompare(rightName))
    .map(([name, count]) => `${name} ${count}`)
    .join(', ') || 'none';
const milliseconds = (value: number | null): string => (value === null ? 'n/a' : `${value.toFixed(0)} ms`);
const share = (value: number | null): string => (value === null ? 'n/a' : percent(value));

/** The operations summary as plain lines: what `/bench` shows first, and what a saved run recorded. */
export function renderOperations(summary: OperationsSummary, source: string): string[] {
  const { validator, biasGuard, feedback } = summary;
  const feedbackLine =
    `Feedback: ${feedback.total} item(s)${feedback.rate === null ? '' : ` (${feedback.rate.toFixed(2)} per turn)`}: ` +
    `${feedback.thumbsUp} thumbs up, ${feedback.thumbsDown} thumbs down, ${feedback.accepted} product(s) accepted, ${feedback.declined} declined.`;
  if (summary.turns === 0) return [`Operations — ${source}: no turns logged yet.`, feedbackLine];
  return [
    `Operations — ${source}: ${summary.turns} turn(s), ${summary.turnsWithRecommendations} with recommendations.`,
    `Latency p50 ${milliseconds(summary.latencyMs.p50)}, p95 ${milliseconds(summary.latencyMs.p95)}.`,
    `Validator: ${validator.passed} passed as written (${share(validator.passRate)}), ${validator.repaired} repaired, ` +
      `${validator.fellBack} fell back to the grounded reply; issues: ${counts(validator.reasons)}.`,
    `Bias guard: ${biasGuard.flagged} turn(s) flagged (${share(biasGuard.flagRate)}).`,
    `Providers: ${counts(summary.providers)}.`,
    feedbackLine,
  ];
}

function profileRecall(quality: RetrievalQuality): number | undefined {
  return quality.indexRecall.find((entry) => entry.collection === 'customer_profiles')?.recallAtK;
}

/** Retrieval quality as plain lines; an older run or a skipped measurement says so instead of showing numbers. */
export function renderRetrieval(run: BenchRun): string[] {
  const outcome = run.retrieval;
  if (outcome === undefined)
    return ['Retrieval quality: not measured in this run (saved before it was measured).'];
  if (outcome.status === 'skipped') return [`Retrieval quality: not measured — ${outcome.reason}`];
  const { quality } = outcome;
  const own = quality.ownProfile;
  return [
    `Retrieval quality — Chroma HNSW index vs exact cosine search over the same stored vectors, k ${quality.k}, ` +
      `seed ${quality.seed}, embedder ${quality.embedder}, ${quality.seconds.toFixed(1)} s:`,
    ...table(
      ['collection', 'vectors', 'queries', `recall@${quality.k}`, 'imperfect queries'],
      quality.indexRecall.map((entry) => [
        entry.collection,
        String(entry.vectors),
        String(entry.queries),
        fixed(entry.recallAtK),
        String(entry.imperfectQueries),
      ]),
    ),
    `Own profile first for "${own.question}": ${own.topHit} of ${own.customers} (${share(own.topHitRate)}); ` +
      `in the top ${quality.k}: ${own.inTopK} (${share(own.inTopKRate)}).`,
  ];
}

function retrievalChange(run: BenchRun, previous: BenchRun): string[] {
  if (run.retrieval?.status !== 'measured' || previous.retrieval?.status !== 'measured') return [];
  const now = run.retrieval.quality;
  const before = previous.retrieval.quality;
  const recall = profileRecall(now);
  const earlierRecall = profileRecall(before);
  const rate = now.ownProfile.topHitRate;
  const earlierRate = before.ownProfile.topHitRate;
  const parts = [
    recall === undefined || earlierRecall === undefined
      ? undefined
      : `profile recall@${now.k} ${fixed(recall)} (${signed(recall - earlierRecall)})`,
    rate === null || earlierRate === null
      ? undefined
      : `own profile first ${percent(rate)} (${signed((rate - earlierRate) * 100, 1)} points)`,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? [] : [`Retrieval: ${parts.join('; ')}`];
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
    `Spend MAE (${spendModel(run)}): ${fixed(mae, 2)} (${signed(mae - previous.spend.mae.randomForest, 2)}); ` +
      `improvement vs customer mean ${improvement.toFixed(1)}% (${signed(improvement - previous.spend.improvementPercent.vsCustomerMean, 1)} points)`,
    ...retrievalChange(run, previous),
    `Time: ${run.seconds.toFixed(1)} s (${signed(run.seconds - previous.seconds, 1)} s)`,
  );
  return lines;
}

/** Which optional parts of a run to render. */
export interface BenchReportOptions {
  /**
   * Render the operations the run recorded (default true). `/bench` turns it off because it shows the live
   * audit log first.
   */
  operations?: boolean;
}

/**
 * The run as plain text: ranking table with the best-baseline ratio, spend MAE table, retrieval quality,
 * the operations the run recorded, and deltas since `previous`.
 */
export function renderBenchReport(
  run: BenchRun,
  previous?: BenchRun,
  options: BenchReportOptions = {},
): string {
  const stages = run.stageSeconds;
  const operations =
    options.operations === false || run.operations === undefined
      ? []
      : run.operations === null
        ? ['', 'Operations: no audit log was read for this run.']
        : ['', ...renderOperations(run.operations, 'from the audit log at the time of the run')];
  const header = [
    `Offline quality benchmark — ${run.timestamp}`,
    `data ${run.dataVersion} · commit ${run.gitCommit.slice(0, 12)} · embedder ${run.embedder} · provider ${run.provider} · ` +
      `${run.seconds.toFixed(1)} s (load ${stages.load.toFixed(1)}, ranking ${stages.ranking.toFixed(1)}, spend ${stages.spend.toFixed(1)}` +
      `${stages.retrieval === undefined ? '' : `, retrieval ${stages.retrieval.toFixed(1)}`})`,
  ];
  return [
    ...header,
    '',
    ...rankingSection(run),
    ...(run.ranking.fairReranking === undefined
      ? []
      : ['', ...renderFairReranking(run.ranking.fairReranking)]),
    '',
    ...spendSection(run),
    '',
    ...renderRetrieval(run),
    ...(run.feedbackSimulation === undefined
      ? []
      : ['', ...renderFeedbackSimulation(run.feedbackSimulation)]),
    ...operations,
    '',
    ...changeSection(run, previous),
    '',
  ].join('\n');
}
