import { findPromissoryLanguage, type PromissoryModel } from '../../validate/index.ts';

/** One sentence and whether it promises an outcome. */
export interface LabelledSentence {
  text: string;
  promissory: boolean;
}

/** Share of promissory sentences rejected, and of compliant sentences wrongly rejected (null with none). */
export interface PromissoryEvaluation {
  recall: number | null;
  falseRejectionRate: number | null;
  promissory: number;
  compliant: number;
  /** "patterns" or "patterns+classifier:<fingerprint>". */
  check: string;
}

/**
 * Runs the validator's promissory check on each sentence: recall = promissory rejected / promissory,
 * false-rejection rate = compliant rejected / compliant.
 * @example evaluatePromissoryCheck([{ text: 'Returns are guaranteed.', promissory: true }]).recall // 1
 */
export function evaluatePromissoryCheck(
  sentences: readonly LabelledSentence[],
  model?: PromissoryModel,
): PromissoryEvaluation {
  const rejected = (text: string) => findPromissoryLanguage(text, model).length > 0;
  const promissory = sentences.filter((sentence) => sentence.promissory);
  const compliant = sentences.filter((sentence) => !sentence.promissory);
  const share = (items: readonly LabelledSentence[]) =>
    items.length === 0 ? null : items.filter((item) => rejected(item.text)).length / items.length;
  return {
    recall: share(promissory),
    falseRejectionRate: share(compliant),
    promissory: promissory.length,
    compliant: compliant.length,
    check: model ? `patterns+${model.id}` : 'patterns',
  };
}
