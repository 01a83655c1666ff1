import type { PreparedIntentModel } from '../chains/understand/index.ts';

/** One line on the intent model: trained now (with its time) or loaded unchanged, and its calibration. */
export function printIntentModel(prepared: PreparedIntentModel): void {
  const { calibration } = prepared.model;
  const how = prepared.trained
    ? `trained in ${prepared.trainingSeconds.toFixed(1)} s`
    : 'unchanged inputs, loaded the stored model';
  console.log(
    `Intent model: ${how} (${prepared.folder}); clarify below ${calibration.clarifyBelow}, ` +
      `out of scope below ${calibration.outOfScopeBelow}` +
      (calibration.outOfScopeGateAbove === undefined ? '' : ` or gate ≥ ${calibration.outOfScopeGateAbove}`) +
      (calibration.outOfScopePredictedAbove === undefined
        ? ''
        : ` or predicted out of scope at ≥ ${calibration.outOfScopePredictedAbove}`) +
      `, ${(calibration.coverage * 100).toFixed(1)}% answered directly at ` +
      `${(calibration.confidentAccuracy * 100).toFixed(1)}% accuracy on the inner calibration split.`,
  );
}
