import { z } from 'zod';
import { checkSuitability, fairRerank, type RerankingConstraint } from '../../recommend/index.ts';
import { disparateImpactOfCounts } from '../fairness/fairness-metrics.ts';
import {
  AGE_LEGITIMATE_FACTORS,
  ageStrata,
  conditionalDisparateImpact,
  isFavourableProduct,
  isYoungAdult,
  YOUNG_ADULTS,
} from '../fairness/index.ts';
import type { PreparedRecommenders } from './prepare-recommenders.ts';
import { ndcgAt } from './ranking-metrics.ts';

/** What switching the fairness-constrained re-ranking on costs in NDCG@5 and changes in 18–24 vs 25+ DI. */
export const FairRerankingEvaluation = z.object({
  k: z.number(),
  minimumShare: z.number(),
  /** Customers aged 18–24, whose lists the re-ranking may change, and how many it changed. */
  protectedCustomers: z.number(),
  changedLists: z.number(),
  /** NDCG@5 over the customers who adopted something new after the cut-off (as the ranking table). */
  ndcgAt5: z.object({ before: z.number(), after: z.number() }),
  usersEvaluated: z.number(),
  /** Crude DI of "offered a favourable product in the top k", 18–24 vs 25+, over every customer. */
  disparateImpact: z.object({ before: z.number().nullable(), after: z.number().nullable() }),
  /** Mantel–Haenszel pooled DI within strata of horizon, risk tolerance and capacity. */
  conditionalDisparateImpact: z.object({ before: z.number().nullable(), after: z.number().nullable() }),
  /** Re-ranked top-k items that fail checkSuitability: 0 by construction, counted to prove it. */
  suitabilityViolations: z.number(),
});
/** The re-ranking's before/after figures, as saved in a bench run. */
export type FairRerankingEvaluation = z.output<typeof FairRerankingEvaluation>;

/**
 * Ranks every customer with ours over all suitable products, re-ranks the 18–24-year-olds' lists with the
 * fairness constraint, and measures both orders: NDCG@5 against later adoptions, and the crude and conditional
 * DI of a favourable (investment or premium) offer in the top k.
 */
export function evaluateFairReranking(
  prepared: PreparedRecommenders,
  truth: ReadonlyMap<number, ReadonlySet<string>>,
  constraint: RerankingConstraint,
): FairRerankingEvaluation {
  const productById = new Map(prepared.catalog.map((product) => [product.id, product]));
  const favourable = (id: string): boolean => {
    const product = productById.get(id);
    return product !== undefined && isFavourableProduct(product, 'investment_or_premium');
  };
  const stratumOf = ageStrata(prepared.profiles.map((profile) => profile.customer));
  const before: { stratum: string; protected: boolean; favourable: boolean }[] = [];
  const after: typeof before = [];
  const ndcg = { before: 0, after: 0 };
  let protectedCustomers = 0;
  let changedLists = 0;
  let suitabilityViolations = 0;
  prepared.profiles.forEach((profile, index) => {
    const context = prepared.contextOf(index);
    const ranked = prepared.allSuitable(context);
    const young = isYoungAdult(profile.customer);
    const reranked = young ? fairRerank(ranked, favourable, constraint) : ranked;
    if (young) protectedCustomers++;
    const top = ranked.slice(0, constraint.k);
    const rerankedTop = reranked.slice(0, constraint.k);
    if (rerankedTop.some((id, position) => id !== top[position])) changedLists++;
    for (const id of rerankedTop) {
      const product = productById.get(id);
      if (product && !checkSuitability(profile.customer, context.heldProductIds, product).suitable) {
        suitabilityViolations++;
      }
    }
    const stratum = stratumOf(profile.customer);
    before.push({ stratum, protected: young, favourable: top.some(favourable) });
    after.push({ stratum, protected: young, favourable: rerankedTop.some(favourable) });
    const relevant = truth.get(index);
    if (relevant !== undefined) {
      ndcg.before += ndcgAt(ranked, relevant, 5);
      ndcg.after += ndcgAt(reranked, relevant, 5);
    }
  });
  const crude = (rows: typeof before) => {
    const count = (isProtected: boolean) => {
      const group = rows.filter((row) => row.protected === isProtected);
      return { size: group.length, favourable: group.filter((row) => row.favourable).length };
    };
    return disparateImpactOfCounts(count(true), count(false)).value;
  };
  const options = {
    protectedGroup: YOUNG_ADULTS.group,
    referenceGroup: YOUNG_ADULTS.reference,
    factors: AGE_LEGITIMATE_FACTORS,
  };
  const users = truth.size;
  return {
    k: constraint.k,
    minimumShare: constraint.minimumShare,
    protectedCustomers,
    changedLists,
    ndcgAt5: { before: users === 0 ? 0 : ndcg.before / users, after: users === 0 ? 0 : ndcg.after / users },
    usersEvaluated: users,
    disparateImpact: { before: crude(before), after: crude(after) },
    conditionalDisparateImpact: {
      before: conditionalDisparateImpact(before, options).pooled,
      after: conditionalDisparateImpact(after, options).pooled,
    },
    suitabilityViolations,
  };
}
