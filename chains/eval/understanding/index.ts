export { evaluateIntents, type IntentEvaluation } from './evaluate-intents.ts';
export {
  type ConfusedPair,
  type IntentOutcome,
  intentAccuracy,
  labelPrecisionRecall,
  macroF1,
  mostConfusedPairs,
  type PrecisionRecall,
} from './intent-metrics.ts';
export { answerQuestion, type QuestionAnswer } from './question-answers.ts';
export { type LabelledQuestion, readQuestionFile } from './question-file.ts';
export { renderIntentEvaluation } from './render-understanding-report.ts';
export {
  renderSeedSummary,
  type SeedFigures,
  type SeedSummary,
  seedFigures,
  splitSeeds,
  summariseSeeds,
} from './seed-runs.ts';
export {
  loadLatestUnderstandingRun,
  saveUnderstandingRun,
  UnderstandingRun,
  understandingSummaryLine,
} from './understanding-run.ts';
