import { SPLIT_DATE } from '../../../knowledge/generate/index.ts';
import {
  buildCustomerProfiles,
  type CustomerProfile,
  type DatasetTables,
  splitByTime,
} from '../../../knowledge/preprocess/index.ts';
import type { Product } from '../../../knowledge/schemas.ts';
import {
  adoptionCounts,
  collaborativeRecommender,
  contentRecommender,
  popularityRecommender,
  randomRecommender,
} from './baselines.ts';
import { fitContentModel } from './content-model.ts';
import type { CustomerContext, Recommender } from './customer-context.ts';
import { hybridRecommender } from './hybrid-recommender.ts';
import { fitImplicitAls } from './implicit-als.ts';
import { createNeighbourIndex, standardisedProfileVectors } from './profile-neighbours.ts';

/** The methods the benchmark compares, ours first. */
export const RANKING_METHODS = ['ours', 'popularity', 'collaborative-als', 'content-lsa', 'random'] as const;
/** One of the compared methods. */
export type RankingMethod = (typeof RANKING_METHODS)[number];

/** Where ours finds similar customers: standardised numeric profile facts (default) or LSA profile vectors. */
export type NeighbourSpace = 'profile-features' | 'lsa';

/** What the methods are fitted on and how. */
export interface PrepareRecommendersOptions {
  /** YYYY-MM-DD; rows dated on or after it are invisible to every method (default SPLIT_DATE). */
  cutoff?: string;
  /** Seeds the random baseline, the ALS initialisation and the LSA fit (default 42). */
  seed?: number;
  /** LSA dimensions of the content model (default 128). */
  lsaDimensions?: number;
  /** Neighbour space for ours (default 'profile-features'). */
  neighbourSpace?: NeighbourSpace;
  /** How many products ours returns (default 7). */
  oursLimit?: number;
}

/** Every method, fitted on data strictly before the cut-off, plus the per-customer context they read. */
export interface PreparedRecommenders {
  cutoff: string;
  embedderId: string;
  neighbourSpace: NeighbourSpace;
  catalog: readonly Product[];
  /** Profiles as of the cut-off, in dataset customer order. */
  profiles: readonly CustomerProfile[];
  contextOf(index: number): CustomerContext;
  recommenders: Readonly<Record<RankingMethod, Recommender>>;
  /** Ours over every suitable product, best first (what the fairness re-ranking reorders). */
  allSuitable: Recommender;
}

/**
 * Splits at the cut-off first and hands only the train side to everything that ranks, so no
 * profile, holding, neighbour, popularity count or model can see an event on or after it.
 * @example const prepared = await prepareRecommenders(dataset, { cutoff: '2026-01-01' });
 */
export async function prepareRecommenders(
  dataset: DatasetTables,
  options: PrepareRecommendersOptions = {},
): Promise<PreparedRecommenders> {
  const cutoff = options.cutoff ?? SPLIT_DATE;
  const seed = options.seed ?? 42;
  const neighbourSpace = options.neighbourSpace ?? 'profile-features';
  const { train } = splitByTime(dataset, cutoff);
  const catalog = [...train.products].sort((left, right) => (left.id < right.id ? -1 : 1));
  const profiles = buildCustomerProfiles(train);
  const holdings = profiles.map((profile) => profile.aggregates.heldProductIds);

  const content = await fitContentModel(profiles, catalog, {
    seed,
    ...(options.lsaDimensions === undefined ? {} : { dimensions: options.lsaDimensions }),
  });
  const neighbourVectors =
    neighbourSpace === 'lsa' ? content.profileVectors : standardisedProfileVectors(profiles);
  const neighbours = createNeighbourIndex(neighbourVectors, holdings);
  const popularity = adoptionCounts(train.adoptions);
  const als = fitImplicitAls(
    holdings,
    catalog.map((product) => product.id),
    { seed },
  );

  return {
    cutoff,
    embedderId: content.embedderId,
    neighbourSpace,
    catalog,
    profiles,
    contextOf(index) {
      const profile = profiles[index];
      if (profile === undefined) throw new RangeError(`No customer at index ${index}`);
      return {
        index,
        profile,
        heldProductIds: profile.aggregates.heldProductIds,
        contentSimilarity: content.similarity(index),
      };
    },
    allSuitable: hybridRecommender(catalog, neighbours, { limit: catalog.length }),
    recommenders: {
      ours: hybridRecommender(catalog, neighbours, {
        ...(options.oursLimit === undefined ? {} : { limit: options.oursLimit }),
      }),
      popularity: popularityRecommender(catalog, popularity),
      'collaborative-als': collaborativeRecommender(catalog, als, popularity),
      'content-lsa': contentRecommender(catalog),
      random: randomRecommender(catalog, seed),
    },
  };
}
