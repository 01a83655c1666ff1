import { SPLIT_DATE } from '../../../knowledge/generate/index.ts';
import { buildCustomerProfiles, type DatasetTables } from '../../../knowledge/preprocess/index.ts';
import { spendingOf } from '../../../knowledge/profile-record.ts';
import type { Customer, Product } from '../../../knowledge/schemas.ts';
import {
  DEFAULT_RECOMMENDATION_LIMIT,
  fairRerank,
  type RecommendationInput,
  type RerankingConstraint,
  rankProducts,
} from '../../recommend/index.ts';
import { ageStrata, isYoungAdult } from './age-strata.ts';
import {
  bottomQuartileIncome,
  type FavourableOutcome,
  isFavourableProduct,
  laterAdopters,
  toAuditRow,
} from './audit-row.ts';
import type { AuditRow } from './fairness-report.ts';
import { DEFAULT_NEIGHBOURS, nearestNeighbourAdoptions } from './neighbour-adoptions.ts';

/** What to audit and as of when. */
export interface PopulationAuditOptions {
  /** Default 'investment_or_premium'. */
  favourable?: FavourableOutcome;
  /** YYYY-MM-DD: customers are profiled on history before it, and labelled by adoptions from it on (default SPLIT_DATE). */
  asOf?: string;
  /**
   * Nearest neighbours whose holdings feed the similar-customers score (default 20, as in the chat);
   * 0 ranks with empty neighbours, i.e. on the customer's own data only.
   */
  neighbours?: number;
  /**
   * The fairness-constrained re-ranking for 18–24-year-olds. Both orders are always audited (`rows` and
   * `rerankedRows`); `apply` says which one the chat serves, so which one the report leads with.
   */
  reranking?: RerankingConstraint & { apply: boolean };
}

/** The audit rows of a whole population, with how they were made. */
export interface PopulationAudit {
  /** What the chat serves: re-ranked when the re-ranking is applied, else the recommender's own order. */
  rows: AuditRow[];
  /** The recommender's own order. */
  originalRows: AuditRow[];
  /** The same customers with the fairness-constrained re-ranking applied to 18–24-year-olds. */
  rerankedRows: AuditRow[];
  reranking: RerankingConstraint & { apply: boolean };
  favourable: FavourableOutcome;
  asOf: string;
  neighbours: number;
}

/**
 * Ranks products for every customer, as the advisor chain would, and turns each top-3 into an
 * audit row. Neighbours come from an exact in-memory k-NN over standardised financial features
 * (never gender; see NEIGHBOUR_FEATURES) instead of the Chroma profile search, so the audit needs
 * no store and runs in seconds; there is no embedder either, so the content-match component is 0
 * for every product and every customer alike.
 * @example auditPopulation(await loadDataset('data'), { favourable: 'investment_or_premium' })
 */
