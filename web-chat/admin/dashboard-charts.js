// @ts-check
// The dashboard's charts: each turns one API answer into a Chart.js configuration and a table of the same numbers.

import { fixed, paragraph, percent, table } from './dashboard-panel.js';

/**
 * The parts of the API answers the charts read (the server's types: admin-responses.ts).
 * @typedef {{ method: string, ndcgAt5: number, mapAt7: number }} MethodScores
 * @typedef {{ k: number, minimumShare: number, ndcgAt5: { before: number, after: number },
 *   disparateImpact: { before: number | null, after: number | null },
 *   conditionalDisparateImpact: { before: number | null, after: number | null } }} FairReranking
 * @typedef {{ timestamp: string, dataVersion: string, gitCommit: string,
 *   ranking: { methods: MethodScores[], fairReranking?: FairReranking },
 *   spend: { mae: { randomForest: number, customerMean: number },
 *     improvementPercent: { vsCustomerMean: number } } }} BenchRun
 * @typedef {{ turns: number, latencyMs: { p50: number | null, p95: number | null },
 *   validator: { passed: number, repaired: number, fellBack: number, passRate: number | null,
 *     reasons: Record<string, number> },
 *   biasGuard: { flagged: number, flagRate: number | null }, providers: Record<string, number>,
 *   feedback: { total: number, thumbsUp: number, thumbsDown: number, accepted: number, declined: number,
 *     rate: number | null } }} Operations
 */

/** @typedef {import('./dashboard-panel.js').Panel} Panel */

/** @type {Record<string, string>} */
const METHOD_COLOURS = {
  ours: '#0b5cad',
  popularity: '#e08a00',
  'collaborative-als': '#2e8b57',
  'content-lsa': '#8e44ad',
  random: '#7f8c8d',
};
const FALLBACK_COLOURS = ['#16a085', '#d35400', '#2c3e50', '#c2185b'];

const baseOptions = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
};

/**
 * One ranking metric per method across saved runs, oldest first (the API answers newest first).
 * @param {Panel} target
 * @param {BenchRun[]} newestFirst
 * @param {'ndcgAt5' | 'mapAt7'} metric
 * @param {string} metricName
 */
export function drawBench(target, newestFirst, metric, metricName) {
  if (newestFirst.length === 0) {
    target.empty('No benchmark has been saved yet: run npm run bench:quality in a terminal.');
    return;
  }
  const runs = [...newestFirst].reverse();
  /** @type {string[]} */
  const methods = [];
  for (const run of runs) {
    for (const entry of run.ranking.methods) if (!methods.includes(entry.method)) methods.push(entry.method);
  }
  const scoreOf = (/** @type {BenchRun} */ run, /** @type {string} */ method) =>
    run.ranking.methods.find((entry) => entry.method === method)?.[metric] ?? null;
  const config = {
    type: 'line',
    data: {
      labels: runs.map((run) => run.timestamp),
      datasets: methods.map((method, index) => {
        const colour = METHOD_COLOURS[method] ?? FALLBACK_COLOURS[index % FALLBACK_COLOURS.length];
        return {
          label: method,
          data: runs.map((run) => scoreOf(run, method)),
          borderColor: colour,
          backgroundColor: colour,
          borderWidth: method === 'ours' ? 3 : 1.5,
          pointRadius: 4,
        };
      }),
    },
    options: {
      ...baseOptions,
      scales: { y: { beginAtZero: true, title: { display: true, text: metricName } } },
      plugins: { legend: { position: 'bottom' } },
    },
  };
  const latest = runs[runs.length - 1];
  const ours = scoreOf(latest, 'ours');
  const baselines = methods.filter((method) => method !== 'ours').map((method) => scoreOf(latest, method));
  const best = Math.max(...baselines.filter((value) => value !== null));
  const comparison =
    ours !== null && Number.isFinite(best) && best > 0
      ? ` Latest run: ours ${fixed(ours)} = ${(ours / best).toFixed(2)}× the best baseline (${fixed(best)}).`
      : '';
  const spend = latest.spend;
  target.draw(`${runs.length} saved run${runs.length === 1 ? '' : 's'}.${comparison}`, config, {
    details: [
      table(
        `${metricName} per method and run`,
        ['Run', ...methods],
        runs.map((run) => [run.timestamp, ...methods.map((method) => fixed(scoreOf(run, method)))]),
      ),
      paragraph(
        `${rerankingSentence(latest.ranking.fairReranking)}Spend prediction, latest run: MAE ${fixed(spend.mae.randomForest, 2)} (${spend.model ?? 'random forest'}) vs ${fixed(spend.mae.customerMean, 2)} (customer mean), ${fixed(spend.improvementPercent.vsCustomerMean, 1)}% better. Data ${latest.dataVersion}, commit ${latest.gitCommit.slice(0, 12)}.`,
      ),
    ],
  });
}

