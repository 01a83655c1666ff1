import type { Customer } from '../../knowledge/schemas.ts';
import type { ReplyLanguage } from '../compose/fixed-texts.ts';
import type { Recommendation } from '../recommend/recommendation.ts';

/** What the user is asking for, as the chain classified it; decides what the reply may contain. */
export type AdviceIntent =
  | 'recommendation'
  | 'knowledge'
  | 'own_data'
  | 'small_talk'
  | 'handoff'
  | 'clarify'
  | 'out_of_scope'
  | 'manipulation';

/** A knowledge-article passage retrieved for this turn. */
export interface RetrievedPassage {
  id: string;
  articleId: string;
  title: string;
  section: string;
  text: string;
  /** Taxonomy intents the passage's article answers (empty in a store ingested before articles named them). */
  intents: string[];
}

/** Everything a reply may be built from: the structured facts behind the rendered prompt. */
export interface AdviceContext {
  intent: AdviceIntent;
  /** Who reads the reply: the customer themself ("you") or a bank advisor ("this customer"). */
  audience: 'customer' | 'advisor';
  /** The language the reply's own sentences and risk warning are written in (English when unset). */
  language?: ReplyLanguage;
  /** The one customer this turn is about (null when the asker named nobody, e.g. an advisor's general question). */
  customer: Customer | null;
  recommendations: readonly Recommendation[];
  passages: readonly RetrievedPassage[];
  /** Aggregated signal from similar customers — never another customer's raw data. */
  similarCustomers: {
    neighbourCount: number;
    topProducts: { productId: string; name: string; share: number }[];
  } | null;
}

/** One chat turn of history. */
export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** A prompt for a chat model: system text, history, the user's message with its rendered context, and the facts. */
export interface AdvicePrompt {
  system: string;
  history: readonly ChatTurn[];
  /** The final user message as sent to an LLM (question plus the rendered context block). */
  user: string;
  /** The structured facts the rendered text came from (the grounded provider composes from these). */
  context: AdviceContext;
}

export interface GenerateOptions {
  signal?: AbortSignal;
  /** Receives text as it is produced, for streaming to the channel. */
  onToken?: (token: string) => void;
}

/** Which kind of model wrote a reply; shown in every reply's metadata. */
export type ProviderName = 'ollama' | 'llamacpp' | 'grounded';

/**
 * A text generator behind one small interface: Mistral via Ollama, an embedded GGUF model, or the
 * deterministic grounded composer. `model` names exactly what wrote the text (never "mistral" unless it was).
 */
export interface ChatModel {
  readonly provider: ProviderName;
  readonly model: string;
  generate(prompt: AdvicePrompt, options?: GenerateOptions): Promise<string>;
}
