import { fixedText, REPLY_LANGUAGES } from '../../chains/compose/fixed-texts.ts';
import type { OutboundReply } from './conversation-core.ts';

/** A product type as people read it in the reply language; the one table every channel's cards take it from. */
export { productTypeLabel } from '../../chains/compose/product-type-labels.ts';

/** The customer's risk warning in each reply language, as the grounded text carries it. */
const CUSTOMER_DISCLOSURES = REPLY_LANGUAGES.map((language) =>
  fixedText('risk_disclosure', { language, audience: 'customer' }),
);

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
  for (const disclosure of CUSTOMER_DISCLOSURES)
    if (reply.text.includes(disclosure)) disclosures.add(disclosure);
  let text = reply.text;
  for (const disclosure of disclosures) text = text.split(disclosure).join('');
  text = text.replace(/\n{3,}/g, '\n\n').trim();
  return { text, riskDisclosure: disclosures.size > 0 ? [...disclosures].join(' ') : null };
}

/**
 * Who wrote the reply and what the validator did, as plain text every channel escapes and shows under the answer.
 * Mistral is named only when an Ollama Mistral model really wrote it; any other model is named as the core reports it.
 */
export function providerBadgeText(reply: Pick<OutboundReply, 'provider' | 'validator' | 'bias'>): string {
  const { name, model } = reply.provider;
  const writer = name === 'ollama' && isMistral(model) ? 'Mistral (via Ollama)' : name;
  const parts = [`Written by ${writer}`, model, validatorLabel(reply.validator)];
  if (reply.bias.flagged) parts.push('bias guard replaced flagged wording');
  return parts.join(' · ');
}

function isMistral(model: string): boolean {
  const lastSegment = model.slice(model.lastIndexOf('/') + 1).toLowerCase();
  return /^mistral(?:$|[:\-_.])/.test(lastSegment);
}

function validatorLabel(validator: OutboundReply['validator']): string {
  if (!validator.ok) return 'validator rejected the draft; safe reply sent';
  if (validator.fellBack)
    return 'validated ✓ (the grounded composer answered after the model’s draft failed)';
  if (validator.repaired) return 'validated ✓ (after one repair)';
  return 'validated ✓';
}