export function auditPopulation(dataset: DatasetTables, options: PopulationAuditOptions): PopulationAudit {
  const asOf = options.asOf ?? SPLIT_DATE;
  const favourable = options.favourable ?? 'investment_or_premium';
  const k = options.neighbours ?? DEFAULT_NEIGHBOURS;
  const profiles = buildCustomerProfiles(dataset, { asOf });
  const candidates = profiles.map((profile) => ({
    customer: profile.customer,
    heldProductIds: profile.aggregates.heldProductIds,
  }));
  const neighbourhoods = nearestNeighbourAdoptions(candidates, k);
  const adopters = laterAdopters(dataset.adoptions, dataset.products, favourable, asOf);
  const threshold = bottomQuartileIncome(dataset.customers);
  const stratumOf = ageStrata(dataset.customers);
  const reranking = options.reranking ?? {
    apply: false,
    k: DEFAULT_RECOMMENDATION_LIMIT,
    minimumShare: 0.34,
  };
  const originalRows: AuditRow[] = [];
  const rerankedRows: AuditRow[] = [];
  profiles.forEach((profile, index) => {
    const { aggregates, customer } = profile;
    const neighbourhood = neighbourhoods[index] ?? { neighbourCount: 0, adoptions: new Map() };
    const input: RecommendationInput = {
      customer,
      heldProductIds: aggregates.heldProductIds,
      spending: spendingOf(aggregates),
      neighbourAdoptions: neighbourhood.adoptions,
      neighbourCount: neighbourhood.neighbourCount,
    };
    // Every suitable product in order, so the re-ranker can only reorder suitable ones.
    const suitable = rankProducts(input, dataset.products, { limit: dataset.products.length }).map(
      (recommendation) => recommendation.product,
    );
    const reordered = isYoungAdult(customer)
      ? fairRerank(suitable, (product) => isFavourableProduct(product, favourable), reranking)
      : suitable;
    const context = {
      outcome: favourable,
      bottomQuartileIncome: threshold,
      label: adopters.has(customer.customer_id),
    };
    const stratum = stratumOf(customer);
    originalRows.push({ ...toAuditRow(customer, suitable.slice(0, reranking.k), context), stratum });
    rerankedRows.push({ ...toAuditRow(customer, reordered.slice(0, reranking.k), context), stratum });
  });
  return {
    rows: reranking.apply ? rerankedRows : originalRows,
    originalRows,
    rerankedRows,
    reranking,
    favourable,
    asOf,
    neighbours: k,
  };
}

/** The parts of a logged turn the audit reads; bot/audit's AuditRecord has this shape. */
export interface LoggedTurn {
  customerId: string | null;
  recommendations: readonly { productId: string }[];
}

/** The tables the logged-replies audit reads: who the customers are, the catalogue, and later adoptions. */
export type LoggedTurnsTables = Pick<DatasetTables, 'customers' | 'products' | 'adoptions'>;

/** The audit rows of logged replies, and the turns that could not become one. */
export interface LoggedTurnsAudit {
  rows: AuditRow[];
  skipped: {
    /** Turns about no customer, or with no recommendation (e.g. a knowledge question). */
    noRecommendation: number;
    /** Turns about a customer who is not in the dataset. */
    unknownCustomer: number;
    /** Recommended product ids not in the dataset's catalogue (ignored; the turn still counts). */
    unknownProducts: number;
  };
}

/**
 * The same audit over replies actually given: one row per logged turn that recommended something,
 * joined by customer id to the customer's record. A customer asking twice counts twice, as two replies.
 */
export function auditLoggedTurns(
  turns: readonly LoggedTurn[],
  dataset: LoggedTurnsTables,
  options: Omit<PopulationAuditOptions, 'neighbours'> = {},
): LoggedTurnsAudit {
  const asOf = options.asOf ?? SPLIT_DATE;
  const favourable = options.favourable ?? 'investment_or_premium';
  const customers = new Map<string, Customer>(
    dataset.customers.map((customer) => [customer.customer_id, customer]),
  );
  const products = new Map<string, Product>(dataset.products.map((product) => [product.id, product]));
  const adopters = laterAdopters(dataset.adoptions, dataset.products, favourable, asOf);
  const threshold = bottomQuartileIncome(dataset.customers);
  const skipped = { noRecommendation: 0, unknownCustomer: 0, unknownProducts: 0 };
  const rows: AuditRow[] = [];
  for (const turn of turns) {
    if (turn.customerId === null || turn.recommendations.length === 0) {
      skipped.noRecommendation++;
      continue;
    }
    const customer = customers.get(turn.customerId);
    if (customer === undefined) {
      skipped.unknownCustomer++;
      continue;
    }
    const offered: Product[] = [];
    for (const recommendation of turn.recommendations) {
      const product = products.get(recommendation.productId);
      if (product) offered.push(product);
      else skipped.unknownProducts++;
    }
    rows.push(
      toAuditRow(customer, offered, {
        outcome: favourable,
        bottomQuartileIncome: threshold,
        label: adopters.has(customer.customer_id),
      }),
    );
  }
  return { rows, skipped };
}
