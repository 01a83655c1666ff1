import type { OutboundReply, ProductCard } from '../../../../bot/core/index.ts';

/** A product card as the core renders one (`index` makes ids and names distinct). */
export function productCard(index: number, overrides: Partial<ProductCard> = {}): ProductCard {
  return {
    productId: `SAV-${String(index).padStart(2, '0')}`,
    name: `Saver ${index}`,
    type: 'savings',
    typeLabel: 'savings account',
    score: 0.5,
    reasons: ['Savings cover 3 months of spending'],
    riskDisclosure: null,
    movedByFeedback: false,
    explored: false,
    feedbackNotes: [],
    ...overrides,
  };
}

/** A core reply for rendering tests: plain text, no products unless given. */
export function outboundReply(overrides: Partial<OutboundReply> = {}): OutboundReply {
  return {
    text: 'A validated answer.',
    customerId: 'C-000042',
    intent: 'recommendation',
    understanding: { intent: 'product_recommendation', confidence: 0.97, language: 'en' },
    needsHuman: false,
    quickReplies: [],
    products: [],
    sources: [{ articleId: 'isa-basics', title: 'ISAs', section: 'Allowances' }],
    provider: { name: 'grounded', model: 'grounded-composer-v1' },
    validator: { ok: true, issues: [], repaired: false, fellBack: false },
    bias: { flagged: false, reasons: [] },
    auditSeq: 7,
    turnId: 'T7opaque',
    latencyMs: 12,
    ...overrides,
  };
}
