export {
  type Audience,
  type AudienceVoice,
  audienceVoice,
  CUSTOMER_VOICE,
} from '../compose/audience-voice.ts';
export { customerSegment, type SegmentFacts } from './customer-segment.ts';
export { EXPLORATION_BONUS, explorationBonus, type ProductExposure } from './exploration-bonus.ts';
export { fairRerank, minimumFavourable, type RerankingConstraint } from './fair-reranking.ts';
export { type FairRerankingConfig, loadFairRerankingConfig } from './fair-reranking-config.ts';
export { PreferenceModel, type PreferenceModelOptions, SEGMENT_PRIOR } from './preference-model.ts';
export {
  DEFAULT_RECOMMENDATION_LIMIT,
  NEIGHBOUR_COUNT,
  type RankOptions,
  rankProducts,
  SCORE_WEIGHTS,
} from './rank-products.ts';
export type { Recommendation, RecommendationInput } from './recommendation.ts';
export {
  checkSuitability,
  MAX_RISK_LEVEL,
  SUITABILITY_RULES,
  type SuitabilityFacts,
  type SuitabilityRule,
  type SuitabilityVerdict,
  type SuitabilityViolation,
} from './suitability.ts';
