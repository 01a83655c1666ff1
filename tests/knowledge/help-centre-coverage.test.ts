import { beforeAll, describe, expect, it } from 'vitest';
import { articlePassageDocument } from '../../knowledge/article-passage-document.ts';
import { INTENTS, type IntentKind, intentDefinition } from '../../knowledge/intents/taxonomy.ts';
import {
  ARTICLES_DIR,
  chunkArticle,
  type KnowledgeArticle,
  loadArticles,
} from '../../knowledge/knowledge-articles.ts';

/** Intent kinds answered from an article; the rest are answered by the recommender, own data or a fixed text. */
const ANSWERED_FROM_ARTICLES: readonly IntentKind[] = ['everyday', 'education', 'handoff'];

/**
 * Where each urgent intent is answered. A customer whose card is being used now must read the immediate steps
 * first, whichever of these passages retrieval picks.
 */
const URGENT_SECTIONS: Record<string, { article: string; section: string }[]> = {
  lost_or_stolen_card: [
    { article: 'lost-or-stolen-card', section: 'Freeze your card in the app straight away' },
    { article: 'lost-or-stolen-card', section: 'Report it immediately' },
  ],
  card_payment_not_recognised: [
    { article: 'payment-not-recognized', section: "A card payment you don't recognize" },
  ],
  cash_withdrawal_not_recognised: [
    { article: 'payment-not-recognized', section: "A cash withdrawal you don't recognize" },
  ],
  compromised_card: [{ article: 'payment-not-recognized', section: 'If your card may be compromised' }],
  lost_or_stolen_phone: [{ article: 'lost-or-stolen-phone', section: 'What to do straight away' }],
  fraud_or_scam: [{ article: 'avoiding-scams', section: "If you think you've been scammed" }],
};

const FREEZE = /\bfreez(?:e|ing)\b/i;
const CALL = /\bcall us\b/i;

/** The paragraphs under a `## ` heading (or before the first heading when `heading` is ''). */
function sectionText(article: KnowledgeArticle, heading: string): string | undefined {
  const chunks = chunkArticle(article).filter((chunk) => chunk.section === heading);
  if (chunks.length === 0) return undefined;
  return chunks.map((chunk) => chunk.text.slice(chunk.text.indexOf('\n\n') + 2)).join('\n\n');
}

function firstSentence(text: string): string {
  return /^[\s\S]*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
}

describe('the help centre', () => {
  let articles: KnowledgeArticle[] = [];
  beforeAll(async () => {
    articles = await loadArticles(ARTICLES_DIR);
  });

  it('answers every everyday, education and handoff intent of the taxonomy with at least one article', () => {
    const needed = INTENTS.filter((intent) => ANSWERED_FROM_ARTICLES.includes(intent.kind)).map(
      (intent) => intent.id,
    );
    // Banking77's 77, plus account_fees, fraud_or_scam, financial_education, human_handoff and complaint.
    expect(needed).toHaveLength(82);
    const covered = new Set(articles.flatMap((article) => article.intents));
    expect(needed.filter((intent) => !covered.has(intent))).toEqual([]);
  });

  it('maps every article to at least one intent, and only to intents an article can answer', () => {
    expect(articles.filter((article) => article.intents.length === 0).map((article) => article.id)).toEqual(
      [],
    );
    const misplaced = articles.flatMap((article) =>
      article.intents
        .filter(
          (intent) => !ANSWERED_FROM_ARTICLES.includes(intentDefinition(intent)?.kind ?? 'out_of_scope'),
        )
        .map((intent) => `${article.id}: ${intent}`),
    );
    expect(misplaced).toEqual([]);
  });

  it('tags education articles financial_education alone, and help-centre pages with no education intent', () => {
    const education = articles.filter((article) => article.intents.includes('financial_education'));
    expect(education.length).toBeGreaterThanOrEqual(14);
    expect(education.filter((article) => article.intents.length > 1).map((article) => article.id)).toEqual(
      [],
    );
    const helpCentre = articles.filter((article) => article.topics.includes('help centre'));
    expect(helpCentre.filter((article) => education.includes(article)).map((article) => article.id)).toEqual(
      [],
    );
  });

  it('stores every passage with the intents of its article', () => {
    for (const article of articles) {
      for (const chunk of chunkArticle(article)) {
        expect(chunk.intents, chunk.id).toEqual(article.intents);
        const stored = String(articlePassageDocument(chunk).metadata.intents);
        for (const intent of article.intents) expect(stored, chunk.id).toContain(`|${intent}|`);
      }
    }
  });

  it('names a section for every urgent intent, in an article tagged with it', () => {
    const urgent = INTENTS.filter((intent) => intent.urgent).map((intent) => intent.id);
    expect(Object.keys(URGENT_SECTIONS).sort()).toEqual([...urgent].sort());
    for (const [intent, sections] of Object.entries(URGENT_SECTIONS)) {
      for (const { article: articleId, section } of sections) {
        const article = articles.find((each) => each.id === articleId);
        expect(article?.intents, `${intent} in ${articleId}`).toContain(intent);
        expect(article && sectionText(article, section), `${articleId}: ${section}`).toBeDefined();
      }
    }
  });

  it('starts each urgent section with the immediate steps: freeze the card, call us', () => {
    const late = Object.values(URGENT_SECTIONS)
      .flat()
      .flatMap(({ article: articleId, section }) => {
        const article = articles.find((each) => each.id === articleId);
        const opening = firstSentence((article && sectionText(article, section)) ?? '');
        return FREEZE.test(opening) && CALL.test(opening) ? [] : [`${articleId}: ${section}: ${opening}`];
      });
    expect(late).toEqual([]);
  });

  it('opens every article about an urgent intent with the immediate steps, before anything else', () => {
    const urgentArticles = articles.filter((article) =>
      article.intents.some((intent) => intentDefinition(intent)?.urgent === true),
    );
    expect(urgentArticles.map((article) => article.id).sort()).toEqual([
      'avoiding-scams',
      'lost-or-stolen-card',
      'lost-or-stolen-phone',
      'payment-not-recognized',
    ]);
    const late = urgentArticles.flatMap((article) => {
      const opening = firstSentence(sectionText(article, '') ?? '');
      return FREEZE.test(opening) && CALL.test(opening) && /24\/7/.test(opening)
        ? []
        : [`${article.id}: ${opening}`];
    });
    expect(late).toEqual([]);
  });

  it('the first-sentence rule can fail: a section that starts elsewhere is reported', () => {
    const opening = firstSentence(
      'Criminals sometimes call after a card goes missing. Freeze your card and call us.',
    );
    expect(FREEZE.test(opening) && CALL.test(opening)).toBe(false);
  });
});
