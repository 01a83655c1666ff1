import { z } from 'zod';
import { SPLIT_DATE } from '../../../knowledge/generate/index.ts';
import {
  buildCustomerProfiles,
  type DatasetTables,
  splitByTime,
} from '../../../knowledge/preprocess/index.ts';
import { parseProfileRecord, serializeProfileRecord } from '../../../knowledge/profile-record.ts';
import type { Product } from '../../../knowledge/schemas.ts';
import { createRandom, deriveSeed } from '../../../knowledge/seeded-random.ts';
import { recommendationInput } from '../../advisor-chain.ts';
import {
  checkSuitability,
  customerSegment,
  NEIGHBOUR_COUNT,
  PreferenceModel,
  type RecommendationInput,
  rankProducts,
} from '../../recommend/index.ts';
import { fitContentModel } from './content-model.ts';
import { regenerateHiddenNeeds } from './hidden-needs.ts';
import { createNeighbourIndex, standardisedProfileVectors } from './profile-neighbours.ts';
import { ndcgAt } from './ranking-metrics.ts';
import { sampleIndices } from './sample-indices.ts';

/** Where the simulated customers' true preferences came from. */
export const TRUTH_SOURCES = ['hidden-needs', 'held-out-adoptions'] as const;

/** One round of the simulation, with feedback learned and without. */
const FeedbackSimulationRound = z.object({
  round: z.number().int().min(1),
  ndcgWithFeedback: z.number(),
  ndcgWithoutFeedback: z.number(),
  /** Accepted products / products shown, in the round. */
  acceptanceWithFeedback: z.number(),
  acceptanceWithoutFeedback: z.number(),
  /** Share of shown products (with feedback) whose position learned feedback changed. */
  movedByFeedbackShare: z.number(),
  /** Share of shown products (with feedback) whose position the exploration bonus changed. */
  exploredShare: z.number(),
});

/** The feedback simulation's result, as saved with a bench run. */
export const FeedbackSimulation = z.object({
  truthSource: z.enum(TRUTH_SOURCES),
  /** Customers simulated: sampled among those with at least one suitable product they truly want. */
  customers: z.number().int(),
  k: z.number().int(),
  acceptProbability: z.number(),
  declineProbability: z.number(),
  seed: z.number(),
  cutoff: z.string(),
  rounds: z.array(FeedbackSimulationRound),
  seconds: z.number(),
});
/** A parsed feedback simulation result. */
export type FeedbackSimulation = z.output<typeof FeedbackSimulation>;

/** Options of the feedback simulation. */
export interface FeedbackSimulationOptions {
  /** Customers to simulate (default 1000), a seeded sample. */
  customers?: number;
  /** Rounds of recommend → respond → learn (default 6). */
  rounds?: number;
  /** Seeds the sample, the customers' responses and the LSA fit (default 42). */
  seed?: number;
  /** The seed the data was generated with, to re-derive hidden needs (default 42, the demo data's). */
  generatorSeed?: number;
  /** YYYY-MM-DD; the recommender sees only data before it (default SPLIT_DATE). */
  cutoff?: string;
  /** Chance a customer accepts a shown product they truly want (default 0.6). */
  acceptProbability?: number;
  /** Chance a customer declines a shown product they do not want (default 0.4). */
  declineProbability?: number;
  /** LSA dimensions of the content model (default 128, as the bench). */
  lsaDimensions?: number;
  /** Pseudo-customers segment means are shrunk with (default SEGMENT_PRIOR; a huge value turns segments off). */
  segmentPrior?: number;
}

/** List length shown to each simulated customer and scored with NDCG. */
const SHOWN = 5;
/** How many of a customer's most pressing hidden needs they would act on now. */
const PRESSING_NEEDS = 2;
/** Own-adjustment change per response, as the live "I'm interested" / declined buttons. */
const ACCEPTED = 0.5;
const DECLINED = -0.5;

/** One simulated customer: the recommender's input (without feedback), segment and true preferences. */
interface SimulatedCustomer {
  index: number;
  customerId: string;
  segment: string;
  input: RecommendationInput;
  wanted: ReadonlySet<string>;
}

