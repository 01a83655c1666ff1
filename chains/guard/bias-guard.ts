import type { Recommendation, RecommendationInput } from '../recommend/recommendation.ts';
import { counterfactualCheck, type Ranker } from './counterfactual-check.ts';
import { checkLanguage } from './language-check.ts';

/** The bias guard's finding, in the shape the audit log stores. */
export interface BiasVerdict {
  flagged: boolean;
  reasons: string[];
}

/** A verdict on a ranking, plus the recommendations that may be shown (gender-neutral when flagged). */
export interface RecommendationVerdict extends BiasVerdict {
  recommendations: Recommendation[];
}

/** Runs the counterfactual check on a ranking and returns what is safe to show with the verdict. */
export function guardRecommendations(rank: Ranker, input: RecommendationInput): RecommendationVerdict {
  const result = counterfactualCheck(rank, input);
  return { flagged: result.flagged, reasons: result.reasons, recommendations: result.neutralRanking };
}

/** Checks a drafted reply for stereotyped or protected-attribute wording. */
export function guardReply(reply: string): BiasVerdict {
  const { flagged, phrases } = checkLanguage(reply);
  return {
    flagged,
    reasons: phrases.map((phrase) => `Stereotyped or protected-attribute wording: "${phrase}"`),
  };
}
