export {
  type Blend,
  type BlendCandidates,
  type BlendMembers,
  type BlendSample,
  blendedClassifier,
  blendedProbability,
  blendSample,
  chooseBlend,
  loadBlendMembers,
  saveBlendMembers,
  svmMemberFile,
  trainBlendMembers,
} from './binary-blend.ts';
export { type LanguageOf, loadExampleLanguage } from './example-language.ts';
export {
  DEFAULT_INJECTION_SOURCES,
  type InjectionExample,
  type InjectionExampleSource,
  type InjectionSources,
  type InjectionSplit,
  loadInjectionCorpus,
  splitInjectionCorpus,
} from './injection-corpus.ts';
export {
  BENIGN_LABEL,
  createInjectionDetector,
  INJECTION_LABEL,
  type InjectionDetector,
  type InjectionUse,
  type InjectionVerdict,
  injectionProbability,
  type ProbabilityClassifier,
  rulesOnlyDetector,
} from './injection-detector.ts';
export {
  type EnsuredInjectionDetector,
  type EnsureInjectionOptions,
  ensureInjectionDetector,
  INJECTION_VALIDATION_SHARE,
  type InjectionModelInfo,
  injectionDetectorOrRules,
  injectionFingerprint,
  injectionModelFile,
  loadInjectionDetector,
} from './injection-model.ts';
export { readTextLines } from './read-text-lines.ts';
export {
  DEFAULT_INJECTION_TRAINING,
  type InjectionTrainingOptions,
  type TrainedInjectionModel,
  trainInjectionDetector,
  tuneThreshold,
} from './train-injection-detector.ts';
