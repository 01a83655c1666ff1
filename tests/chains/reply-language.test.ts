import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentRiskOnce } from '../../bot/core/reply-presentation.ts';
import { fixedText } from '../../chains/compose/fixed-texts.ts';
import { productTypeLabel } from '../../chains/compose/product-type-labels.ts';
import { INVESTMENT_PRODUCT_TYPES } from '../../knowledge/schemas.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../support/advisor-fixture.ts';

/** Through the real chain (real Chroma, real intent model, fastText language identification), grounded provider. */
describe('the reply follows the customer’s language: risk warning, recommendation text, help-centre notice', () => {
  let fixture: AdvisorFixture;
  beforeAll(async () => {
    fixture = await createAdvisorFixture(200);
  });
  afterAll(async () => {
    await fixture?.dispose();
  });

  /** The first generated customer whose ranking holds an investment product (seeded data, so always the same). */
  async function customerWithInvestment(question: string): Promise<string> {
    for (let index = 1; index <= 60; index += 1) {
      const customerId = `C-${String(index).padStart(6, '0')}`;
      const reply = await fixture.chain().advise({ question, customerId, audience: 'customer', history: [] });
      if (reply.recommendations.some((item) => INVESTMENT_PRODUCT_TYPES.includes(item.product.type))) {
        return customerId;
      }
    }
    throw new Error('no customer among the first 60 is recommended an investment product');
  }

  it.each([
    ['de', 'Welche Produkte können Sie mir empfehlen?'],
    ['es', '¿Qué productos me recomienda?'],
  ] as const)(
    'a %s product recommendation ends with that language’s disclosure and passes validation',
    async (language, question) => {
      const customerId = await customerWithInvestment(question);
      const reply = await fixture.chain().advise({ question, customerId, audience: 'customer', history: [] });
      const reader = { language, audience: 'customer' } as const;
      expect(reply.understanding.language).toBe(language);
      expect(reply.intent).toBe('recommendation');
      expect(reply.validator).toMatchObject({ ok: true, repaired: false, fellBack: false });
      expect(reply.text.startsWith(fixedText('recommendation_introduction', reader))).toBe(true);
      const disclosure = fixedText('risk_disclosure', reader);
      expect(reply.text).toContain(`\n\n${disclosure}\n\n`);
      expect(reply.text.endsWith(fixedText('recommendation_more_detail', reader))).toBe(true);
      expect(reply.text).not.toContain(
        fixedText('risk_disclosure', { language: 'en', audience: 'customer' }),
      );
      for (const item of reply.recommendations) {
        expect(reply.text).toContain(
          `${item.product.name} (${productTypeLabel(item.product.type, language)}).`,
        );
      }
    },
  );

  it('an advisor asking in German gets the German advisor disclosure about the customer by id', async () => {
    const question = 'Welche Produkte können Sie mir empfehlen?';
    const customerId = await customerWithInvestment(question);
    const reply = await fixture
      .chain()
      // As `/advise` sends it: the route is fixed, so this is about the wording, not the intent model.
      .advise({
        question: 'Welche Produkte passen zu diesem Kunden?',
        customerId,
        audience: 'advisor',
        history: [],
        explicitRecommendation: true,
      });
    expect(reply.understanding.language).toBe('de');
    expect(reply.intent).toBe('recommendation');
    expect(reply.validator.ok).toBe(true);
    expect(reply.text).toContain(
      fixedText('risk_disclosure', { language: 'de', audience: 'advisor', customerId }),
    );
  });

  it('the core puts the same German disclosure on the investment cards and the stored reply', async () => {
    const question = 'Welche Produkte können Sie mir empfehlen?';
    const customerId = await customerWithInvestment(question);
    const actor = { channel: 'web', userId: `web:${customerId}`, role: 'customer', customerId } as const;
    const reply = await fixture.core().handle({ threadId: 'reply-language-core', actor, text: question });
    const disclosure = fixedText('risk_disclosure', { language: 'de', audience: 'customer', customerId });
    const investments = reply.products.filter((product) => product.riskDisclosure !== null);
    expect(investments.length).toBeGreaterThan(0);
    for (const product of investments) expect(product.riskDisclosure).toBe(disclosure);
    expect(reply.text).toContain(disclosure);
    // Every channel shows it once, under the products, and not again in the answer text.
    const shown = presentRiskOnce(reply);
    expect(shown.riskDisclosure).toBe(disclosure);
    expect(shown.text).not.toContain(disclosure);
    // The audit record keeps the reply's language (the history redraws the turn's cards in it).
    const [stored] = await fixture.audit.turns({ actorId: actor.userId, latest: 1 });
    expect(stored?.replyLanguage).toBe('de');
  });

  it('a German help-centre answer says first, in German, that the guide is in English', async () => {
    const reply = await fixture.chain().advise({
      question: 'Meine Karte ist immer noch nicht angekommen',
      customerId: null,
      audience: 'customer',
      history: [],
    });
    const reader = { language: 'de', audience: 'customer' } as const;
    expect(reply.understanding.language).toBe('de');
    expect(reply.intent).toBe('knowledge');
    expect(reply.validator.ok).toBe(true);
    const title = reply.sources[0]?.title ?? '';
    expect(
      reply.text.startsWith(
        `${fixedText('article_in_english', reader)}\n\n${fixedText('guide_introduction', reader, { title })}\n\n`,
      ),
    ).toBe(true);
    expect(reply.text.endsWith(fixedText('guide_closing', reader))).toBe(true);
  });

  it('a German question about the customer’s own spending is answered in German and validated', async () => {
    const reply = await fixture.chain().advise({
      question: 'Wie viel habe ich letzten Monat für Restaurants ausgegeben?',
      customerId: 'C-000012',
      audience: 'customer',
      history: [],
    });
    expect(reply.understanding.language).toBe('de');
    expect(reply.intent).toBe('own_data');
    expect(reply.provider.model).toBe('own-data-v1');
    expect(reply.validator).toMatchObject({ ok: true, fellBack: false });
    // The month depends on today's date against the records (the figures are checked in answer-own-data-languages).
    expect(reply.text).toMatch(
      /^Im \p{L}+ 20\d\d \(dem letzten (?:vollständigen )?Monat Ihrer Daten\) haben Sie (?:\$[\d,]+\.\d\d|nichts) für Restaurants und Cafés ausgegeben\.$/u,
    );
  });

  it.each([
    [
      'de',
      'Wie hoch sind meine Schulden und mein Erspartes?',
      /^Sie haben \$[\d,]+\.\d\d an Ersparnissen, laut Ihrem Profil\. /u,
    ],
    [
      'de',
      'Bin ich auf einem guten Weg für die Rente?',
      /^Angenommen werden Renteneintritt mit 67 \(in \d+ Jahren\), .* Dies ist eine Hochrechnung, kein Versprechen: /u,
    ],
    [
      'es',
      '¿Cuánto debo y cuánto tengo ahorrado?',
      /^Usted tiene \$[\d,]+\.\d\d en ahorros, según su perfil\. /u,
    ],
  ] as const)(
    'a %s question on balances, debts or retirement is answered in that language and validated: "%s"',
    async (language, question, opening) => {
      const reply = await fixture
        .chain()
        .advise({ question, customerId: 'C-000012', audience: 'customer', history: [] });
      expect(reply.understanding.language).toBe(language);
      expect(reply.intent).toBe('own_data');
      expect(reply.validator).toMatchObject({ ok: true, fellBack: false });
      expect(reply.text).toMatch(opening);
    },
  );

  it('an English help-centre answer carries no such notice', async () => {
    const reply = await fixture.chain().advise({
      question: "My card hasn't arrived yet",
      customerId: null,
      audience: 'customer',
      history: [],
    });
    expect(reply.understanding.language).toBe('en');
    expect(reply.text.startsWith('Here is what our guide “')).toBe(true);
  });
});
