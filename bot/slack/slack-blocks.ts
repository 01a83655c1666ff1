import type { types } from '@slack/bolt';
import {
  type OutboundReply,
  type ProductCard,
  presentRiskOnce,
  providerBadgeText,
  sourceLabel,
} from '../core/index.ts';
import { productVoteActions, ratingActions } from './slack-feedback-blocks.ts';
import { escapeMrkdwn, markdownToMrkdwn } from './slack-mrkdwn.ts';

type KnownBlock = types.KnownBlock;
type SectionBlock = types.SectionBlock;
type ContextBlock = types.ContextBlock;

/** Slack rejects a message with more blocks than this. */
export const MAX_BLOCKS = 50;
/** Slack rejects a section (or text object) longer than this. */
export const MAX_SECTION_CHARACTERS = 3000;
const MAX_FALLBACK_CHARACTERS = 3000;

/**
 * Renders a core reply as Block Kit: the answer, one card per product (its reasons, whose feedback it had, and
 * "Interested" / "Not for me" buttons), the risk warning once, the sources, who wrote it, and the 👍/👎 buttons.
 */
export function toBlocks(reply: OutboundReply): KnownBlock[] {
  const { text, riskDisclosure } = presentRiskOnce(reply);
  const tail: KnownBlock[] = [
    // The risk warning once per message, after the products it is about.
    ...(riskDisclosure ? [context(`⚠️ ${escapeMrkdwn(riskDisclosure)}`)] : []),
    ...(reply.sources.length > 0 ? [sourcesBlock(reply.sources)] : []),
    context(providerBadge(reply)),
    ratingActions(reply.turnId),
  ];
  // One block stays free for the "more products" note, so the message never passes Slack's block limit.
  const room = MAX_BLOCKS - tail.length - 1;
  const blocks: KnownBlock[] = splitIntoSections(markdownToMrkdwn(text)).slice(0, room).map(section);
  let shown = 0;
  for (const product of reply.products) {
    const card = productBlocks(product, reply.turnId);
    if (blocks.length + card.length > room) break;
    blocks.push(...card);
    shown += 1;
  }
  const hidden = reply.products.length - shown;
  if (hidden > 0) {
    blocks.push(context(`…and ${hidden} more ${hidden === 1 ? 'product' : 'products'}; ask me about them.`));
  }
  return [...blocks, ...tail];
}

/** The notification and screen-reader text Slack shows where blocks cannot be rendered. */
export function fallbackText(reply: OutboundReply): string {
  const products = reply.products.map((product) => product.name);
  const answer = presentRiskOnce(reply).text;
  const text = products.length > 0 ? `${answer}\n\nSuggested: ${products.join(', ')}` : answer;
  return truncate(markdownToMrkdwn(text), MAX_FALLBACK_CHARACTERS);
}

/** The core's provider badge, escaped for mrkdwn so a model name cannot become a mention or a link. */
export function providerBadge(reply: Pick<OutboundReply, 'provider' | 'validator' | 'bias'>): string {
  return escapeMrkdwn(providerBadgeText(reply));
}

function productBlocks(product: ProductCard, turnId: string): KnownBlock[] {
  const lines = [`*${escapeMrkdwn(product.name)}* (${escapeMrkdwn(product.typeLabel)})`];
  if (product.reasons.length > 0) lines.push(bullets(product.reasons));
  if (product.feedbackNotes.length > 0)
    lines.push(`_${product.feedbackNotes.map(escapeMrkdwn).join(' · ')}._`);
  if (product.movedByFeedback) lines.push('_Ranked higher after earlier feedback._');
  if (product.explored) lines.push('_Shown partly to learn how it is received (rarely shown so far)._');
  const card: SectionBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(lines.join('\n'), MAX_SECTION_CHARACTERS) },
  };
  return [card, productVoteActions(product, turnId)];
}

function sourcesBlock(sources: OutboundReply['sources']): ContextBlock {
  const list = sources.map((source) => escapeMrkdwn(sourceLabel(source)));
  return context(`Sources: ${list.join(' · ')}`);
}

function section(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function context(text: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, MAX_SECTION_CHARACTERS) }] };
}

function bullets(lines: readonly string[]): string {
  return lines.map((line) => `• ${escapeMrkdwn(line)}`).join('\n');
}

/**
 * Splits already-escaped text into section-sized pieces, preferring line then word breaks and never cutting an
 * entity (`&amp;`) or a surrogate pair in half; blank text gives no pieces (Slack rejects empty sections).
 */
export function splitIntoSections(text: string, limit = MAX_SECTION_CHARACTERS): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    let end = limit;
    const lineBreak = rest.lastIndexOf('\n', end - 1);
    const space = rest.lastIndexOf(' ', end - 1);
    const natural = lineBreak > limit / 2 ? lineBreak : space;
    if (natural > limit / 2) {
      end = natural;
    } else {
      const ampersand = rest.lastIndexOf('&', end - 1);
      if (ampersand > end - '&amp;'.length && !rest.slice(ampersand, end).includes(';')) end = ampersand;
      if (/[\uD800-\uDBFF]/.test(rest.charAt(end - 1))) end -= 1;
    }
    pieces.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(end).trimStart();
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  const cut = text.slice(0, end);
  const ampersand = cut.lastIndexOf('&');
  const safe =
    ampersand > cut.length - '&amp;'.length && !cut.slice(ampersand).includes(';') ? ampersand : end;
  return `${text.slice(0, safe)}…`;
}
