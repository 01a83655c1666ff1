export {
  type CalibrationTargets,
  ConfidenceCalibration,
  calibrateConfidence,
  OUT_OF_SCOPE_INTENT,
  type OutOfScopeRule,
  outOfScopeRule,
  type ScoredPrediction,
} from './confidence-calibration.ts';
export { type InjectionScreen, type InjectionVerdict, RULE_INJECTION_SCREEN } from './injection-screen.ts';
export {
  type IntentExample,
  loadBanking77Examples,
  loadProjectExamples,
} from './intent-examples.ts';
export { IN_SCOPE_LABEL, type IntentModel, type IntentScore, intentModelFrom } from './intent-model.ts';
export type { DetectedLanguage, LanguageDetector } from './language-detector.ts';
export {
  chooseOnInnerSplit,
  DEFAULT_INTENT_TRAINING,
  type IntentData,
  type IntentTrainingOptions,
  intentFingerprint,
  loadIntentData,
  type PreparedIntentModel,
  prepareIntentModel,
  scorePredictions,
} from './train-intent-model.ts';
export { type Understanding, type UnderstandingContext, understand } from './understanding.ts';
export { loadUnderstandingConfig, type UnderstandingConfig } from './understanding-config.ts';
export { splitForValidation, type ValidationSplit } from './validation-split.ts';
