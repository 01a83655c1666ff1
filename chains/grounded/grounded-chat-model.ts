import { PRODUCT_TYPE_LABELS } from '../../knowledge/index.ts';
import { INVESTMENT_PRODUCT_TYPES } from '../../knowledge/schemas.ts';
import { type FixedTextReader, fixedText } from '../compose/fixed-texts.ts';
import type {
  AdviceContext,
  AdvicePrompt,
  ChatModel,
  GenerateOptions,
  RetrievedPassage,
} from '../llm/chat-model.ts';
import type { Recommendation } from '../recommend/recommendation.ts';

/** The disclosure every reply naming an investment product carries. */
export const RISK_DISCLOSURE =
  'Please remember that the value of investments can go down as well as up, and you may get back less than you invest.';

/** The offer of a person, used whenever the assistant cannot fully help. */
export const HUMAN_HANDOFF = 'If you would like, I can connect you with one of our advisers.';

/** The advisor's counterpart of HUMAN_HANDOFF: the advisor is the person, so the step is theirs to take. */
export const ADVISOR_FOLLOW_UP = 'If the customer needs more, book a review with them.';

/** The closing offer of more help, worded for whoever reads the reply. */
export function followUpFor(audience: AdviceContext['audience']): string {
  return audience === 'customer' ? HUMAN_HANDOFF : ADVISOR_FOLLOW_UP;
}

const PASSAGE_LIMIT = 700;

/**
 * The deterministic provider: no LLM, a clear answer composed only from the ranked recommendations,
 * their reasons and the retrieved passages. Default whenever no model is reachable; also the fallback
 * when a model's reply fails validation twice.
 */
export class GroundedChatModel implements ChatModel {
  readonly provider = 'grounded';
  readonly model = 'grounded-composer-v1';

  async generate(prompt: AdvicePrompt, options: GenerateOptions = {}): Promise<string> {
    const text = composeGroundedReply(prompt.context, prompt.user);
    if (options.onToken) {
      for (const piece of text.match(/\S+\s*/g) ?? []) {
        if (options.signal?.aborted) break;
        options.onToken(piece);
      }
    }
    return text;
  }
}

/** Composes the reply for a context; pure, so every branch is testable. */
export function composeGroundedReply(context: AdviceContext, question = ''): string {
  switch (context.intent) {
    case 'recommendation':
      return recommendationReply(context);
    case 'knowledge':
      return knowledgeReply(context.passages, readerOf(context));
    case 'small_talk':
      return smallTalkReply(question);
    case 'manipulation':
      return (
        "I can't do that. I give guidance only from the bank's own information, and I can't change how I work, " +
        `approve applications or move money. For help with an application or a payment, a member of our team can help. ${followUpFor(context.audience)}`
      );
    case 'own_data':
      return fixedText('own_data_unavailable', readerOf(context));
    case 'handoff':
      return fixedText('human_handoff', readerOf(context));
    case 'clarify':
      return fixedText('clarifying_question', readerOf(context), { options: 'what you need' });
    case 'out_of_scope':
      return (
        "I'm sorry, I can't help with that here. I can answer questions about our products, cards, payments, fees " +
        `and managing money, and suggest products that fit a customer's profile. ${followUpFor(context.audience)}`
      );
  }
}

/** The composer writes English; the reader and the customer come from the context. */
function readerOf(context: AdviceContext): FixedTextReader {
  return { language: 'en', audience: context.audience, customerId: context.customer?.customer_id ?? null };
}

function recommendationReply(context: AdviceContext): string {
  const customer = context.customer;
  if (!customer) {
    return 'Which customer is this about? Send their customer id (for example C-000042) and I will rank the products that suit them.';
  }
  const advisor = context.audience === 'advisor';
  const id = customer.customer_id;
  const who = advisor ? `${id}'s` : 'your';
  if (context.recommendations.length === 0) {
    return (
      `I couldn't find a product in our range that suits ${who} profile right now, so I won't suggest one. ` +
      (advisor
        ? `Book a review with ${id} to look at the full picture.`
        : `An adviser can look at the full picture. ${HUMAN_HANDOFF}`)
    );
  }
  const lines = context.recommendations.map((recommendation, index) => productLine(recommendation, index));
  const parts = [`Based on ${who} profile, these products fit best:`, lines.join('\n')];
  if (context.recommendations.some((item) => INVESTMENT_PRODUCT_TYPES.includes(item.product.type))) {
    parts.push(fixedText('risk_disclosure', readerOf(context)));
  }
  parts.push(
    advisor
      ? 'These are ranked by suitability first; the reasons on each card are the facts that drove each one. ' +
          `Offer ${id} any of these that fit, or book a review with them to go through the full picture.`
      : `Would you like more detail on any of these? ${HUMAN_HANDOFF}`,
  );
  return parts.join('\n\n');
}

function productLine(recommendation: Recommendation, index: number): string {
  const product = recommendation.product;
  const label = PRODUCT_TYPE_LABELS[product.type];
  const rate = product.rate
    ? product.rate.kind === 'monthly_premium'
      ? ` Premiums from $${product.rate.value.toFixed(2)} a month.`
      : product.rate.kind === 'expected_return'
        ? ` Expected return around ${product.rate.value}% a year, not guaranteed.`
        : ` ${product.rate.value}% ${product.rate.kind}.`
    : '';
  // The answer summarises; each product's card carries its reasons (repeating them here doubled every message).
  return `${index + 1}. ${product.name} (${label}).${rate}`;
}

function knowledgeReply(passages: readonly RetrievedPassage[], reader: FixedTextReader): string {
  const best = passages[0];
  if (!best) return fixedText('no_guidance_found', reader);
  // The best passage and, when another of the same article also matched, that one too, in reading order.
  const sameArticle = passages.filter((passage) => passage.articleId === best.articleId).slice(0, 2);
  sameArticle.sort((a, b) => positionOf(a) - positionOf(b));
  const body = trimToSentence(
    sameArticle.map((passage) => stripHeading(passage.text)).join('\n\n'),
    PASSAGE_LIMIT,
  );
  const introduction = fixedText('guide_introduction', reader, { title: best.title });
  return `${introduction}\n\n${body}\n\n${fixedText('guide_closing', reader)}`;
}

function positionOf(passage: RetrievedPassage): number {
  return Number(passage.id.split('#')[1] ?? 0);
}

function smallTalkReply(question: string): string {
  if (/\b(?:thanks|thank\s+you|thx|cheers|appreciated)\b/i.test(question)) {
    return "You're welcome! Is there anything else I can help with?";
  }
  if (/\b(?:bye|goodbye|see\s+you|good\s+(?:day|one))\b/i.test(question)) {
    return 'Goodbye, and thanks for chatting. I am here whenever you need me.';
  }
  return (
    "Hello! I'm the bank's guidance assistant. I can explain our products, suggest ones that fit a customer's " +
    'profile, and answer questions about cards, payments, fees and saving. What can I help with?'
  );
}

/** Passages start with "Title — Section" and a blank line; the reply names the title itself. */
function stripHeading(text: string): string {
  const split = text.indexOf('\n\n');
  return (split >= 0 ? text.slice(split + 2) : text).trim();
}

function trimToSentence(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'));
  return end > limit / 2 ? cut.slice(0, end + 1) : `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}
