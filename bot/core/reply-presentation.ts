import { RISK_DISCLOSURE } from '../../chains/grounded/grounded-chat-model.ts';
import { PRODUCT_TYPE_LABELS } from '../../knowledge/index.ts';
import type { OutboundReply } from './conversation-core.ts';

/** A product type as people read it ("credit card"), the same in every channel. */
export function productTypeLabel(type: string): string {
  const labels: Readonly<Record<string, string>> = PRODUCT_TYPE_LABELS;
  return Object.hasOwn(labels, type) ? (labels[type] ?? type) : type.replace(/_/g, ' ');
}

/** "Title — Section", or just the title when the section is empty (never a dangling dash). */
export function sourceLabel(source: Pick<OutboundReply['sources'][number], 'title' | 'section'>): string {
  const section = source.section.trim();
  return section ? `${source.title.trim()} — ${section}` : source.title.trim();
}

/**
 * What every channel shows of a reply's risk warning: exactly once per message. The answer text loses its copy
 * of the disclosure and the message carries it once, after the products, whenever the text or any card needs it.
 */
export function presentRiskOnce(reply: Pick<OutboundReply, 'text' | 'products'>): {
  text: string;
  riskDisclosure: string | null;
} {
  const disclosures = new Set(
    reply.products.flatMap((product) => (product.riskDisclosure ? [product.riskDisclosure] : [])),
  );
  if (reply.text.includes(RISK_DISCLOSURE)) disclosures.add(RISK_DISCLOSURE);
  let text = reply.text;
  for (const disclosure of disclosures) text = text.split(disclosure).join('');
  text = text.replace(/\n{3,}/g, '\n\n').trim();
  return { text, riskDisclosure: disclosures.size > 0 ? [...disclosures].join(' ') : null };
}
