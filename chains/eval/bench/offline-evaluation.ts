import type { CustomerProfile, DatasetTables } from '../../../knowledge/preprocess/index.ts';
import { splitByTime } from '../../../knowledge/preprocess/index.ts';
import {
  checkSuitability,
  DEFAULT_RECOMMENDATION_LIMIT,
  type RerankingConstraint,
  SUITABILITY_RULES,
  type SuitabilityRule,
} from '../../recommend/index.ts';
import { evaluateFairReranking, type FairRerankingEvaluation } from './fair-reranking-evaluation.ts';
import {
  type PrepareRecommendersOptions,
  prepareRecommenders,
  RANKING_METHODS,
  type RankingMethod,
} from './prepare-recommenders.ts';
import {
  catalogueCoverage,
  mapAt7,
  ndcgAt,
  precisionAt,
  type RankedUser,
  recallAt,
} from './ranking-metrics.ts';

/** Options of the offline ranking evaluation. */
export interface EvaluateRecommendersOptions extends PrepareRecommendersOptions {
  /** Length of the lists coverage and suitability violations are counted on (default 5). */
  k?: number;
  /** The fairness-constrained re-ranking to measure before/after (default k 3, share 0.34); false skips it. */
  fairReranking?: RerankingConstraint | false;
}

/** One method's scores, averaged over the customers who adopted something new on or after the cut-off. */
export interface RankingMethodResult {
  method: RankingMethod;
  precisionAt3: number;
  recallAt5: number;
  ndcgAt5: number;
  mapAt7: number;
  /** Share of the catalogue shown in at least one top-k list. */
  coverage: number;
  /** Share of top-k recommended items that fail checkSuitability for their customer. */
  suitabilityViolationShare: number;
  /** Top-k items breaking each rule (an item can break several). */
  violationsByRule: Record<SuitabilityRule, number>;
  /** Items in all top-k lists (ours may return fewer than k when few products are suitable). */
  recommendedItems: number;
  usersEvaluated: number;
}

/** The whole comparison, with what it was run on. */
export interface RankingEvaluation {
  cutoff: string;
  k: number;
  seed: number;
  embedderId: string;
  neighbourSpace: string;
  customers: number;
  /** Adoptions dated on or after the cut-off of products not already held: the truth. */
  relevantAdoptions: number;
  usersEvaluated: number;
  methods: RankingMethodResult[];
  /** NDCG@5 and 18–24 DI before/after the fairness re-ranking; absent when skipped or in older runs. */
  fairReranking?: FairRerankingEvaluation;
  seconds: number;
}

/**
 * Ranks every customer who adopted a new product on or after the cut-off with ours and each baseline,
 * and scores the lists against those adoptions (P@3, R@5, NDCG@5, MAP@7, coverage, violations).
 * @example const evaluation = await evaluateRecommenders(await loadDataset('data'), { seed: 42 });
 */
export async function evaluateRecommenders(
  dataset: DatasetTables,
  options: EvaluateRecommendersOptions = {},
): Promise<RankingEvaluation> {
  const started = performance.now();
  const k = options.k ?? 5;
  const seed = options.seed ?? 42;
  const prepared = await prepareRecommenders(dataset, options);
  const truth = relevantAdoptions(dataset, prepared.cutoff, prepared.profiles);
  const evaluated = [...truth.keys()].sort((left, right) => left - right);
  const catalogIds = prepared.catalog.map((product) => product.id);
  const productById = new Map(prepared.catalog.map((product) => [product.id, product]));

  const rankings = new Map<RankingMethod, RankedUser[]>(RANKING_METHODS.map((method) => [method, []]));
  for (const index of evaluated) {
    const context = prepared.contextOf(index);
    const relevant = truth.get(index) ?? new Set<string>();
    for (const method of RANKING_METHODS) {
      rankings.get(method)?.push({ ranked: prepared.recommenders[method](context), relevant });
    }
  }

  const methods = RANKING_METHODS.map((method): RankingMethodResult => {
    const users = rankings.get(method) ?? [];
    const violationsByRule = Object.fromEntries(SUITABILITY_RULES.map((rule) => [rule, 0])) as Record<
      SuitabilityRule,
      number
    >;
    let recommendedItems = 0;
    let violatingItems = 0;
    users.forEach((user, position) => {
      const context = prepared.contextOf(evaluated[position] as number);
      for (const productId of user.ranked.slice(0, k)) {
        const product = productById.get(productId);
        if (product === undefined) continue;
        recommendedItems++;
        const verdict = checkSuitability(context.profile.customer, context.heldProductIds, product);
        if (verdict.suitable) continue;
        violatingItems++;
        for (const violation of verdict.violations) violationsByRule[violation.code]++;
      }
    });
    return {
      method,
      precisionAt3: mean(users.map((user) => precisionAt(user.ranked, user.relevant, 3))),
      recallAt5: mean(users.map((user) => recallAt(user.ranked, user.relevant, 5))),
      ndcgAt5: mean(users.map((user) => ndcgAt(user.ranked, user.relevant, 5))),
      mapAt7: mapAt7(users),
      coverage: catalogueCoverage(
        users.map((user) => user.ranked),
        catalogIds,
        k,
      ),
      suitabilityViolationShare: recommendedItems === 0 ? 0 : violatingItems / recommendedItems,
      violationsByRule,
      recommendedItems,
      usersEvaluated: users.length,
    };
  });

  const fairReranking =
    options.fairReranking === false
      ? undefined
      : evaluateFairReranking(
          prepared,
          truth,
          options.fairReranking ?? { k: DEFAULT_RECOMMENDATION_LIMIT, minimumShare: 0.34 },
        );
  return {
    ...(fairReranking === undefined ? {} : { fairReranking }),
    cutoff: prepared.cutoff,
    k,
    seed,
    embedderId: prepared.embedderId,
    neighbourSpace: prepared.neighbourSpace,
    customers: prepared.profiles.length,
    relevantAdoptions: [...truth.values()].reduce((sum, relevant) => sum + relevant.size, 0),
    usersEvaluated: evaluated.length,
    methods,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * The truth: per customer index, products adopted on or after the cut-off that were not held
 * before it. Customers with none are left out.
 */
function relevantAdoptions(
  dataset: DatasetTables,
  cutoff: string,
  profiles: readonly CustomerProfile[],
): Map<number, Set<string>> {
  const indexById = new Map(profiles.map((profile, index) => [profile.customer.customer_id, index]));
  const truth = new Map<number, Set<string>>();
  for (const adoption of splitByTime(dataset, cutoff).test.adoptions) {
    const index = indexById.get(adoption.customer_id);
    if (index === undefined) continue;
    if (profiles[index]?.aggregates.heldProductIds.includes(adoption.product_id)) continue;
    const relevant = truth.get(index) ?? new Set<string>();
    relevant.add(adoption.product_id);
    truth.set(index, relevant);
  }
  return truth;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
