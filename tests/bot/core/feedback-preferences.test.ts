import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ConversationCore, FeedbackPreferences } from '../../../bot/core/index.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../../support/advisor-fixture.ts';

describe('FeedbackPreferences: known answers', () => {
  const turn = (seq: number, customerId: string, productIds: string[]) => ({
    seq,
    customerId,
    recommendations: productIds.map((productId) => ({ productId, score: 0.5 })),
  });

  it('adds +0.5 for interest, −0.5 for a decline, ±0.2 per product of a rated turn, capped at ±1', () => {
    const preferences = new FeedbackPreferences();
    preferences.rememberTurn(turn(1, 'C-000001', ['SAV-01', 'FND-01']));
    preferences.rememberTurn(turn(2, 'C-000002', ['CC-01']));
    preferences.apply({ turnSeq: 1, rating: null, productId: 'FND-01', accepted: true });
    preferences.apply({ turnSeq: 1, rating: 'up', productId: null, accepted: null });
    preferences.apply({ turnSeq: 2, rating: 'down', productId: 'CC-01', accepted: false });
    expect(Object.fromEntries(preferences.forCustomer('C-000001'))).toEqual({ 'FND-01': 0.7, 'SAV-01': 0.2 });
    expect(preferences.forCustomer('C-000002').get('CC-01')).toBeCloseTo(-0.7, 10);
    for (let index = 0; index < 5; index++) {
      preferences.apply({ turnSeq: 1, rating: null, productId: 'FND-01', accepted: true });
    }
    expect(preferences.forCustomer('C-000001').get('FND-01')).toBe(1);
    expect(preferences.forCustomer('C-000003').size).toBe(0);
  });

  it('ignores feedback on a turn it never saw or that recommended nothing', () => {
    const preferences = new FeedbackPreferences();
    preferences.rememberTurn(turn(5, 'C-000005', []));
    preferences.apply({ turnSeq: 5, rating: 'up', productId: null, accepted: null });
    preferences.apply({ turnSeq: 9, rating: null, productId: 'SAV-01', accepted: true });
    expect(preferences.forCustomer('C-000005').size).toBe(0);
  });
});

describe('feedback changes future rankings (real Chroma, real SQLite audit log)', () => {
  let fixture: AdvisorFixture;
  beforeAll(async () => {
    fixture = await createAdvisorFixture(120);
  });
  afterAll(async () => {
    await fixture?.dispose();
  });

  it('a declined product drops and an accepted one rises for that customer only, and says feedback moved it', async () => {
    const preferences = await FeedbackPreferences.fromAuditLog(fixture.audit);
    const audit = preferences.observe(fixture.audit);
    const chain = fixture.chain({ feedback: (customerId) => preferences.forCustomer(customerId) });
    const core = new ConversationCore({ chain, audit });
    const actor: Actor = { channel: 'web', userId: 'C-000012', role: 'customer', customerId: 'C-000012' };
    const ask = (threadId: string) =>
      core.handle({ actor, threadId, text: 'What would you recommend for me?' });

    const before = await ask('before');
    const ids = before.products.map((product) => product.productId);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const [first, second] = ids as [string, string];
    await audit.appendFeedback({
      turnSeq: before.auditSeq,
      actor: { id: 'C-000012', role: 'customer' },
      rating: null,
      productId: first,
      accepted: false,
      channel: 'web',
    });
    await audit.appendFeedback({
      turnSeq: before.auditSeq,
      actor: { id: 'C-000012', role: 'customer' },
      rating: null,
      productId: second,
      accepted: true,
      channel: 'web',
    });
    const after = await ask('after');
    const afterIds = after.products.map((product) => product.productId);
    expect(afterIds[0]).toBe(second);
    expect(afterIds.indexOf(first) === -1 || afterIds.indexOf(first) > 0).toBe(true);
    expect(after.products[0]?.movedByFeedback).toBe(true);

    // Another customer's ranking is untouched by C-000012's feedback.
    const other: Actor = { channel: 'web', userId: 'C-000013', role: 'customer', customerId: 'C-000013' };
    const otherReply = await core.handle({
      actor: other,
      threadId: 'other',
      text: 'What would you recommend for me?',
    });
    expect(otherReply.products.every((product) => !product.movedByFeedback)).toBe(true);
  });
});
