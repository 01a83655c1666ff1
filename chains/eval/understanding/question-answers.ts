import { intentDefinition } from '../../../knowledge/intents/index.ts';
import type { AdvisorChain } from '../../advisor-chain.ts';

/** One line of `--jsonl`: what the assistant would do with a question, through the real chain. */
export interface QuestionAnswer {
  text: string;
  intent: string;
  confidence: number;
  language: string;
  topic: string;
  articleTitle: string | null;
  products: string[];
  validator: { ok: boolean; issues: { reason: string; detail: string }[] };
  flags: {
    injection: boolean;
    urgent: boolean;
    clarify: boolean;
    outOfScope: boolean;
    needsHuman: boolean;
    quickReplies: string[];
    route: string;
  };
}

/** Runs one question through the chain (as an anonymous customer) and summarises the reply. */
export async function answerQuestion(chain: AdvisorChain, text: string): Promise<QuestionAnswer> {
  const reply = await chain.advise({ question: text, customerId: null, audience: 'customer', history: [] });
  return {
    text,
    intent: reply.understanding.intent,
    confidence: Number(reply.understanding.confidence.toFixed(4)),
    language: reply.understanding.language,
    topic: intentDefinition(reply.understanding.intent)?.label ?? reply.understanding.intent,
    articleTitle: reply.sources[0]?.title ?? null,
    products: reply.recommendations.map((item) => item.product.name),
    validator: { ok: reply.validator.ok, issues: reply.validator.issues },
    flags: {
      ...reply.understanding.flags,
      needsHuman: reply.needsHuman,
      quickReplies: reply.quickReplies,
      route: reply.intent,
    },
  };
}
