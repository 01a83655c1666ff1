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
