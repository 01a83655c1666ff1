import { describe, expect, it } from 'vitest';
import { fixedText } from '../../../chains/compose/fixed-texts.ts';
import type { AdviceContext } from '../../../chains/llm/index.ts';
import { buildAdvicePrompt, SYSTEM_PROMPT } from '../../../chains/prompt/advice-prompt.ts';
import type { Recommendation } from '../../../chains/recommend/recommendation.ts';
import { FIXTURE_CATALOG, FIXTURE_CUSTOMER } from '../validate/validation-fixture.ts';

const CUSTOMER = { ...FIXTURE_CUSTOMER, customer_id: 'C-000042' };

function recommendation(productIndex: number): Recommendation {
  const product = FIXTURE_CATALOG[productIndex];
  if (!product) throw new Error(`the fixture catalogue has no product ${productIndex}`);
  return {
    product,
    score: 0.8,
    components: { similarCustomers: 0.5, contentMatch: 0.5, spendingSignal: 0.5, needFit: 0.5, feedback: 0 },
    reasons: ['C-000042 keeps 18% of income as savings'],
    movedByFeedback: false,
    explored: false,
  };
}

function contextFor(overrides: Partial<AdviceContext>): AdviceContext {
  return {
    intent: 'knowledge',
    audience: 'customer',
    customer: CUSTOMER,
    recommendations: [],
    passages: [],
    similarCustomers: null,
    ...overrides,
  };
}

describe('buildAdvicePrompt tells the model who reads the reply', () => {
  it('to the customer: speak to them as "you", offer an adviser, and the customer’s risk warning', () => {
    const { user } = buildAdvicePrompt('How much should I save?', contextFor({}), []);
    expect(user).toContain(
      'READER: the customer themself. Speak to them directly as "you" ("your savings", "you could"); never call them "the customer" or by their id.',
    );
    expect(user).toContain('offer to connect them with one of our advisers');
    expect(user).toContain(
      'RISK WARNING: "Please remember that the value of investments can go down as well as up, and you may get back less than you invest."',
    );
    expect(user).not.toContain("one of the bank's advisors");
  });

  it('to an advisor: the customer by id in the third person, the advisor’s actions, and the third-person warning', () => {
    const { user } = buildAdvicePrompt('How much should they save?', contextFor({ audience: 'advisor' }), []);
    expect(user).toContain(
      "READER: one of the bank's advisors, asking about customer C-000042. Speak to the advisor.",
    );
    expect(user).toContain('"C-000042 has …", "C-000042\'s savings"');
    expect(user).toContain('never "you have" or "your savings"');
    expect(user).toContain('book a review with them, escalate to the right team in the back office');
    expect(user).toContain(
      'RISK WARNING: "Please remember that the value of investments can go down as well as up, and C-000042 may get back less than they invest."',
    );
    expect(user).not.toContain('the customer themself');
  });

  it('asks for a two-or-three-sentence summary of recommendations, since the cards carry the details', () => {
    const withProducts = buildAdvicePrompt(
      'What would you recommend?',
      contextFor({ intent: 'recommendation', recommendations: [recommendation(1), recommendation(4)] }),
      [],
    ).user;
    expect(withProducts).toContain('REPLY SHAPE: summarise in two or three sentences');
    expect(withProducts).toContain('so do not list them again product by product');
    // The shape comes after the facts and the reader, right before the question.
    expect(withProducts.indexOf('RECOMMENDED PRODUCTS')).toBeLessThan(withProducts.indexOf('READER:'));
    expect(withProducts.indexOf('REPLY SHAPE')).toBeLessThan(withProducts.indexOf('QUESTION:'));
    const none = buildAdvicePrompt(
      'What would you recommend?',
      contextFor({ intent: 'recommendation' }),
      [],
    ).user;
    expect(none).not.toContain('REPLY SHAPE');
    const knowledge = buildAdvicePrompt('How do fees work?', contextFor({}), []).user;
    expect(knowledge).not.toContain('REPLY SHAPE');
  });

  it('keeps one fixed system prompt whose rules point at READER and REPLY SHAPE', () => {
    expect(SYSTEM_PROMPT).toContain('8. Word the reply for the person under READER');
    expect(SYSTEM_PROMPT).toContain('include the RISK WARNING sentence given under READER, word for word');
    expect(buildAdvicePrompt('hi', contextFor({ audience: 'advisor' }), []).system).toBe(SYSTEM_PROMPT);
  });
});

describe('buildAdvicePrompt asks for the reader’s language', () => {
  it('a German reader gets the German risk warning and a LANGUAGE line; English gets neither', () => {
    const german = buildAdvicePrompt('Welche Fonds passen?', contextFor({ language: 'de' }), []).user;
    expect(german).toContain(
      `RISK WARNING: "${fixedText('risk_disclosure', { language: 'de', audience: 'customer' })}"`,
    );
    expect(german).toContain(
      'LANGUAGE: the reader writes in German; write the whole reply in German, the RISK WARNING word for word.',
    );
    const spanish = buildAdvicePrompt(
      '¿Qué fondo?',
      contextFor({ language: 'es', audience: 'advisor' }),
      [],
    ).user;
    expect(spanish).toContain(
      `RISK WARNING: "${fixedText('risk_disclosure', { language: 'es', audience: 'advisor', customerId: 'C-000042' })}"`,
    );
    expect(spanish).toContain('write the whole reply in Spanish');
    expect(buildAdvicePrompt('Which fund?', contextFor({}), []).user).not.toContain('LANGUAGE:');
  });
});
