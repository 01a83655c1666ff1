import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AuditTurnInput,
  openSqliteAuditStore,
  openSqliteHistoryClearances,
} from '../../../bot/audit/index.ts';
import {
  type Actor,
  type CustomerHistoryDependencies,
  clearCustomerHistory,
  productTypeLabel,
  readCustomerHistory,
  TurnIdCodec,
} from '../../../bot/core/index.ts';
import { sampleTurn, scratchDirectory, steppingClock } from '../audit/audit-fixtures.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const customer = (customerId: string): Actor => ({
  channel: 'web',
  userId: customerId,
  role: 'customer',
  customerId,
});

/** A real SQLite audit log and clearances file, and the turns customers and an advisor had. */
async function setUp(): Promise<{
  dependencies: CustomerHistoryDependencies;
  append: (turn: Partial<AuditTurnInput>) => Promise<number>;
}> {
  const { directory, dispose } = scratchDirectory();
  const audit = openSqliteAuditStore(path.join(directory, 'audit.sqlite'), { now: steppingClock() });
  const clearances = openSqliteHistoryClearances(path.join(directory, 'history-clearances.sqlite'));
  cleanups.push(
    dispose,
    () => audit.close(),
    () => clearances.close(),
  );
  const dependencies: CustomerHistoryDependencies = {
    audit,
    clearances,
    turnIds: new TurnIdCodec('history test secret'),
    catalog: async () => [{ id: 'SAV-01', name: 'Easy Saver', type: 'savings' }],
  };
  const append = async (turn: Partial<AuditTurnInput>) => (await audit.append(sampleTurn(turn))).seq;
  return { dependencies, append };
}

describe("a customer's own conversation history", () => {
  it("returns only the customer's own web turns, newest last, with opaque turn ids and labelled products", async () => {
    const { dependencies, append } = await setUp();
    const a = { actor: { id: 'C-000001', role: 'customer' as const }, customerId: 'C-000001' };
    const first = await append({ ...a, question: 'A first', recommendations: [] });
    // B asks about A: refused (shown to B as an error) and audited with A as the customer. Never in A's history,
    // and not in B's either (it never was a reply); B's own ordinary turn is.
    await append({
      actor: { id: 'C-000002', role: 'customer' },
      customerId: 'C-000001',
      question: 'B about A',
      reply: 'Refused: not authorised.',
      provider: { name: 'core', model: 'authorisation' },
    });
    await append({ actor: { id: 'C-000002', role: 'customer' }, customerId: 'C-000002', question: 'B own' });
    // An advisor's turn about A in Slack is the advisor's conversation, not A's.
    await append({
      channel: 'slack',
      actor: { id: 'U-ADV', role: 'advisor' },
      customerId: 'C-000001',
      question: 'advisor about A',
    });
    const second = await append({
      ...a,
      question: 'A second',
      reply: '**Easy Saver** fits.',
      recommendations: [{ productId: 'SAV-01', score: 0.9 }],
    });

    const history = await readCustomerHistory(dependencies, customer('C-000001'));
    expect(history.map((turn) => turn.question)).toEqual(['A first', 'A second']);
    expect(history.map((turn) => dependencies.turnIds.decode(turn.turnId))).toEqual([first, second]);
    expect(history[1]).toMatchObject({
      reply: '**Easy Saver** fits.',
      products: [
        {
          productId: 'SAV-01',
          name: 'Easy Saver',
          type: 'savings',
          typeLabel: productTypeLabel('savings'),
        },
      ],
    });
    expect(history[1]?.products[0]?.typeLabel).not.toBe('savings');
    const bHistory = await readCustomerHistory(dependencies, customer('C-000002'));
    expect(bHistory.map((turn) => turn.question)).toEqual(['B own']);
    expect((await readCustomerHistory(dependencies, customer('C-000003'))).length).toBe(0);
  });

  it('names each turn’s product types in the language that turn was answered in, else in the widget’s', async () => {
    const { dependencies, append } = await setUp();
    const a = { actor: { id: 'C-000001', role: 'customer' as const }, customerId: 'C-000001' };
    const recommendations = [{ productId: 'SAV-01', score: 0.9 }];
    await append({ ...a, question: 'Welches Sparkonto?', recommendations, replyLanguage: 'de' });
    await append({ ...a, question: '¿Qué cuenta?', recommendations, replyLanguage: 'es' });
    // Recorded before the reply language was kept: the widget's language, as before.
    await append({ ...a, question: 'Which account?', recommendations });
    const history = await readCustomerHistory(dependencies, customer('C-000001'), 10, 'en');
    expect(history.map((turn) => turn.products[0]?.typeLabel)).toEqual([
      productTypeLabel('savings', 'de'),
      productTypeLabel('savings', 'es'),
      productTypeLabel('savings', 'en'),
    ]);
    expect(new Set(history.map((turn) => turn.products[0]?.typeLabel)).size).toBe(3);
  });

  it('keeps only the newest turns up to the limit', async () => {
    const { dependencies, append } = await setUp();
    for (let number = 1; number <= 5; number++) {
      await append({
        actor: { id: 'C-000001', role: 'customer' },
        customerId: 'C-000001',
        question: `q${number}`,
      });
    }
    const history = await readCustomerHistory(dependencies, customer('C-000001'), 2);
    expect(history.map((turn) => turn.question)).toEqual(['q4', 'q5']);
  });

  it('after "delete my conversation" returns nothing older, while the audit log still holds every turn', async () => {
    const { dependencies, append } = await setUp();
    const a = { actor: { id: 'C-000001', role: 'customer' as const }, customerId: 'C-000001' };
    await append({ ...a, question: 'before' });
    await append({
      actor: { id: 'C-000002', role: 'customer' },
      customerId: 'C-000002',
      question: 'B before',
    });
    await clearCustomerHistory(dependencies, customer('C-000001'));
    expect(await readCustomerHistory(dependencies, customer('C-000001'))).toEqual([]);
    // B's view is untouched by A's deletion.
    expect(
      (await readCustomerHistory(dependencies, customer('C-000002'))).map((turn) => turn.question),
    ).toEqual(['B before']);
    await append({ ...a, question: 'after' });
    expect(
      (await readCustomerHistory(dependencies, customer('C-000001'))).map((turn) => turn.question),
    ).toEqual(['after']);
    const audited = await dependencies.audit.turns({ customerId: 'C-000001' });
    expect(audited.map((turn) => turn.question)).toEqual(['before', 'after']);
  });

  it('refuses staff: history is the customer’s own view', async () => {
    const { dependencies } = await setUp();
    const advisor: Actor = { channel: 'slack', userId: 'U-ADV', role: 'advisor', book: null };
    await expect(readCustomerHistory(dependencies, advisor)).rejects.toThrow(
      'Only a customer can read or clear their own conversation history.',
    );
  });
});
