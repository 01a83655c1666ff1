export { checkForeignPii } from './check-foreign-pii.ts';
export { checkFormat } from './check-format.ts';
export { checkLength, DEFAULT_LIMITS } from './check-length.ts';
export { checkObeyedInjection } from './check-obeyed-injection.ts';
export {
  checkPromissoryLanguage,
  findPromissoryLanguage,
  type PromissoryIssue,
} from './check-promissory-language.ts';
export { judgeRelevance, RELEVANCE_LIMITS, type RelevanceVerdict } from './check-relevance.ts';
export { checkRiskDisclosure, hasRiskDisclosure } from './check-risk-disclosure.ts';
export { checkSystemPromptEcho } from './check-system-prompt-echo.ts';
export { checkUngroundedNumbers } from './check-ungrounded-numbers.ts';
export { checkUnknownProducts } from './check-unknown-products.ts';
export { checkUnrecommendedProducts } from './check-unrecommended-products.ts';
export { describeIssues } from './describe-issues.ts';
export { isSameFigure, type NumberReading, readNumber } from './normalise-number.ts';
export {
  createPromissoryModel,
  DEFAULT_PROMISSORY_TRAINING,
  ensurePromissoryModel,
  loadPromissoryModel,
  type PromissoryModel,
  type PromissoryTrainingOptions,
  promissoryModelFile,
  type TrainedPromissoryModel,
  trainPromissoryModel,
} from './promissory-model.ts';
export {
  loadPromissorySuite,
  PROMISSORY_PARAPHRASE_FILES,
  PROMISSORY_SUITE_FILES,
  type PromissorySuite,
  splitPromissorySuite,
} from './promissory-suite.ts';
export type { ReplyCheck } from './reply-check.ts';
export { REPLY_CHECKS, validateReply } from './validate-reply.ts';
export { SENTENCE_CHECKS, validateSentence } from './validate-sentence.ts';
export type { ValidationContext } from './validation-context.ts';
export type { ValidationIssue, ValidationReason, Verdict } from './validation-issue.ts';
export { articleSentences, ensureValidatorPromissoryModel } from './validator-promissory-model.ts';
