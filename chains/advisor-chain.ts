import { RunnableLambda, RunnableSequence } from '@langchain/core/runnables';
import type { InjectionDetector, ProfileRecord } from '../knowledge/index.ts';
import type { Product } from '../knowledge/schemas.ts';
import { ChainError } from './chain-error.ts';
import { type BiasVerdict, guardRecommendations, guardReply } from './guard/index.ts';
import {
  classifyIntent,
  type IntentDecision,
  PASSAGE_SIMILARITY_THRESHOLD,
} from './intent/classify-intent.ts';
import type {
  AdviceContext,
  AdviceIntent,
  ChatModel,
  ChatTurn,
  ProviderName,
  RetrievedPassage,
} from './llm/index.ts';
import { buildAdvicePrompt, SYSTEM_PROMPT } from './prompt/advice-prompt.ts';
import { type Recommendation, type RecommendationInput, rankProducts } from './recommend/index.ts';
import type { AdvisorRetriever, CustomerDocument, ScoredPassage } from './retrieve/advisor-retriever.ts';
import type { PromissoryModel } from './validate/index.ts';
import { composeWithValidation, type ValidatorOutcome } from './validated-generation.ts';

/** One question to the advisor chain, about at most one customer. */
export interface AdviceRequest {
  question: string;
  /** The customer the turn is about, already authorised by the caller; null when none was named. */
  customerId: string | null;
  audience: 'customer' | 'advisor';
  history: readonly ChatTurn[];
  /** A command such as `/advise` asked for recommendations outright. */
  explicitRecommendation?: boolean;
  signal?: AbortSignal;
  /** Receives the reply's text in pieces — only after it has passed the validator and the bias guard. */
  onToken?: (token: string) => void;
}

/** The chain's answer with everything the audit log and the channels need. */
export interface AdviceReply {
  text: string;
  intent: AdviceIntent;
  intentBecause: string;
  customerId: string | null;
  recommendations: Recommendation[];
  /** Article passages the reply was built from (the sources shown to the user). */
  sources: RetrievedPassage[];
  retrievedDocIds: string[];
  provider: { name: ProviderName; model: string };
  validator: ValidatorOutcome;
  bias: BiasVerdict;
  timings: { retrieveMs: number; rankMs: number; generateMs: number; totalMs: number };
}

/**
 * What feedback taught the recommender about a customer: score adjustments (their own and their
 * segment's, product id → [−1, 1]) and how often each product has been shown (for exploration).
 * It gets the customer's stored record so a segment can be read from it without another lookup.
 */
export type FeedbackSource = (
  customer: ProfileRecord['customer'],
) => Pick<RecommendationInput, 'feedbackAdjustments' | 'exposure'>;

export interface AdvisorChainDependencies {
  retriever: AdvisorRetriever;
  /** The configured writer (Ollama/Mistral, llama.cpp, or the grounded composer). */
  model: ChatModel;
  /** The deterministic composer used when the model is unavailable or its reply fails validation twice. */
  grounded: ChatModel;
  feedback?: FeedbackSource;
  /** Ranking function; replaceable so tests can prove the bias guard catches a biased ranker. */
  rank?: (input: RecommendationInput, catalog: readonly Product[]) => Recommendation[];
  /** Flags manipulation in the customer's message (rules, or rules plus the trained classifier). */
  injectionDetector?: InjectionDetector;
  /** The trained promissory-sentence classifier; without it the validator's patterns alone decide. */
  promissoryModel?: PromissoryModel;
}

interface Retrieved {
  request: AdviceRequest;
  started: number;
  customer: CustomerDocument | null;
  passages: ScoredPassage[];
  decision: IntentDecision;
  productSimilarity: Map<string, number>;
  neighbours: { neighbourCount: number; adoptions: Map<string, number> };
  catalog: Product[];
  retrievedAt: number;
}

interface Ranked extends Retrieved {
  recommendations: Recommendation[];
  rankBias: BiasVerdict;
  rankedAt: number;
}

const NO_NEIGHBOURS = { neighbourCount: 0, adoptions: new Map<string, number>() };

/**
 * The advisor chain as LangChain runnables: retrieve (scoped) → rank (suitability + hybrid score, bias-guarded)
 * → generate → validate (repair once, else grounded fallback) → guard the wording.
 */
export class AdvisorChain {
  private readonly sequence: RunnableSequence<AdviceRequest, AdviceReply>;

  constructor(private readonly dependencies: AdvisorChainDependencies) {
    this.sequence = RunnableSequence.from<AdviceRequest, AdviceReply>([
      RunnableLambda.from((request: AdviceRequest) => this.retrieve(request)),
      RunnableLambda.from((retrieved: Retrieved) => this.rank(retrieved)),
      RunnableLambda.from((ranked: Ranked) => this.generate(ranked)),
    ]);
  }

  /** Which model writes replies (shown in every reply's metadata). */
  get provider(): { name: ProviderName; model: string } {
    return { name: this.dependencies.model.provider, model: this.dependencies.model.model };
  }

  /** Answers one request. */
  async advise(request: AdviceRequest): Promise<AdviceReply> {
    return await this.sequence.invoke(request, request.signal ? { signal: request.signal } : {});
  }

