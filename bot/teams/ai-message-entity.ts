import { type OutboundReply, sourceLabel } from '../core/index.ts';

/** Teams' limit for a citation's abstract. */
const ABSTRACT_LIMIT = 477;

/** One citation Teams shows as a numbered pill `[n]` in the message text, opening its abstract. */
export interface ClientCitation {
  '@type': 'Claim';
  position: number;
  appearance: { '@type': 'DigitalDocument'; name: string; abstract: string };
}

/** The schema.org Message entity that gives a reply the "AI generated" label and its citations. */
export interface AiMessageEntity {
  type: 'https://schema.org/Message';
  '@type': 'Message';
  '@context': 'https://schema.org';
  '@id': '';
  additionalType: ['AIGeneratedContent'];
  citation: ClientCitation[];
}

/**
 * The sources a reply was built from, numbered for Teams: the customer's profile first (when the turn was about
 * one), then each retrieved article section. Only what the reply carries is cited — never another customer.
 */
export function replyCitations(reply: Pick<OutboundReply, 'customerId' | 'sources'>): ClientCitation[] {
  const documents: { name: string; abstract: string }[] = [];
  if (reply.customerId) {
    documents.push({
      name: `Customer profile ${reply.customerId}`,
      abstract: `The bank's records for ${reply.customerId}: profile, holdings and transactions in the knowledge store.`,
    });
  }
  for (const source of reply.sources) {
    documents.push({ name: sourceLabel(source), abstract: `Help-centre article "${sourceLabel(source)}".` });
  }
  return documents.map((document, index) => ({
    '@type': 'Claim',
    position: index + 1,
    appearance: {
      '@type': 'DigitalDocument',
      name: document.name,
      abstract: document.abstract.slice(0, ABSTRACT_LIMIT),
    },
  }));
}

/** The reply text followed by its citation markers (`Sources: [1] [2]`), so Teams links each to its source. */
export function textWithCitationMarkers(text: string, citations: readonly ClientCitation[]): string {
  if (citations.length === 0) return text;
  const markers = citations.map((citation) => `[${citation.position}]`).join(' ');
  return `${text}\n\nSources: ${markers}`;
}

/** The "AI generated" label with the given citations (an empty list labels the message without pills). */
export function aiMessageEntity(citations: readonly ClientCitation[]): AiMessageEntity {
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    additionalType: ['AIGeneratedContent'],
    citation: [...citations],
  };
}
