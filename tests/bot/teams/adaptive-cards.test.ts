import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutboundReply, ProductCard } from '../../../bot/core/index.ts';
import {
  type CardElement,
  FeedbackSubmit,
  providerBadge,
  replyCard,
  type SubmitAction,
} from '../../../bot/teams/index.ts';

const isa: ProductCard = {
  productId: 'P-ISA-01',
  name: 'Cash ISA',
  type: 'savings',
  typeLabel: 'savings account',
  score: 0.91,
  reasons: ['Tax-free interest', 'Fits a low risk appetite'],
  riskDisclosure: null,
  movedByFeedback: false,
  feedbackNotes: [],
  explored: false,
};
const fund: ProductCard = {
  productId: 'P-FUND-02',
  name: 'Global Index Fund',
  type: 'fund',
  typeLabel: 'investment fund',
  score: 0.74,
  reasons: ['Long horizon'],
  riskDisclosure: 'The value of investments can go down as well as up.',
  movedByFeedback: true,
  feedbackNotes: [],
  explored: true,
};

function reply(overrides: Partial<OutboundReply> = {}): OutboundReply {
  return {
    text: 'Two products suit C-000042.',
    customerId: 'C-000042',
    intent: 'recommendation',
    understanding: { intent: 'product_recommendation', confidence: 0.97, language: 'en' },
    needsHuman: false,
    quickReplies: [],
    products: [isa, fund],
    sources: [{ articleId: 'A-1', title: 'ISAs explained', section: 'Allowances' }],
    provider: { name: 'grounded', model: 'grounded-composer-v1' },
    validator: { ok: true, issues: [], repaired: false, fellBack: false },
    bias: { flagged: false, reasons: [] },
    auditSeq: 17,
    turnId: 'T17opaque',
    latencyMs: 12,
    ...overrides,
  };
}

function buttons(elements: readonly CardElement[]): SubmitAction[] {
  return elements.flatMap((element) => {
    if (element.type === 'Container') return buttons(element.items);
    return element.type === 'ActionSet' ? element.actions : [];
  });
}

describe('providerBadge', () => {
  it.each([
    [
      { name: 'grounded', model: 'grounded-composer-v1' },
      {},
      'Written by grounded · grounded-composer-v1 · validated ✓',
    ],
    [
      { name: 'ollama', model: 'mistral:7b-instruct' },
      {},
      'Written by Mistral (via Ollama) · mistral:7b-instruct · validated ✓',
    ],
    [
      { name: 'ollama', model: 'mistral:7b-instruct' },
      { repaired: true },
      'Written by Mistral (via Ollama) · mistral:7b-instruct · validated ✓ (after one repair)',
    ],
    [
      { name: 'grounded', model: 'grounded-composer-v1' },
      { ok: false, fellBack: true },
      'Written by grounded · grounded-composer-v1 · validator rejected the draft; safe reply sent',
    ],
  ])('%o %o → %s', (provider, validator, expected) => {
    const badge = providerBadge(reply({ provider, validator: { ...reply().validator, ...validator } }));
    expect(badge).toBe(expected);
  });

  it('says when the bias guard flagged the reply', () => {
    const badge = providerBadge(reply({ bias: { flagged: true, reasons: ['age'] } }));
    expect(badge).toBe(
      'Written by grounded · grounded-composer-v1 · validated ✓ · bias guard replaced flagged wording',
    );
  });

  it('never names Mistral unless the core reports an Ollama Mistral model', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('grounded', 'core', 'ollama'),
        fc.constantFrom('grounded-composer-v1', 'llama3.1:8b', 'qwen2.5:7b', 'clarification'),
        (name, model) => {
          expect(/mistral/i.test(providerBadge(reply({ provider: { name, model } })))).toBe(false);
        },
      ),
    );
  });
});

