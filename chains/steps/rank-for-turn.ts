import type { ProfileRecord } from '../../knowledge/index.ts';
import { guardRecommendations } from '../guard/index.ts';
import { type RecommendationInput, rankProducts } from '../recommend/index.ts';
import { applyFairReranking } from './fair-reranking-step.ts';
import type { AdvisorChainDependencies, FeedbackSource, RankedTurn, RetrievedTurn } from './turn.ts';

/** Step 3: suitability-ranked, bias-guarded products — only when the route is a recommendation. */
export function rankForTurn(
  turn: RetrievedTurn,
  dependencies: Pick<AdvisorChainDependencies, 'rank' | 'feedback' | 'fairReranking'>,
): RankedTurn {
  const { customer, route } = turn;
  if (route.kind !== 'recommendation' || !customer) {
    return {
      ...turn,
      recommendations: [],
      rankBias: { flagged: false, reasons: [] },
      rankedAt: performance.now(),
    };
  }
  const rank = dependencies.rank ?? ((input, catalog) => rankProducts(input, catalog));
  // The reasons speak to whoever reads them: "you" to the customer, the customer's id to an advisor.
  const input = {
    ...recommendationInput(customer.record, turn, dependencies.feedback),
    audience: turn.request.audience,
  };
  const verdict = guardRecommendations((candidate) => rank(candidate, turn.catalog), input);
  // After the guard: the re-ranking acts on age on purpose, which the guard's age counterfactual would flag.
  const recommendations = verdict.flagged
    ? verdict.recommendations
    : applyFairReranking(verdict.recommendations, input, turn.catalog, dependencies.fairReranking);
  return {
    ...turn,
    recommendations,
    rankBias: { flagged: verdict.flagged, reasons: verdict.reasons },
    rankedAt: performance.now(),
  };
}

/** Builds the recommender's input from the customer's own stored record and aggregated neighbour counts. */
export function recommendationInput(
  record: ProfileRecord,
  retrieved: Pick<RetrievedTurn, 'neighbours' | 'productSimilarity'>,
  feedback?: FeedbackSource,
): RecommendationInput {
  return {
    customer: record.customer,
    heldProductIds: record.heldProductIds,
    spending: record.spending,
    neighbourAdoptions: retrieved.neighbours.adoptions,
    neighbourCount: retrieved.neighbours.neighbourCount,
    contentSimilarity: retrieved.productSimilarity,
    ...(feedback ? feedback(record.customer) : {}),
  };
}