/**
 * Simulates the feedback loop: a seeded sample of customers is shown our top 5 (rankProducts on
 * the same input the offline bench builds) for several rounds; each accepts a shown product they
 * truly want with acceptProbability and declines one they don't with declineProbability, and with
 * feedback a PreferenceModel learns from the responses (own, segment, exposure) before the next
 * round. True preferences are the generator's hidden needs (products serving one of the customer's
 * two most pressing needs) when the data regenerates from generatorSeed, else the held-out
 * adoptions after the cut-off. NDCG@5 is scored against them each round, with and without feedback.
 * @example const simulation = await simulateFeedback(await loadDataset('data'), { rounds: 6 });
 */
export async function simulateFeedback(
  dataset: DatasetTables,
  options: FeedbackSimulationOptions = {},
): Promise<FeedbackSimulation> {
  const started = performance.now();
  const settings = {
    customers: options.customers ?? 1000,
    rounds: options.rounds ?? 6,
    seed: options.seed ?? 42,
    cutoff: options.cutoff ?? SPLIT_DATE,
    acceptProbability: options.acceptProbability ?? 0.6,
    declineProbability: options.declineProbability ?? 0.4,
  };
  assertOptions(settings);
  const { catalog, truthSource, simulated } = await simulatedCustomers(dataset, settings, options);
  const model = new PreferenceModel(
    options.segmentPrior === undefined ? {} : { segmentPrior: options.segmentPrior },
  );
  const rounds: FeedbackSimulation['rounds'] = [];
  for (let round = 1; round <= settings.rounds; round++) {
    const withFeedback = playRound(simulated, catalog, settings, round, model);
    const withoutFeedback = playRound(simulated, catalog, settings, round, null);
    rounds.push({
      round,
      ndcgWithFeedback: withFeedback.ndcg,
      ndcgWithoutFeedback: withoutFeedback.ndcg,
      acceptanceWithFeedback: withFeedback.acceptance,
      acceptanceWithoutFeedback: withoutFeedback.acceptance,
      movedByFeedbackShare: withFeedback.movedShare,
      exploredShare: withFeedback.exploredShare,
    });
  }
  return {
    truthSource,
    customers: simulated.length,
    k: SHOWN,
    acceptProbability: settings.acceptProbability,
    declineProbability: settings.declineProbability,
    seed: settings.seed,
    cutoff: settings.cutoff,
    rounds,
    seconds: (performance.now() - started) / 1000,
  };
}

type Settings = {
  customers: number;
  rounds: number;
  seed: number;
  cutoff: string;
  acceptProbability: number;
  declineProbability: number;
};

/**
 * Ranks every simulated customer once (with the model's adjustments and exposure as they stood at
 * the start of the round, or with no feedback at all when `model` is null), scores the lists, then
 * draws the responses and, with a model, learns from them all at once.
 */
function playRound(
  simulated: readonly SimulatedCustomer[],
  catalog: readonly Product[],
  settings: Settings,
  round: number,
  model: PreferenceModel | null,
): { ndcg: number; acceptance: number; movedShare: number; exploredShare: number } {
  const exposure = model?.exposure();
  const shownLists = simulated.map((customer) =>
    rankProducts(
      model && exposure
        ? {
            ...customer.input,
            feedbackAdjustments: model.adjustmentsFor(customer.customerId, customer.segment),
            exposure,
          }
        : customer.input,
      catalog,
      { limit: SHOWN },
    ),
  );
  let ndcgSum = 0;
  let shown = 0;
  let accepted = 0;
  let moved = 0;
  let explored = 0;
  simulated.forEach((customer, position) => {
    const recommendations = shownLists[position] ?? [];
    const ids = recommendations.map((recommendation) => recommendation.product.id);
    ndcgSum += ndcgAt(ids, customer.wanted, SHOWN);
    model?.recordShown(ids);
    recommendations.forEach((recommendation, rank) => {
      shown++;
      if (recommendation.movedByFeedback) moved++;
      if (recommendation.explored) explored++;
      const draw = responseDraw(settings.seed, round, customer.index, rank);
      const wanted = customer.wanted.has(recommendation.product.id);
      if (wanted && draw < settings.acceptProbability) {
        accepted++;
        model?.record(customer.customerId, customer.segment, recommendation.product.id, ACCEPTED);
      } else if (!wanted && draw < settings.declineProbability) {
        model?.record(customer.customerId, customer.segment, recommendation.product.id, DECLINED);
      }
    });
  });
  const share = (count: number): number => (shown === 0 ? 0 : count / shown);
  return {
    ndcg: simulated.length === 0 ? 0 : ndcgSum / simulated.length,
    acceptance: share(accepted),
    movedShare: share(moved),
    exploredShare: share(explored),
  };
}

