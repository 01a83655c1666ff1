import type { ProfileRecord } from '../../knowledge/index.ts';
import {
  clarifyingQuestion,
  type FixedTextKey,
  type FixedTextReader,
  fixedText,
  intentLabel,
  replyLanguage,
  withLanguageNotice,
} from '../compose/fixed-texts.ts';
import { guardReply } from '../guard/index.ts';
import type { AdviceContext, AdviceIntent, ChatModel, RetrievedPassage } from '../llm/index.ts';
import { ownDataGroundingText } from '../own-data/index.ts';
import { buildAdvicePrompt, SYSTEM_PROMPT } from '../prompt/advice-prompt.ts';
import type { ScoredPassage } from '../retrieve/retriever.ts';
import { afterPrefix, type ReplyStream, ShownReply } from '../streaming/reply-stream.ts';
import { sentencesOf } from '../streaming/sentence-splitter.ts';
import { composeWithValidation, type ValidatedReply } from '../validated-generation.ts';
import type { AdviceReply, AdvisorChainDependencies, RankedTurn, TurnRoute } from './turn.ts';

const FIXED_TEXT_PROVIDER = { name: 'grounded', model: 'fixed-text-v1' } as const;

/**
 * Steps 4 and 5: writes the reply for the route and validates/guards it. Refusals, declines, handoffs and
 * clarifying questions are fixed texts that never reach a model; articles, recommendations and small talk go
 * through the configured model with the validator and bias guard; urgent topics get the immediate steps first.
 * With `onToken`, fixed texts that open the reply (language notice, urgent steps) are shown at once and the model's
 * sentences follow as each passes validation; the channel's view always ends equal to the reply's text.
 */
export async function writeReply(
  turn: RankedTurn,
  dependencies: Pick<AdvisorChainDependencies, 'model' | 'grounded' | 'answerOwnData' | 'promissoryModel'>,
): Promise<AdviceReply> {
  const { route, understanding, request } = turn;
  const language = replyLanguage(understanding.language);
  // Every fixed text is worded for whoever reads it: the customer, or their advisor (who reads the customer's id).
  const reader: FixedTextReader = {
    language,
    audience: request.audience,
    customerId: turn.customer?.customerId ?? null,
  };
  const fixed = (key: FixedTextKey, params: Record<string, string> = {}) => fixedText(key, reader, params);
  const shown =
    request.onToken || request.onReplace ? new ShownReply(request.onToken, request.onReplace) : null;
  // Urgent: what to do right now comes before anything the article says (and a person is asked to follow up).
  const urgent =
    route.kind === 'article' && route.urgent
      ? `${fixed('urgent_steps_preface')}\n${fixed('urgent_steps')}\n\n`
      : '';
  // Fixed texts known before the answer is written; the final text is always prefix + answer.
  const prefix = withLanguageNotice(urgent, understanding.language);
  if (shown) for (const sentence of sentencesOf(prefix)) shown.release(sentence);
  const stream: Streaming = {
    ...(shown ? { stream: afterPrefix(shown, prefix) } : {}),
    checkRelevance: understanding.language === 'en',
  };
  let written: Written;
  switch (route.kind) {
    case 'manipulation':
      written = fixedReply('manipulation', fixed('manipulation_refusal'));
      break;
    case 'out_of_scope':
      written = fixedReply('out_of_scope', fixed('out_of_scope'));
      break;
    case 'handoff':
      written = {
        ...fixedReply('handoff', fixed(route.complaint ? 'complaint_acknowledgement' : 'human_handoff')),
        needsHuman: true,
      };
      break;
    case 'clarify': {
      const intents = route.options.map((option) => option.id);
      written = {
        ...fixedReply('clarify', clarifyingQuestion(intents, reader)),
        quickReplies: intents.map((intent) => intentLabel(intent, reader)),
      };
      break;
    }
    case 'own_data':
      written = await ownDataReply(turn, dependencies, fixed, stream);
      break;
    case 'article':
      written = await articleReply(turn, route, dependencies, fixed, stream);
      break;
    case 'recommendation':
    case 'small_talk':
      written = await generatedReply(turn, route.kind, turn.passages, dependencies, stream);
      break;
  }
  written = { ...written, text: prefix + written.text, needsHuman: written.needsHuman || urgent !== '' };
  shown?.settle(written.text);
  return finish(turn, written);
}

/** How a generated answer streams: where its sentences go, and whether the model's text must stay on topic. */
interface Streaming {
  stream?: ReplyStream;
  checkRelevance: boolean;
}

/** A reply before the timings and bookkeeping are added. */
interface Written extends Pick<ValidatedReply, 'text' | 'provider' | 'validator' | 'bias'> {
  intent: AdviceIntent;
  needsHuman: boolean;
  quickReplies: string[];
  sources: RetrievedPassage[];
}

function fixedReply(intent: AdviceIntent, text: string): Written {
  return {
    text,
    intent,
    needsHuman: false,
    quickReplies: [],
    sources: [],
    provider: FIXED_TEXT_PROVIDER,
    validator: { ok: true, issues: [], repaired: false, fellBack: false },
    bias: { flagged: false, reasons: [] },
  };
}

async function articleReply(
  turn: RankedTurn,
  route: Extract<TurnRoute, { kind: 'article' }>,
  dependencies: Pick<AdvisorChainDependencies, 'model' | 'grounded'>,
  fixed: (key: FixedTextKey, params?: Record<string, string>) => string,
  streaming: Streaming,
): Promise<Written> {
  return turn.passages.length === 0
    ? { ...fixedReply('knowledge', fixed('no_article', { topic: route.topic })), needsHuman: true }
    : await generatedReply(turn, 'knowledge', turn.passages, dependencies, streaming);
}

