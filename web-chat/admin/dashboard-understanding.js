// @ts-check
// The dashboard's understanding panel: the latest saved `npm run eval:understanding` run (GET api/understanding)
// as one bar per figure, with a table of the same figures and the run's date, because a canvas alone says
// nothing to a screen reader.

import { paragraph, percent, table } from './dashboard-panel.js';

/**
 * The parts of the API answer the panel reads (the server's type: chains/eval/understanding/understanding-run.ts).
 * @typedef {{ recall: number | null, falseAlarmRate: number | null, injections: number, benign: number }} DetectionRates
 * @typedef {{ examples: number, accuracy: number, banking77Accuracy: number | null, banking77Examples: number,
 *   macroF1: number, outOfScope: { precision: number, recall: number, support: number } }} IntentEvaluation
 * @typedef {{ injection: DetectionRates & { detector: string, source: string,
 *     byLanguage: Record<string, DetectionRates> },
 *   promissory: { check: string, source: string, recall: number | null, falseRejectionRate: number | null,
 *     promissory: number, compliant: number } }} SafetyFigures
 * @typedef {{ timestamp: string, fingerprint: string, validation: IntentEvaluation,
 *   safety?: SafetyFigures }} UnderstandingRun
 * @typedef {{ latest: UnderstandingRun | null, summary: string | null }} UnderstandingResponse
 * @typedef {import('./dashboard-panel.js').Panel} Panel
 */

/** Rates where lower is better (false alarms, false rejections) are drawn in a warning colour. */
const COLOURS = { higherIsBetter: '#0b5cad', lowerIsBetter: '#e08a00' };

/**
 * One row per figure: its name, the rate, what it was measured on, and whether lower is better.
 * @param {UnderstandingRun} run
 * @returns {{ name: string, rate: number | null, basis: string, lowerIsBetter: boolean }[]}
 */
export function understandingFigures(run) {
  const { validation, safety } = run;
  const rows = [
    {
      name: 'Intent accuracy',
      rate: validation.accuracy,
      basis: `${validation.examples} validation questions`,
    },
    {
      name: 'Banking77 intent accuracy',
      rate: validation.banking77Accuracy,
      basis: `${validation.banking77Examples} Banking77 questions`,
    },
    { name: 'Macro-F1', rate: validation.macroF1, basis: `${validation.examples} validation questions` },
    {
      name: 'Out-of-scope precision',
      rate: validation.outOfScope.precision,
      basis: `${validation.outOfScope.support} out-of-scope questions`,
    },
    {
      name: 'Out-of-scope recall',
      rate: validation.outOfScope.recall,
      basis: `${validation.outOfScope.support} out-of-scope questions`,
    },
  ].map((row) => ({ ...row, lowerIsBetter: false }));
  if (!safety) return rows;
  const { injection, promissory } = safety;
  const detection = (/** @type {string} */ scope, /** @type {DetectionRates} */ rates) => [
    {
      name: `Injection recall (${scope})`,
      rate: rates.recall,
      basis: `${rates.injections} injections`,
      lowerIsBetter: false,
    },
    {
      name: `Injection false alarms (${scope})`,
      rate: rates.falseAlarmRate,
      basis: `${rates.benign} benign messages`,
      lowerIsBetter: true,
    },
  ];
  rows.push(...detection('all languages', injection));
  for (const [language, rates] of Object.entries(injection.byLanguage)) {
    // Languages with a handful of stray texts would add bars that say nothing.
    if (rates.injections + rates.benign >= 5) rows.push(...detection(language, rates));
  }
  rows.push(
    {
      name: 'Promissory recall',
      rate: promissory.recall,
      basis: `${promissory.promissory} promissory sentences`,
      lowerIsBetter: false,
    },
    {
      name: 'Promissory false rejections',
      rate: promissory.falseRejectionRate,
      basis: `${promissory.compliant} compliant sentences`,
      lowerIsBetter: true,
    },
  );
  return rows;
}

/** @param {Panel} target @param {UnderstandingResponse} body */
export function drawUnderstanding(target, body) {
  const run = body.latest;
  if (run === null) {
    target.empty(
      'No understanding run is saved yet. Run “npm run eval:understanding” to measure the intent model and the safety checks.',
    );
    return;
  }
  const figures = understandingFigures(run);
  const date = run.timestamp.slice(0, 10);
  const notes = [paragraph(`Run of ${run.timestamp} (intent model ${run.fingerprint.slice(0, 12)}).`)];
  if (run.safety) {
    notes.push(
      paragraph(
        `Injection: ${run.safety.injection.detector} on ${run.safety.injection.source}. Promissory: ${run.safety.promissory.check} on ${run.safety.promissory.source}.`,
      ),
    );
  } else notes.push(paragraph('This run was saved before safety figures were recorded.'));
  target.draw(
    `Latest run ${date}: intent accuracy ${percent(run.validation.accuracy)}, macro-F1 ${percent(run.validation.macroF1)}.`,
    {
      type: 'bar',
      data: {
        labels: figures.map((figure) => figure.name),
        datasets: [
          {
            label: `Run of ${date} (%)`,
            data: figures.map((figure) =>
              figure.rate === null ? null : Number((figure.rate * 100).toFixed(1)),
            ),
            backgroundColor: figures.map((figure) =>
              figure.lowerIsBetter ? COLOURS.lowerIsBetter : COLOURS.higherIsBetter,
            ),
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: 'y',
        scales: { x: { min: 0, max: 100, title: { display: true, text: '%' } } },
        plugins: { legend: { display: false } },
      },
    },
    {
      height: 60 + 22 * figures.length,
      details: [
        table(
          `Understanding evaluation of ${date}`,
          ['Figure', 'Value', 'Measured on'],
          figures.map((figure) => [figure.name, percent(figure.rate), figure.basis]),
        ),
        ...notes,
      ],
    },
  );
}
