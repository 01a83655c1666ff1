export { AGE_BANDS, type AgeBand, ageBandOf } from './age-bands.ts';
export {
  type BiasVerdict,
  guardRecommendations,
  guardReply,
  type RecommendationVerdict,
} from './bias-guard.ts';
export {
  type CounterfactualResult,
  type CounterfactualVariant,
  counterfactualCheck,
  type Ranker,
} from './counterfactual-check.ts';
export { checkLanguage, type LanguageVerdict } from './language-check.ts';
export { LANGUAGE_PATTERNS, type LanguagePattern } from './language-patterns.ts';
