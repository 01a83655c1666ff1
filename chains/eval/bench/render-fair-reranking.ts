import type { FairRerankingEvaluation } from './fair-reranking-evaluation.ts';

const ratio = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(3));
const inBand = (value: number | null): string =>
  value === null ? 'undefined' : value < 0.8 || value > 1.25 ? 'outside 0.8–1.25' : 'within 0.8–1.25';

/** "NDCG@5 0.412 → 0.405 (−0.007)": the cost of switching the re-ranking on. */
export function fairRerankingNdcgLine(evaluation: FairRerankingEvaluation): string {
  const { before, after } = evaluation.ndcgAt5;
  const change = after - before;
  return `NDCG@5 ${before.toFixed(3)} → ${after.toFixed(3)} (${change >= 0 ? '+' : '−'}${Math.abs(change).toFixed(4)})`;
}

/** "pooled DI 0.640 → 0.901": the effect of the re-ranking on the conditional 18–24 disparity. */
export function fairRerankingDiLine(evaluation: FairRerankingEvaluation): string {
  const { conditionalDisparateImpact: pooled, disparateImpact: crude } = evaluation;
  return (
    `18–24 vs 25+ pooled DI within strata ${ratio(pooled.before)} → ${ratio(pooled.after)} (${inBand(pooled.after)}); ` +
    `crude DI ${ratio(crude.before)} → ${ratio(crude.after)}`
  );
}

/** The re-ranking's before/after block of the bench report. */
export function renderFairReranking(evaluation: FairRerankingEvaluation): string[] {
  return [
    `Fairness re-ranking (FAIR_RERANKING; at least ${evaluation.minimumShare} favourable share in every prefix of the top ${evaluation.k} for 18–24-year-olds, suitable products only):`,
    `  cost: ${fairRerankingNdcgLine(evaluation)} over ${evaluation.usersEvaluated} customers with later adoptions`,
    `  effect: ${fairRerankingDiLine(evaluation)}`,
    `  ${evaluation.changedLists} of ${evaluation.protectedCustomers} 18–24 lists changed; unsuitable products in re-ranked lists: ${evaluation.suitabilityViolations}`,
  ];
}
