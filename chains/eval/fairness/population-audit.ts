import { SPLIT_DATE } from '../../../knowledge/generate/index.ts';
import { buildCustomerProfiles, type DatasetTables } from '../../../knowledge/preprocess/index.ts';
import type { Customer, Product } from '../../../knowledge/schemas.ts';
import { type RecommendationInput, rankProducts } from '../../recommend/index.ts';
import { bottomQuartileIncome, type FavourableOutcome, laterAdopters, toAuditRow } from './audit-row.ts';
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
}

/** The audit rows of a whole population, with how they were made. */
export interface PopulationAudit {
  rows: AuditRow[];
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
  const rows = profiles.map((profile, index) => {
    const { aggregates, customer } = profile;
    const neighbourhood = neighbourhoods[index] ?? { neighbourCount: 0, adoptions: new Map() };
    const input: RecommendationInput = {
      customer,
      heldProductIds: aggregates.heldProductIds,
      spending: {
        monthlySpendByCategory: aggregates.monthlySpendByCategory,
        avgMonthlySpend: aggregates.avgMonthlySpend,
        savingsRatio: aggregates.savingsRatio,
        spendTrend: aggregates.spendTrend,
      },
      neighbourAdoptions: neighbourhood.adoptions,
      neighbourCount: neighbourhood.neighbourCount,
    };
    const offered = rankProducts(input, dataset.products).map((recommendation) => recommendation.product);
    return toAuditRow(customer, offered, {
      outcome: favourable,
      bottomQuartileIncome: threshold,
      label: adopters.has(customer.customer_id),
    });
  });
  return { rows, favourable, asOf, neighbours: k };
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
