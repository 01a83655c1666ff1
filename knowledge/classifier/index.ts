export {
  DEFAULT_FASTTEXT_OPTIONS,
  type FastTextOptions,
  type LabelledText,
  type LabelScore,
  loadTextClassifier,
  type TextClassifier,
  trainTextClassifier,
} from './fasttext-classifier.ts';
export { fastTextText } from './fasttext-text.ts';
export { type HashedFeatures, hashedTextFeatures } from './hashed-text-features.ts';
export { type LinearTextClassifier, loadLinearTextClassifier } from './linear-model.ts';
export {
  DEFAULT_LINEAR_SVM_OPTIONS,
  type LinearSvmOptions,
  trainLinearSvmClassifier,
} from './linear-svm-classifier.ts';
export {
  DEFAULT_LINEAR_TEXT_OPTIONS,
  type LinearTextOptions,
  trainLinearTextClassifier,
} from './linear-text-classifier.ts';
export { type EnsembleClassifier, type EnsembleMember, weightedEnsemble } from './weighted-ensemble.ts';