/** The fairness re-ranking's cost and effect in the latest run, or nothing for runs saved before it was measured. */
function rerankingSentence(/** @type {FairReranking | undefined} */ reranking) {
  if (!reranking) return '';
  return `Fairness re-ranking for 18–24 (FAIR_RERANKING, share ≥ ${reranking.minimumShare} of the top ${reranking.k}): NDCG@5 ${fixed(reranking.ndcgAt5.before)} → ${fixed(reranking.ndcgAt5.after)}; pooled DI within strata ${fixed(reranking.conditionalDisparateImpact.before)} → ${fixed(reranking.conditionalDisparateImpact.after)}; crude DI ${fixed(reranking.disparateImpact.before)} → ${fixed(reranking.disparateImpact.after)}. `;
}

/** @param {Panel} target @param {Operations} operations */
export function drawFeedback(target, operations) {
  const feedback = operations.feedback;
  const counts = [
    ['Thumbs up', feedback.thumbsUp],
    ['Thumbs down', feedback.thumbsDown],
    ['Products accepted', feedback.accepted],
    ['Products declined', feedback.declined],
  ];
  const summary = `${feedback.total} feedback item${feedback.total === 1 ? '' : 's'} over ${operations.turns} logged turns (${fixed(feedback.rate, 2)} per turn).`;
  target.draw(
    summary,
    {
      type: 'bar',
      data: {
        labels: counts.map(([name]) => name),
        datasets: [
          {
            label: 'Feedback items',
            data: counts.map(([, count]) => count),
            backgroundColor: ['#1e8449', '#c0392b', '#0b5cad', '#e08a00'],
          },
        ],
      },
      options: {
        ...baseOptions,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { display: false } },
      },
    },
    {
      details: [
        table(
          'Feedback counts',
          ['Kind', 'Count'],
          counts.map(([name, count]) => [String(name), String(count)]),
        ),
      ],
    },
  );
}

/** @param {Panel} target @param {Operations} operations */
export function drawLatency(target, operations) {
  const { p50, p95 } = operations.latencyMs;
  const providers = Object.entries(operations.providers)
    .map(([name, turns]) => `${name} (${turns})`)
    .join(', ');
  if (p50 === null || p95 === null) {
    target.empty('No turns are logged yet, so there is no latency to show.');
    return;
  }
  target.draw(
    `${operations.turns} logged turns. Replies written by: ${providers || 'nobody yet'}.`,
    {
      type: 'bar',
      data: {
        labels: ['p50', 'p95'],
        datasets: [{ label: 'Latency (ms)', data: [p50, p95], backgroundColor: ['#0b5cad', '#8e44ad'] }],
      },
      options: {
        ...baseOptions,
        scales: { y: { beginAtZero: true, title: { display: true, text: 'milliseconds' } } },
        plugins: { legend: { display: false } },
      },
    },
    {
      details: [
        table(
          'Chat latency percentiles',
          ['Percentile', 'Milliseconds'],
          [
            ['p50', p50.toFixed(1)],
            ['p95', p95.toFixed(1)],
          ],
        ),
      ],
    },
  );
}

/** @param {Panel} target @param {Operations} operations */
export function drawValidator(target, operations) {
  const { passed, repaired, fellBack, passRate, reasons } = operations.validator;
  if (operations.turns === 0) {
    target.empty('No turns are logged yet, so there are no validator verdicts to show.');
    return;
  }
  const verdicts = [
    ['Passed', passed],
    ['Repaired', repaired],
    ['Fell back', fellBack],
  ];
  const reasonText =
    Object.entries(reasons)
      .map(([reason, count]) => `${reason} ${count}`)
      .join(', ') || 'none';
  target.draw(
    `Pass rate ${percent(passRate)}. Issues by reason: ${reasonText}. Bias guard flagged ${operations.biasGuard.flagged} turns (${percent(operations.biasGuard.flagRate)}).`,
    {
      type: 'doughnut',
      data: {
        labels: verdicts.map(([name]) => name),
        datasets: [
          {
            label: 'Turns',
            data: verdicts.map(([, count]) => count),
            backgroundColor: ['#1e8449', '#e08a00', '#c0392b'],
          },
        ],
      },
      options: { ...baseOptions, plugins: { legend: { position: 'bottom' } } },
    },
    {
      details: [
        table(
          'Validator verdicts',
          ['Verdict', 'Turns'],
          verdicts.map(([name, count]) => [String(name), String(count)]),
        ),
      ],
    },
  );
}
