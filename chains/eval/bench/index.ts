export {
  adoptionCounts,
  collaborativeRecommender,
  contentRecommender,
  popularityRecommender,
  randomRecommender,
} from './baselines.ts';
export {
  type BenchReportOptions,
  bestBaselineRatio,
  NDCG_GOAL_RATIO,
  renderBenchReport,
  renderOperations,
  renderRetrieval,
  SPEND_GOAL_PERCENT,
} from './bench-report.ts';
export { BenchRun, hashDataFiles, type RunBenchOptions, readGitCommit, runBench } from './bench-run.ts';
export {
  BENCH_RESULTS_DIR,
  benchRunFileName,
  loadPreviousRun,
  loadRecentRuns,
  saveBenchRun,
} from './bench-store.ts';
export { type ContentModel, type ContentModelOptions, fitContentModel } from './content-model.ts';
export type { CustomerContext, Recommender } from './customer-context.ts';
export { evaluateFairReranking, FairRerankingEvaluation } from './fair-reranking-evaluation.ts';
export {
  FeedbackSimulation,
  type FeedbackSimulationOptions,
  simulateFeedback,
  TRUTH_SOURCES,
} from './feedback-simulation.ts';
export { renderFeedbackSimulation } from './feedback-simulation-report.ts';
export { regenerateHiddenNeeds } from './hidden-needs.ts';
export { type HybridRecommenderOptions, hybridRecommender } from './hybrid-recommender.ts';
export { fitImplicitAls, type ImplicitAlsModel, type ImplicitAlsOptions } from './implicit-als.ts';
export {
  type EvaluateRecommendersOptions,
  evaluateRecommenders,
  type RankingEvaluation,
  type RankingMethodResult,
} from './offline-evaluation.ts';
export {
  type OperationsFeedback,
  OperationsSummary,
  type OperationsTurn,
  summariseOperations,
} from './operations-summary.ts';
export {
  type NeighbourSpace,
  type PreparedRecommenders,
  type PrepareRecommendersOptions,
  prepareRecommenders,
  RANKING_METHODS,
  type RankingMethod,
} from './prepare-recommenders.ts';
export {
  createNeighbourIndex,
  NEIGHBOUR_FEATURES,
  type NeighbourCounts,
  type NeighbourIndex,
  neighbourFeatures,
  standardisedProfileVectors,
} from './profile-neighbours.ts';
export {
  averagePrecisionAt,
  catalogueCoverage,
  mapAt7,
  meanAveragePrecisionAt,
  ndcgAt,
  precisionAt,
  type RankedUser,
  recallAt,
} from './ranking-metrics.ts';
export { fairRerankingDiLine, fairRerankingNdcgLine, renderFairReranking } from './render-fair-reranking.ts';
export {
  ExactCosineIndex,
  IndexRecall,
  measureRetrievalQuality,
  OWN_PROFILE_QUESTION,
  OwnProfileHits,
  RETRIEVAL_K,
  RETRIEVAL_SAMPLE,
  RetrievalOutcome,
  RetrievalQuality,
  type RetrievalQualityOptions,
} from './retrieval-quality.ts';
export { forecastSpend, type SpendForecast, type SpendForestOptions } from './spend-forest.ts';
export {
  type CategorySpendResult,
  evaluateSpendPrediction,
  SPEND_MODEL,
  type SpendPredictionOptions,
  type SpendPredictionResult,
} from './spend-prediction.ts';
