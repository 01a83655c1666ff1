import type { ProfileRecord } from '../../knowledge/index.ts';
import type { IntentDefinition } from '../../knowledge/intents/index.ts';
import type { Product } from '../../knowledge/schemas.ts';
import type { ReplyLanguage } from '../compose/fixed-texts.ts';
import type { BiasVerdict } from '../guard/index.ts';
import type { AdviceIntent, ChatModel, ChatTurn, ProviderName, RetrievedPassage } from '../llm/index.ts';
import type { FairRerankingConfig, Recommendation, RecommendationInput } from '../recommend/index.ts';
import type {
  CustomerDocument,
  NeighbourAdoptions,
  Retriever,
  ScoredPassage,
} from '../retrieve/retriever.ts';
import type { InjectionScreen, IntentModel, LanguageDetector, Understanding } from '../understand/index.ts';
import type { PromissoryModel } from '../validate/index.ts';
import type { ValidatorOutcome } from '../validated-generation.ts';

/** The chain step a turn has reached, announced at its start (Slack status, Teams progress, widget "thinking"). */
export type TurnProgress = 'understanding' | 'retrieving' | 'ranking' | 'writing';

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
  /** Receives the reply's text as whole sentences (with their trailing space), each only after it passed validation. */
  onToken?: (token: string) => void;
  /**
   * Everything shown so far for this reply is void: show exactly this text instead (a sentence failed validation
   * and the repair/grounded path completed the reply). Later `onToken` pieces append to it.
   */
  onReplace?: (text: string) => void;
  /** Called at the start of each chain step. */
  onProgress?: (step: TurnProgress) => void;
}

/** The chain's answer with everything the audit log and the channels need. */
export interface AdviceReply {
  text: string;
  intent: AdviceIntent;
  intentBecause: string;
  /** The trained understanding's intent id and calibrated confidence (audited). */
  understanding: Pick<Understanding, 'intent' | 'confidence' | 'language' | 'flags'>;
  /** The turn needs a person (urgent, handoff, complaint, or no guide for the topic). */
  needsHuman: boolean;
  /** Short answers a channel shows as buttons (the topics of a clarifying question). */
  quickReplies: string[];
  customerId: string | null;
  recommendations: Recommendation[];
  /** Article passages the reply was built from (the sources shown to the user). */
  sources: RetrievedPassage[];
  retrievedDocIds: string[];
  provider: { name: ProviderName; model: string };
  validator: ValidatorOutcome;
  bias: BiasVerdict;
  timings: { understandMs: number; retrieveMs: number; rankMs: number; generateMs: number; totalMs: number };
}

/**
 * What feedback taught the recommender about a customer: score adjustments (their own and their
 * segment's, product id → [−1, 1]) and how often each product has been shown (for exploration).
 * It gets the customer's stored record so a segment can be read from it without another lookup.
 */
export type FeedbackSource = (
  customer: ProfileRecord['customer'],
) => Pick<RecommendationInput, 'feedbackAdjustments' | 'exposure'>;

/** An own-data answer (contract 5): text, the exact figures it quotes, and its topic; null when it can't answer. */
export type OwnDataAnswerer = (
  question: string,
  record: ProfileRecord,
  options: { audience: 'customer' | 'advisor'; language?: ReplyLanguage; now?: Date },
) => { text: string; figures: number[]; topic: string } | null;

/** Everything the chain's steps use, injected once. */
export interface AdvisorChainDependencies {
  retriever: Retriever;
  /** The configured writer (Ollama/Mistral, llama.cpp, or the grounded composer). */
  model: ChatModel;
  /** The deterministic composer used when the model is unavailable or its reply fails validation twice. */
  grounded: ChatModel;
  /** The trained, calibrated intent model. */
  intents: IntentModel;
  /** Defaults to fastText language identification (chains/understand/detect-language.ts). */
  detectLanguage?: LanguageDetector;
  /** Defaults to the instruction-like-text rules; npm start passes the trained detector (rules + classifier). */
  injection?: InjectionScreen;
  /** The trained promissory-sentence classifier; without it the validator's patterns alone decide. */
  promissoryModel?: PromissoryModel;
  /** Answers questions about the customer's own money; without it the chain says it can't compute that yet. */
  answerOwnData?: OwnDataAnswerer;
  feedback?: FeedbackSource;
  /** Ranking function; replaceable so tests can prove the bias guard catches a biased ranker. */
  rank?: (input: RecommendationInput, catalog: readonly Product[]) => Recommendation[];
  /** The fairness-constrained re-ranking for 18–24-year-olds (FAIR_RERANKING); off when absent. */
  fairReranking?: FairRerankingConfig;
}

/** What a reply may contain, decided from the understanding alone. */
export type TurnRoute =
  | { kind: 'manipulation' }
  | { kind: 'clarify'; options: IntentDefinition[] }
  | { kind: 'article'; intents: string[]; urgent: boolean; topic: string }
  | { kind: 'recommendation' }
  | { kind: 'own_data' }
  | { kind: 'small_talk' }
  | { kind: 'handoff'; complaint: boolean }
  | { kind: 'out_of_scope' };

/** After the understand step. */
export interface UnderstoodTurn {
  request: AdviceRequest;
  started: number;
  understanding: Understanding;
  route: TurnRoute;
  understoodAt: number;
}

/** After the retrieve step. */
export interface RetrievedTurn extends UnderstoodTurn {
  customer: CustomerDocument | null;
  passages: ScoredPassage[];
  productSimilarity: Map<string, number>;
  neighbours: NeighbourAdoptions;
  catalog: Product[];
  retrievedAt: number;
}

/** After the rank step. */
export interface RankedTurn extends RetrievedTurn {
  recommendations: Recommendation[];
  rankBias: BiasVerdict;
  rankedAt: number;
}
