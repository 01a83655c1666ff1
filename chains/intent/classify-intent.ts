import { screenInstructions } from '../../knowledge/preprocess/index.ts';
import type { AdviceIntent } from '../llm/chat-model.ts';

/** The classification of one message, with the evidence for it. */
export interface IntentDecision {
  intent: AdviceIntent;
  /** What decided it (for the audit log and tests). */
  because: string;
}

export interface IntentSignals {
  /** The user's message. */
  message: string;
  /** Similarity (0–1) of the best knowledge passage to the message. */
  bestPassageSimilarity: number;
  /** Set when a command (e.g. `/advise C-000042`) asked for recommendations outright. */
  explicitRecommendation?: boolean;
}

/** Below this similarity a knowledge passage is not treated as answering the question (calibrated on the help-centre set in tests). */
export const PASSAGE_SIMILARITY_THRESHOLD = 0.12;

const SMALL_TALK = [
  /^\s*(?:hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening)|greetings|yo)\b[\s!.,]*(?:there|bot|team)?[\s!.,]*$/i,
  /^\s*(?:thanks|thank\s+you|thx|cheers|much\s+appreciated|great,?\s+thanks?)\b[^?]{0,40}$/i,
  /^\s*(?:bye|goodbye|see\s+you|have\s+a\s+(?:good|nice)\s+(?:day|one))\b[^?]{0,30}$/i,
  /^\s*(?:how\s+are\s+you|how's\s+it\s+going|what'?s\s+up|who\s+are\s+you|what\s+(?:can|do)\s+you\s+do|are\s+you\s+(?:a\s+)?(?:bot|human|real))\b[^.]{0,30}\??\s*$/i,
  /^\s*(?:ok(?:ay)?|cool|great|nice|perfect|got\s+it|sounds\s+good)[\s!.]*$/i,
];

/** Requests that are plainly not banking, whatever words they share with an article. */
const OFF_TOPIC = [
  /\b(?:tell|know)\s+(?:me\s+)?(?:a|any|another)\s+(?:joke|riddle|story)\b/i,
  /\b(?:write|compose|make\s+up)\s+(?:me\s+)?(?:a|an|some)\s+(?:poem|song|story|essay|haiku|limerick|code|program)\b/i,
  /\b(?:weather|forecast|temperature\s+(?:today|tomorrow))\b/i,
  /\b(?:who\s+won|final\s+score|match\s+result|league\s+table)\b/i,
  /\b(?:restaurants?|movies?|films?|novels?|hotels?|tv\s+shows?|video\s+games?|songs?)\b/i,
  /\bmeaning\s+of\s+life\b|\bcapital\s+(?:city\s+)?of\b|\brecipe\b|\bhomework\b/i,
];

// "How do I save for …?" is a knowledge question the articles answer, so it is not listed here.
const RECOMMENDATION = [
  /\b(?:recommend|recommendation|suggest|suggestion|advise|advice|offer|propose)\w*\b/i,
  /\b(?:which|what|any|best|right|good|suitable)\s+(?:\w+\s+){0,2}(?:products?|accounts?|cards?|loans?|funds?|mortgages?|savings|insurance|policy|policies|investments?|options?|pensions?|plans?)\b/i,
  /\bshould\s+(?:i|they|he|she|we|the\s+customer)\s+(?:\w+\s+){0,2}(?:invest|open|get|take|apply|save|buy|switch|consolidate|consider)\b/i,
  /\b(?:next\s+best|cross-?sell|upsell|fit\s+for|suit(?:s|able)?\s+for|good\s+fit)\b/i,
  /\bwhat\s+(?:can|could|would)\s+(?:i|you|we)\s+(?:offer|sell|propose|do\s+for)\b/i,
];

/**
 * Decides what kind of reply a message needs. Injection attempts are caught first; then small talk,
 * requests for recommendations, questions the knowledge base answers, and everything else (out of scope).
 */
export function classifyIntent(signals: IntentSignals): IntentDecision {
  const screened = screenInstructions(signals.message);
  if (screened.flagged) {
    return {
      intent: 'manipulation',
      because: `instruction-like text: ${screened.matches.slice(0, 2).join('; ')}`,
    };
  }
  if (signals.explicitRecommendation) return { intent: 'recommendation', because: 'command' };
  const message = signals.message.trim();
  if (message.length <= 80 && SMALL_TALK.some((pattern) => pattern.test(message))) {
    return { intent: 'small_talk', because: 'greeting or pleasantry' };
  }
  const offTopic = OFF_TOPIC.find((pattern) => pattern.test(message));
  if (offTopic) return { intent: 'out_of_scope', because: 'not a banking request' };
  const recommendation = asksHowOrWhy(message)
    ? undefined
    : RECOMMENDATION.find((pattern) => pattern.test(message));
  if (recommendation)
    return { intent: 'recommendation', because: `asks for advice (${recommendation.source.slice(0, 30)}…)` };
  if (signals.bestPassageSimilarity >= PASSAGE_SIMILARITY_THRESHOLD) {
    return {
      intent: 'knowledge',
      because: `knowledge passage similarity ${signals.bestPassageSimilarity.toFixed(2)}`,
    };
  }
  return {
    intent: 'out_of_scope',
    because: `no passage above ${PASSAGE_SIMILARITY_THRESHOLD} (best ${signals.bestPassageSimilarity.toFixed(2)})`,
  };
}

/**
 * "How much should I save for retirement?" asks how something works (the articles answer it), unlike
 * "Which savings account should I open?"; a how/why question counts as a request for products only
 * when it names products or asks for a recommendation outright.
 */
function asksHowOrWhy(message: string): boolean {
  return (
    /^\s*(?:how|why)\b/i.test(message) &&
    !/\b(?:recommend|suggest|offer|products?|accounts?|cards?|funds?|loans?|mortgages?|policy|policies)\b/i.test(
      message,
    )
  );
}