  private async retrieve(request: AdviceRequest): Promise<Retrieved> {
    const started = performance.now();
    const { retriever } = this.dependencies;
    const questionVector = await retriever.embedQuestion(request.question);
    const [customer, passages] = await Promise.all([
      request.customerId ? retriever.customer(request.customerId) : Promise.resolve(null),
      retriever.passages(request.question, questionVector, 3),
    ]);
    if (request.customerId && !customer) {
      throw new ChainError('INVALID_INPUT', `There is no customer ${request.customerId} in the store.`);
    }
    const decision = classifyIntent({
      message: request.question,
      bestPassageSimilarity: passages[0]?.similarity ?? 0,
      explicitRecommendation: request.explicitRecommendation ?? false,
    });
    const wantsProducts = decision.intent === 'recommendation' && customer !== null;
    const [productSimilarity, neighbours, catalog] = await Promise.all([
      wantsProducts && customer ? retriever.productSimilarity(customer.vector) : Promise.resolve(new Map()),
      wantsProducts && customer ? retriever.neighbourAdoptions(customer) : Promise.resolve(NO_NEIGHBOURS),
      retriever.catalog(),
    ]);
    return {
      request,
      started,
      customer,
      passages,
      decision,
      productSimilarity,
      neighbours,
      catalog,
      retrievedAt: performance.now(),
    };
  }

  private rank(retrieved: Retrieved): Ranked {
    const { customer, decision } = retrieved;
    if (decision.intent !== 'recommendation' || !customer) {
      return {
        ...retrieved,
        recommendations: [],
        rankBias: { flagged: false, reasons: [] },
        rankedAt: performance.now(),
      };
    }
    const rank = this.dependencies.rank ?? ((input, catalog) => rankProducts(input, catalog));
    const input = recommendationInput(customer.record, retrieved, this.dependencies.feedback);
    const verdict = guardRecommendations((candidate) => rank(candidate, retrieved.catalog), input);
    return {
      ...retrieved,
      recommendations: verdict.recommendations,
      rankBias: { flagged: verdict.flagged, reasons: verdict.reasons },
      rankedAt: performance.now(),
    };
  }

  private async generate(ranked: Ranked): Promise<AdviceReply> {
    const { request, customer, decision, recommendations } = ranked;
    const passages = relevantPassages(decision.intent, ranked.passages);
    const context: AdviceContext = {
      intent: decision.intent,
      audience: request.audience,
      customer: customer?.record.customer ?? null,
      recommendations,
      passages,
      similarCustomers: similarCustomersSummary(ranked),
    };
    const prompt = buildAdvicePrompt(request.question, context, request.history);
    const outcome = await composeWithValidation({
      prompt,
      model: this.dependencies.model,
      grounded: this.dependencies.grounded,
      validation: {
        customer: customer?.record.customer ?? null,
        customerFigures: customer ? customerFigures(customer.record) : [],
        catalog: ranked.catalog,
        recommendedProductIds: recommendations.map((item) => item.product.id),
        groundingTexts: [
          ...passages.map((passage) => passage.text),
          ...recommendations.flatMap((item) => [item.reasons.join(' '), JSON.stringify(item.product)]),
        ],
        systemPrompt: SYSTEM_PROMPT,
        userMessage: request.question,
        untrustedTexts: [request.question, ...(customer ? [customer.text] : [])],
        otherPeopleNames: [],
        ...(this.dependencies.promissoryModel ? { promissoryModel: this.dependencies.promissoryModel } : {}),
      },
      guardReply,
      ...(request.signal ? { signal: request.signal } : {}),
    });
    if (request.onToken) {
      for (const piece of outcome.text.match(/\S+\s*/g) ?? []) request.onToken(piece);
    }
    const finished = performance.now();
    return {
      text: outcome.text,
      intent: decision.intent,
      intentBecause: decision.because,
      customerId: customer?.customerId ?? null,
      recommendations,
      sources: passages,
      retrievedDocIds: [
        ...(customer ? [customer.customerId] : []),
        ...ranked.passages.map((passage) => passage.id),
        ...recommendations.map((item) => item.product.id),
      ],
      provider: outcome.provider,
      validator: outcome.validator,
      bias: {
        flagged: ranked.rankBias.flagged || outcome.bias.flagged,
        reasons: [...ranked.rankBias.reasons, ...outcome.bias.reasons],
      },
      timings: {
        retrieveMs: ranked.retrievedAt - ranked.started,
        rankMs: ranked.rankedAt - ranked.retrievedAt,
        generateMs: finished - ranked.rankedAt,
        totalMs: finished - ranked.started,
      },
    };
  }
}

/** Builds the recommender's input from the customer's own stored record and aggregated neighbour counts. */
export function recommendationInput(
  record: ProfileRecord,
  retrieved: Pick<Retrieved, 'neighbours' | 'productSimilarity'>,
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

/** Every figure of the customer's own record that a reply may quote. */
export function customerFigures(record: ProfileRecord): number[] {
  const spending = record.spending;
  return [
    ...Object.values(spending.monthlySpendByCategory),
    spending.avgMonthlySpend,
    spending.avgMonthlySpend * 12,
    ...(spending.savingsRatio === null ? [] : [spending.savingsRatio * 100]),
    spending.spendTrend * 100,
    record.customer.income / 12,
  ];
}

function relevantPassages(intent: AdviceIntent, passages: readonly ScoredPassage[]): RetrievedPassage[] {
  const strip = ({ similarity: _similarity, ...passage }: ScoredPassage): RetrievedPassage => passage;
  if (intent === 'knowledge')
    return passages.filter((p) => p.similarity >= PASSAGE_SIMILARITY_THRESHOLD).map(strip);
  return [];
}

function similarCustomersSummary(ranked: Ranked): AdviceContext['similarCustomers'] {
  const { neighbourCount, adoptions } = ranked.neighbours;
  if (neighbourCount === 0) return null;
  const topProducts = ranked.recommendations
    .map((item) => ({
      productId: item.product.id,
      name: item.product.name,
      share: (adoptions.get(item.product.id) ?? 0) / neighbourCount,
    }))
    .filter((item) => item.share > 0);
  return { neighbourCount, topProducts };
}