/** One uniform draw per (round, customer, list position), the same in both arms. */
function responseDraw(seed: number, round: number, customerIndex: number, rank: number): number {
  return createRandom(deriveSeed(deriveSeed(deriveSeed(seed, round), customerIndex), rank))();
}

/**
 * Builds what the recommender sees from data before the cut-off only (profiles, LSA content
 * similarity, profile-feature neighbours, as in the offline bench), and each sampled customer's truth.
 */
async function simulatedCustomers(
  dataset: DatasetTables,
  settings: Settings,
  options: FeedbackSimulationOptions,
): Promise<{
  catalog: Product[];
  truthSource: FeedbackSimulation['truthSource'];
  simulated: SimulatedCustomer[];
}> {
  const { train, test } = splitByTime(dataset, settings.cutoff);
  const catalog = [...train.products].sort((left, right) => (left.id < right.id ? -1 : 1));
  const profiles = buildCustomerProfiles(train);
  const needs = regenerateHiddenNeeds(
    profiles.map((profile) => profile.customer),
    options.generatorSeed ?? 42,
  );
  const adoptedLater = new Map<string, Set<string>>();
  for (const adoption of test.adoptions) {
    const products = adoptedLater.get(adoption.customer_id) ?? new Set<string>();
    products.add(adoption.product_id);
    adoptedLater.set(adoption.customer_id, products);
  }
  const wantedBy = profiles.map((profile) => {
    const { customer, aggregates } = profile;
    const held = aggregates.heldProductIds;
    const pressing = needs?.get(customer.customer_id)?.slice(0, PRESSING_NEEDS);
    const wanted = catalog.filter((product) => {
      if (held.includes(product.id)) return false;
      if (pressing === undefined) return adoptedLater.get(customer.customer_id)?.has(product.id) ?? false;
      return (
        product.tags.some((tag) => (pressing as readonly string[]).includes(tag)) &&
        checkSuitability(customer, held, product).suitable
      );
    });
    return new Set(wanted.map((product) => product.id));
  });
  const eligible = profiles.flatMap((_, index) => ((wantedBy[index]?.size ?? 0) > 0 ? [index] : []));
  const sample = sampleIndices(eligible.length, settings.customers, createRandom(settings.seed))
    .map((position) => eligible[position] as number)
    .sort((left, right) => left - right);

  const content = await fitContentModel(profiles, catalog, {
    seed: settings.seed,
    ...(options.lsaDimensions === undefined ? {} : { dimensions: options.lsaDimensions }),
  });
  const neighbours = createNeighbourIndex(
    standardisedProfileVectors(profiles),
    profiles.map((profile) => profile.aggregates.heldProductIds),
  );
  const simulated = sample.map((index): SimulatedCustomer => {
    const profile = profiles[index];
    if (profile === undefined) throw new RangeError(`No customer at index ${index}`);
    const customerId = profile.customer.customer_id;
    // The same record round trip and input the offline bench's hybridRecommender ranks.
    const record = parseProfileRecord(serializeProfileRecord(profile), customerId);
    return {
      index,
      customerId,
      segment: customerSegment(profile.customer),
      input: recommendationInput(record, {
        neighbours: neighbours.adoptionsNear(index, NEIGHBOUR_COUNT),
        productSimilarity: content.similarity(index),
      }),
      wanted: wantedBy[index] ?? new Set(),
    };
  });
  return { catalog, truthSource: needs === null ? 'held-out-adoptions' : 'hidden-needs', simulated };
}

function assertOptions(settings: Settings): void {
  const problems: string[] = [];
  if (!Number.isInteger(settings.customers) || settings.customers < 1) {
    problems.push(`customers must be a whole number ≥ 1, got ${settings.customers}`);
  }
  if (!Number.isInteger(settings.rounds) || settings.rounds < 1) {
    problems.push(`rounds must be a whole number ≥ 1, got ${settings.rounds}`);
  }
  for (const key of ['acceptProbability', 'declineProbability'] as const) {
    const value = settings[key];
    if (!(value >= 0 && value <= 1)) problems.push(`${key} must be in [0, 1], got ${value}`);
  }
  if (problems.length > 0) throw new RangeError(`simulateFeedback: ${problems.join('; ')}`);
}