async function ownDataReply(
  turn: RankedTurn,
  dependencies: Pick<AdvisorChainDependencies, 'grounded' | 'answerOwnData' | 'promissoryModel'>,
  fixed: (key: FixedTextKey) => string,
  streaming: Streaming,
): Promise<Written> {
  const { customer, request } = turn;
  const answer =
    customer && dependencies.answerOwnData
      ? dependencies.answerOwnData(request.question, customer.record, {
          audience: request.audience,
          language: replyLanguage(turn.understanding.language),
        })
      : null;
  if (!answer) return fixedReply('own_data', fixed('own_data_unavailable'));
  // The computed answer is the text; it is still validated, with its own figures as grounded numbers.
  const computed = computedTextModel(answer.text, dependencies.grounded);
  const merchants = customer ? [ownDataGroundingText(customer.record)] : [];
  return await generatedReply(
    turn,
    'own_data',
    [],
    { model: computed, grounded: computed, promissoryModel: dependencies.promissoryModel },
    streaming,
    answer.figures,
    merchants,
  );
}

async function generatedReply(
  turn: RankedTurn,
  intent: AdviceIntent,
  scored: readonly ScoredPassage[],
  writers: Pick<AdvisorChainDependencies, 'model' | 'grounded' | 'promissoryModel'>,
  streaming: Streaming,
  extraFigures: readonly number[] = [],
  extraGroundingTexts: readonly string[] = [],
): Promise<Written> {
  const { request, customer, recommendations } = turn;
  const passages = scored.map(({ similarity: _similarity, ...passage }) => passage);
  const context: AdviceContext = {
    intent,
    audience: request.audience,
    language: replyLanguage(turn.understanding.language),
    customer: customer?.record.customer ?? null,
    recommendations,
    passages,
    similarCustomers: similarCustomersSummary(turn),
  };
  const { model, grounded, promissoryModel } = writers;
  const outcome = await composeWithValidation({
    prompt: buildAdvicePrompt(request.question, context, request.history),
    model,
    grounded,
    validation: {
      customer: customer?.record.customer ?? null,
      customerFigures: [...(customer ? customerFigures(customer.record) : []), ...extraFigures],
      catalog: turn.catalog,
      recommendedProductIds: recommendations.map((item) => item.product.id),
      groundingTexts: [
        ...passages.map((passage) => passage.text),
        ...recommendations.flatMap((item) => [item.reasons.join(' '), JSON.stringify(item.product)]),
        ...extraGroundingTexts,
      ],
      systemPrompt: SYSTEM_PROMPT,
      userMessage: request.question,
      untrustedTexts: [request.question, ...(customer ? [customer.text] : [])],
      otherPeopleNames: [],
      audience: request.audience,
      language: context.language,
      ...(promissoryModel ? { promissoryModel } : {}),
    },
    reader: {
      language: turn.understanding.language,
      audience: request.audience,
      customerId: customer?.customerId ?? null,
    },
    guardReply,
    ...streaming,
    ...(request.signal ? { signal: request.signal } : {}),
  });
  return {
    ...outcome,
    bias: {
      flagged: turn.rankBias.flagged || outcome.bias.flagged,
      reasons: [...turn.rankBias.reasons, ...outcome.bias.reasons],
    },
    intent,
    needsHuman: false,
    quickReplies: [],
    sources: passages,
  };
}

/** A "model" that returns an already computed text, so it passes through the same validator as any reply. */
function computedTextModel(text: string, grounded: ChatModel): ChatModel {
  return { provider: grounded.provider, model: 'own-data-v1', generate: async () => text };
}

function finish(turn: RankedTurn, written: Written): AdviceReply {
  const { customer, understanding, recommendations } = turn;
  const finished = performance.now();
  return {
    text: written.text,
    intent: written.intent,
    intentBecause: `${understanding.intent}: ${understanding.because}`,
    understanding: {
      intent: understanding.intent,
      confidence: understanding.confidence,
      language: understanding.language,
      flags: understanding.flags,
    },
    needsHuman: written.needsHuman,
    quickReplies: written.quickReplies,
    customerId: customer?.customerId ?? null,
    recommendations,
    sources: written.sources,
    retrievedDocIds: [
      ...(customer ? [customer.customerId] : []),
      ...turn.passages.map((passage) => passage.id),
      ...recommendations.map((item) => item.product.id),
    ],
    provider: written.provider,
    validator: written.validator,
    bias: written.bias,
    timings: {
      understandMs: turn.understoodAt - turn.started,
      retrieveMs: turn.retrievedAt - turn.understoodAt,
      rankMs: turn.rankedAt - turn.retrievedAt,
      generateMs: finished - turn.rankedAt,
      totalMs: finished - turn.started,
    },
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

function similarCustomersSummary(turn: RankedTurn): AdviceContext['similarCustomers'] {
  const { neighbourCount, adoptions } = turn.neighbours;
  if (neighbourCount === 0) return null;
  const topProducts = turn.recommendations
    .map((item) => ({
      productId: item.product.id,
      name: item.product.name,
      share: (adoptions.get(item.product.id) ?? 0) / neighbourCount,
    }))
    .filter((item) => item.share > 0);
  return { neighbourCount, topProducts };
}