describe('replyCard', () => {
  it('is an Adaptive Card 1.5: answer, one container per product, sources, badge', () => {
    const card = replyCard(reply());
    expect(card).toMatchObject({
      type: 'AdaptiveCard',
      version: '1.5',
      fallbackText: 'Two products suit C-000042.',
    });
    expect(card.body[0]).toEqual({ type: 'TextBlock', text: 'Two products suit C-000042.', wrap: true });
    const containers = card.body.filter((element) => element.type === 'Container');
    expect(containers).toHaveLength(2);
    const [isaBox, fundBox] = containers.map((container) =>
      container.type === 'Container'
        ? container.items.flatMap((item) => (item.type === 'TextBlock' ? [item.text] : []))
        : [],
    );
    // Human product-type labels; reasons as one Markdown list Teams renders.
    expect(isaBox).toEqual([
      'Cash ISA',
      'savings account',
      '- Tax-free interest\n- Fits a low risk appetite',
    ]);
    expect(fundBox).toEqual([
      'Global Index Fund',
      'investment fund',
      '- Long horizon',
      'Ranked using earlier feedback.',
      'Shown partly to learn how it is received (rarely shown so far).',
    ]);
    const texts = card.body.flatMap((element) => (element.type === 'TextBlock' ? [element.text] : []));
    // The risk warning once, after the products.
    expect(texts.slice(1)).toEqual([
      'The value of investments can go down as well as up.',
      'Sources',
      '- ISAs explained — Allowances',
      'Written by grounded · grounded-composer-v1 · validated ✓',
    ]);
  });

  it('has 👍/👎 on the card and "Interested" / "Not for me" under each product, all naming the opaque turn id', () => {
    const card = replyCard(reply());
    expect(card.actions?.map((action) => [action.title, action.data])).toEqual([
      ['👍', { kind: 'feedback', turnId: 'T17opaque', rating: 'up' }],
      ['👎', { kind: 'feedback', turnId: 'T17opaque', rating: 'down' }],
    ]);
    const vote = (productId: string, accepted: boolean) => ({
      kind: 'feedback',
      turnId: 'T17opaque',
      productId,
      accepted,
    });
    expect(buttons(card.body).map((action) => [action.title, action.data])).toEqual([
      ['Interested', vote('P-ISA-01', true)],
      ['Not for me', vote('P-ISA-01', false)],
      ['Interested', vote('P-FUND-02', true)],
      ['Not for me', vote('P-FUND-02', false)],
    ]);
  });

  it('redrawn after votes: the chosen rows say "✓ …" and lose their buttons; the others keep theirs', () => {
    const card = replyCard(reply(), { rating: 'up', products: new Map([['P-FUND-02', 'not_interested']]) });
    expect(card.actions).toBeUndefined();
    expect(buttons(card.body).map((action) => [action.title, action.data])).toEqual([
      ['Interested', { kind: 'feedback', turnId: 'T17opaque', productId: 'P-ISA-01', accepted: true }],
      ['Not for me', { kind: 'feedback', turnId: 'T17opaque', productId: 'P-ISA-01', accepted: false }],
    ]);
    const serialized = JSON.stringify(card);
    expect(serialized).toContain('"text":"✓ Not for me"');
    expect(serialized).toContain('"text":"✓ Helpful"');
    expect(serialized).not.toContain('"✓ Interested"');
  });

  it('a reply without products or sources is the answer and the badge only', () => {
    const card = replyCard(reply({ products: [], sources: [] }));
    expect(card.body.map((element) => (element.type === 'TextBlock' ? element.text : element.type))).toEqual([
      'Two products suit C-000042.',
      'Written by grounded · grounded-composer-v1 · validated ✓',
    ]);
  });

  it('every button it draws posts data the submit schema accepts, unchanged', () => {
    const product = fc.record({
      productId: fc.string({ minLength: 1, maxLength: 40 }),
      name: fc.string({ minLength: 1 }),
      type: fc.constantFrom('savings', 'investment', 'loan'),
      typeLabel: fc.string(),
      score: fc.double({ min: 0, max: 1, noNaN: true }),
      reasons: fc.array(fc.string(), { maxLength: 4 }),
      riskDisclosure: fc.option(fc.string({ minLength: 1 }), { nil: null }),
      movedByFeedback: fc.boolean(),
      feedbackNotes: fc.array(fc.string(), { maxLength: 3 }),
      explored: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(product, { maxLength: 5 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (products, seq) => {
          const card = replyCard(reply({ products, auditSeq: seq, turnId: `T${seq}` }));
          const all = [...buttons(card.body), ...(card.actions ?? [])];
          expect(all).toHaveLength(2 * products.length + 2);
          for (const action of all) expect(FeedbackSubmit.parse(action.data)).toEqual(action.data);
        },
      ),
    );
  });
});

describe('FeedbackSubmit', () => {
  it.each([
    [{ kind: 'feedback', turnId: '', rating: 'up' }],
    [{ kind: 'feedback', turnId: 'a b', rating: 'up' }],
    [{ kind: 'feedback', turnId: 3, rating: 'up' }],
    [{ kind: 'feedback', turnId: 'T3', rating: 'meh' }],
    [{ kind: 'feedback', turnId: 'T3', productId: '', accepted: true }],
    [{ kind: 'vote', turnId: 'T3', rating: 'up' }],
    [{ kind: 'feedback', turnId: 'T3' }],
    ['up'],
  ])('rejects %o', (value) => {
    expect(FeedbackSubmit.safeParse(value).success).toBe(false);
  });
});
