import { INVESTMENT_PRODUCT_TYPES, type Product } from '../../knowledge/schemas.ts';
import { type FixedTextReader, fixedText, replyLanguage } from '../compose/fixed-texts.ts';
import { productTypeLabel } from '../compose/product-type-labels.ts';
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
      return (context.language ?? 'en') === 'en'
        ? smallTalkReply(question)
        : fixedText(smallTalkKey(question), readerOf(context));
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

/** The reader and the customer come from the context; the composer's own sentences follow the reply language. */
function readerOf(context: AdviceContext): FixedTextReader {
  return {
    language: context.language ?? 'en',
    audience: context.audience,
    customerId: context.customer?.customer_id ?? null,
  };
}

function recommendationReply(context: AdviceContext): string {
  const reader = readerOf(context);
  if (!context.customer) {
    // Without a record nobody can be ranked; the advisor's wording asks for an id whoever reads it.
    return fixedText('which_customer', { ...reader, audience: 'advisor', customerId: null });
  }
  const advisor = context.audience === 'advisor';
  if (context.recommendations.length === 0) {
    const none = fixedText('recommendation_none', reader);
    return advisor ? none : `${none} ${fixedText('human_handoff_offer', reader)}`;
  }
  const lines = context.recommendations.map((recommendation, index) =>
    productLine(recommendation, index, reader),
  );
  const parts = [fixedText('recommendation_introduction', reader), lines.join('\n')];
  if (context.recommendations.some((item) => INVESTMENT_PRODUCT_TYPES.includes(item.product.type))) {
    parts.push(fixedText('risk_disclosure', reader));
  }
  parts.push(fixedText('recommendation_more_detail', reader));
  return parts.join('\n\n');
}

function productLine(recommendation: Recommendation, index: number, reader: FixedTextReader): string {
  const product = recommendation.product;
  const label = productTypeLabel(product.type, reader.language);
  const rate = product.rate ? ` ${rateSentence(product.rate, reader)}` : '';
  // The answer summarises; each product's card carries its reasons (repeating them here doubled every message).
  return `${index + 1}. ${product.name} (${label}).${rate}`;
}

function rateSentence(rate: NonNullable<Product['rate']>, reader: FixedTextReader): string {
  switch (rate.kind) {
    case 'monthly_premium':
      return fixedText('rate_monthly_premium', reader, { premium: `$${rate.value.toFixed(2)}` });
    case 'expected_return':
      return fixedText('rate_expected_return', reader, { rate: rate.value });
    case 'AER':
      return fixedText('rate_aer', reader, { rate: rate.value });
    case 'APR':
      return fixedText('rate_apr', reader, { rate: rate.value });
  }
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
  // The help centre is written in English: a German or Spanish reader is told so before the quoted text.
  const notice =
    replyLanguage(reader.language) === 'en' ? '' : `${fixedText('article_in_english', reader)}\n\n`;
  return `${notice}${introduction}\n\n${body}\n\n${fixedText('guide_closing', reader)}`;
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

/** Thanks, goodbye or a greeting, read in English, German or Spanish. */
function smallTalkKey(question: string): 'small_talk_thanks' | 'small_talk_goodbye' | 'small_talk_greeting' {
  if (
    /(?<!\p{L})(?:thanks|thank\s+you|danke|dankeschön|vielen\s+dank|gracias|muchas\s+gracias)(?!\p{L})/iu.test(
      question,
    )
  ) {
    return 'small_talk_thanks';
  }
  if (
    /(?<!\p{L})(?:bye|goodbye|tschüss|tschüs|auf\s+wiedersehen|adiós|adios|hasta\s+luego)(?!\p{L})/iu.test(
      question,
    )
  ) {
    return 'small_talk_goodbye';
  }
  return 'small_talk_greeting';
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
