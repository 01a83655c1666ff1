import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ConversationCore, FeedbackPreferences } from '../../../bot/core/index.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../../support/advisor-fixture.ts';

describe('FeedbackPreferences: known answers', () => {
  const turn = (seq: number, customerId: string, productIds: string[]) => ({
    seq,
    customerId,
    recommendations: productIds.map((productId) => ({ productId, score: 0.5 })),
  });

  const customer = (id: string) => ({ actor: { id, role: 'customer' as const }, channel: 'web' as const });
  const advisor = (id: string) => ({ actor: { id, role: 'advisor' as const }, channel: 'slack' as const });

  it("learns only from a customer's own interest (+0.5, −0.5): ratings and staff votes move nothing", async () => {
    const preferences = new FeedbackPreferences();
    preferences.rememberTurn(turn(1, 'C-000001', ['SAV-01', 'FND-01']));
    preferences.rememberTurn(turn(2, 'C-000002', ['CC-01']));
    await preferences.apply({
      turnSeq: 1,
      rating: null,
      productId: 'FND-01',
      accepted: true,
      ...customer('C-000001'),
    });
    // A 👍 is about the reply: it no longer credits every product in it.
    await preferences.apply({
      turnSeq: 1,
      rating: 'up',
      productId: null,
      accepted: null,
      ...customer('C-000001'),
    });
    await preferences.apply({
      turnSeq: 2,
      rating: null,
      productId: 'CC-01',
      accepted: false,
      ...customer('C-000002'),
    });
    // An advisor's "Interested" is a note, not customer feedback.
    await preferences.apply({
      turnSeq: 1,
      rating: null,
      productId: 'SAV-01',
      accepted: true,
      ...advisor('U0ADVISOR'),
    });
    expect(Object.fromEntries(preferences.ownAdjustments('C-000001'))).toEqual({ 'FND-01': 0.5 });
    expect(Object.fromEntries(preferences.ownAdjustments('C-000002'))).toEqual({ 'CC-01': -0.5 });
    expect(preferences.opinionsOn('C-000001', 'SAV-01')).toEqual({
      customerChoice: null,
      segment: { interested: 0, notInterested: 0 },
      staff: [{ voterId: 'U0ADVISOR', role: 'advisor', channel: 'slack', accepted: true }],
    });
    // One current choice per customer and product, on whichever reply: repeats change nothing …
    for (const seq of [1, 3, 4]) {
      preferences.rememberTurn(turn(seq, 'C-000001', ['FND-01']));
      await preferences.apply({
        turnSeq: seq,
        rating: null,
        productId: 'FND-01',
        accepted: true,
        ...customer('C-000001'),
      });
    }
    expect(preferences.ownAdjustments('C-000001').get('FND-01')).toBe(0.5);
    // … and a change of mind replaces the earlier choice.
    await preferences.apply({
      turnSeq: 4,
      rating: null,
      productId: 'FND-01',
      accepted: false,
      ...customer('C-000001'),
    });
    expect(preferences.ownAdjustments('C-000001').get('FND-01')).toBe(-0.5);
    expect(preferences.opinionsOn('C-000001', 'FND-01').customerChoice).toBe(false);
    expect(preferences.ownAdjustments('C-000003').size).toBe(0);
  });

  it('ignores feedback on a turn it never saw or that recommended nothing', async () => {
    const preferences = new FeedbackPreferences();
    preferences.rememberTurn(turn(5, 'C-000005', []));
    await preferences.apply({
      turnSeq: 5,
      rating: 'up',
      productId: null,
      accepted: null,
      ...customer('C-000005'),
    });
    await preferences.apply({
      turnSeq: 9,
      rating: null,
      productId: 'SAV-01',
      accepted: true,
      ...customer('C-000005'),
    });
    expect(preferences.ownAdjustments('C-000005').size).toBe(0);
  });

  it("pools feedback into the giver's segment (looked up once) and counts showings for exploration", async () => {
    const saver = { income: 60_000, risk_tolerance: 'medium', investment_horizon_years: 20 } as const;
    const profiles = new Map([
      ['C-000001', saver],
      ['C-000002', saver],
      ['C-000003', { ...saver, income: 20_000 }],
    ]);
    const lookups: string[] = [];
    const preferences = new FeedbackPreferences({
      profileOf: async (customerId) => {
        lookups.push(customerId);
        return profiles.get(customerId) ?? null;
      },
    });
    preferences.rememberTurn(turn(1, 'C-000001', ['SAV-01', 'FND-01']));
    await preferences.apply({
      turnSeq: 1,
      rating: null,
      productId: 'FND-01',
      accepted: false,
      ...customer('C-000001'),
    });
    await preferences.apply({
      turnSeq: 1,
      rating: null,
      productId: 'SAV-01',
      accepted: true,
      ...customer('C-000001'),
    });
    expect(lookups).toEqual(['C-000001']);

    // C-000002 shares C-000001's segment: one customer's −0.5 and +0.5, shrunk by 1 / (1 + 5).
    const peer = preferences.forCustomer({ customer_id: 'C-000002', ...saver });
    expect(Object.fromEntries(peer.feedbackAdjustments ?? [])).toEqual({
      'FND-01': -0.5 / 6,
      'SAV-01': 0.5 / 6,
    });
    expect(peer.exposure?.total).toBe(2);
    const lowerIncome = preferences.forCustomer({ customer_id: 'C-000003', ...saver, income: 20_000 });
    expect(lowerIncome.feedbackAdjustments?.size).toBe(0);
    // C-000001's own word replaces the segment's for them.
    const own = preferences.forCustomer({ customer_id: 'C-000001', ...saver });
    expect(Object.fromEntries(own.feedbackAdjustments ?? [])).toEqual({ 'FND-01': -0.5, 'SAV-01': 0.5 });
    // The counts cards show: C-000002 sees one peer each way; C-000003 (another segment) sees none.
    expect(preferences.opinionsOn('C-000002', 'SAV-01').segment).toEqual({ interested: 1, notInterested: 0 });
    expect(preferences.opinionsOn('C-000002', 'FND-01').segment).toEqual({ interested: 0, notInterested: 1 });
    expect(preferences.opinionsOn('C-000003', 'SAV-01').segment).toEqual({ interested: 0, notInterested: 0 });
    expect(preferences.opinionsOn('C-000001', 'SAV-01')).toMatchObject({
      customerChoice: true,
      segment: { interested: 0, notInterested: 0 },
    });
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
    const preferences = await FeedbackPreferences.fromAuditLog(fixture.audit, {
      profileOf: async (customerId) =>
        (await fixture.retriever.customer(customerId))?.record.customer ?? null,
    });
    const audit = preferences.observe(fixture.audit);
    const chain = fixture.chain({ feedback: (customer) => preferences.forCustomer(customer) });
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

    // C-000016 shares C-000012's segment (long horizon, medium risk, lower income): it reads their
    // feedback shrunk by 1 / (1 + 5).
    const peer = await fixture.retriever.customer('C-000016');
    if (!peer) throw new Error('the fixture has no C-000016');
    const peerInput = preferences.forCustomer(peer.record.customer);
    expect(Object.fromEntries(peerInput.feedbackAdjustments ?? [])).toEqual({
      [first]: -0.5 / 6,
      [second]: 0.5 / 6,
    });

    // C-000013 is in another segment (high risk), so their ranking is untouched by C-000012's feedback.
    const other: Actor = { channel: 'web', userId: 'C-000013', role: 'customer', customerId: 'C-000013' };
    const otherReply = await core.handle({
      actor: other,
      threadId: 'other',
      text: 'What would you recommend for me?',
    });
    expect(otherReply.products.every((product) => !product.movedByFeedback)).toBe(true);
  });
});
