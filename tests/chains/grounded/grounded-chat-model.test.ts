import { describe, expect, it } from 'vitest';
import { fixedText } from '../../../chains/compose/fixed-texts.ts';
import { composeGroundedReply } from '../../../chains/grounded/grounded-chat-model.ts';
import type { AdviceContext } from '../../../chains/llm/chat-model.ts';
import { rankProducts } from '../../../chains/recommend/rank-products.ts';
import { makeCustomer, makeInput, makeProduct } from '../recommend/recommendation-fixtures.ts';

const customer = makeCustomer({
  customer_id: 'C-000042',
  savings_balance: 1_015_800,
  investment_horizon_years: 1,
  debt_balance: 0,
});
const catalog = [
  makeProduct({ id: 'INC-01', tags: ['income'] }),
  makeProduct({ id: 'SAV-01', tags: ['emergency_fund'] }),
];
// Many similar holders put the neighbour fact first, so a customer fact follows it mid-sentence.
const neighbourAdoptions = new Map([['SAV-01', 30]]);
const spending = { monthlySpendByCategory: {}, avgMonthlySpend: 0, savingsRatio: 0.02, spendTrend: 0 };

function contextFor(audience: AdviceContext['audience'], withProducts = true): AdviceContext {
  const recommendations = withProducts
    ? rankProducts(
        makeInput({ customer, spending, audience, neighbourAdoptions, neighbourCount: 50 }),
        catalog,
      )
    : [];
  return {
    intent: 'recommendation',
    audience,
    customer,
    recommendations,
    passages: [],
    similarCustomers: null,
  };
}

describe('composeGroundedReply summarises: the product cards carry the reasons', () => {
  it('names each product once and repeats no card reason verbatim', () => {
    for (const audience of ['customer', 'advisor'] as const) {
      const context = contextFor(audience);
      const reply = composeGroundedReply(context);
      expect(context.recommendations.length).toBeGreaterThan(0);
      for (const recommendation of context.recommendations) {
        expect(reply).toContain(recommendation.product.name);
        expect(recommendation.reasons.length).toBeGreaterThan(0);
        for (const reason of recommendation.reasons)
          expect(reply.toLowerCase()).not.toContain(reason.toLowerCase());
      }
    }
  });
});

describe('composeGroundedReply speaks in the reader’s voice', () => {
  it('to the customer: second person and the offer of an adviser, unchanged', () => {
    const reply = composeGroundedReply(contextFor('customer'));
    expect(reply).toContain('Based on your profile, these products fit best:');
    expect(reply).toContain('If you would like, I can connect you with one of our advisers.');
    expect(reply).not.toContain('C-000042');
  });

  it('to an advisor: the customer by id in the third person, and advisor actions', () => {
    const reply = composeGroundedReply(contextFor('advisor'));
    expect(reply).toContain("Based on C-000042's profile, these products fit best:");
    expect(reply).toContain('Offer C-000042 any of these that fit, or book a review with them');
    expect(reply).not.toMatch(/\byou\b|\byour\b/i);
    expect(reply).not.toContain('connect you with one of our advisers');
  });

  it('with nothing suitable: the customer is offered an adviser, the advisor is told to book a review', () => {
    expect(composeGroundedReply(contextFor('customer', false))).toContain(
      'An adviser can look at the full picture. If you would like, I can connect you with one of our advisers.',
    );
    const advisorReply = composeGroundedReply(contextFor('advisor', false));
    expect(advisorReply).toBe(
      "I couldn't find a product in our range that suits C-000042's profile right now, so I won't suggest one. " +
        'Book a review with C-000042 to look at the full picture.',
    );
  });

  it('a guide answer ends with an adviser offer for the customer and a review step for the advisor', () => {
    const passages = [
      {
        id: 'A-1#0',
        articleId: 'A-1',
        title: 'Saving',
        section: 'Basics',
        text: 'Saving — Basics\n\nSave first.',
        intents: [],
      },
    ];
    const base = {
      intent: 'knowledge',
      customer: null,
      recommendations: [],
      passages,
      similarCustomers: null,
    } as const;
    expect(composeGroundedReply({ ...base, audience: 'customer' })).toMatch(
      /Save first\.\n\nIf that doesn't answer your question, I can connect you with one of our advisers\.$/,
    );
    expect(composeGroundedReply({ ...base, audience: 'advisor' })).toMatch(
      /Save first\.\n\nIf the customer needs more, book a review with them\.$/,
    );
  });
});

describe('composeGroundedReply writes its own sentences in the reply language', () => {
  it('small talk in German and Spanish is the fixed greeting, thanks or goodbye of that language', () => {
    const talk = (language: 'de' | 'es', question: string) =>
      composeGroundedReply({ ...contextFor('customer', false), intent: 'small_talk', language }, question);
    const reader = (language: 'de' | 'es') => ({ language, audience: 'customer' }) as const;
    expect(talk('de', 'Hallo!')).toBe(fixedText('small_talk_greeting', reader('de')));
    expect(talk('de', 'Vielen Dank!')).toBe(fixedText('small_talk_thanks', reader('de')));
    expect(talk('es', 'Adiós')).toBe(fixedText('small_talk_goodbye', reader('es')));
  });

  it('a Spanish recommendation with no fitting product says so in Spanish and offers a person', () => {
    const text = composeGroundedReply({ ...contextFor('customer', false), language: 'es' });
    const reader = { language: 'es', audience: 'customer' } as const;
    expect(text).toBe(
      `${fixedText('recommendation_none', reader)} ${fixedText('human_handoff_offer', reader)}`,
    );
  });
});
