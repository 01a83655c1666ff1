import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../bot/audit/index.ts';
import { type Actor, CoreError, MAX_MESSAGE_CHARACTERS, RoleDirectory } from '../../../bot/core/index.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../../support/advisor-fixture.ts';

const customer = (customerId: string): Actor => ({
  channel: 'web',
  userId: customerId,
  role: 'customer',
  customerId,
});
const advisor = (book: string[] | null): Actor => ({
  channel: 'slack',
  userId: 'U-ADVISOR',
  role: 'advisor',
  book: book ? new Set(book) : null,
});
const admin: Actor = { channel: 'teams', userId: 'aad-admin', role: 'admin' };

describe('ConversationCore: authorisation, thread memory and the audit log (real Chroma, real SQLite)', () => {
  let fixture: AdvisorFixture;
  beforeAll(async () => {
    fixture = await createAdvisorFixture(120);
  });
  afterAll(async () => {
    await fixture?.dispose();
  });

  it('a customer asking about themself gets recommendations, and the turn is in the audit log', async () => {
    const core = fixture.core();
    const reply = await core.handle({
      actor: customer('C-000007'),
      threadId: 't-self',
      text: 'What would you recommend?',
    });
    expect(reply.customerId).toBe('C-000007');
    expect(reply.intent).toBe('recommendation');
    expect(reply.products.length).toBeGreaterThan(0);
    const [turn] = await fixture.audit.turns({ customerId: 'C-000007' });
    expect(turn).toMatchObject({
      seq: reply.auditSeq,
      channel: 'web',
      actor: { id: 'C-000007', role: 'customer' },
      question: 'What would you recommend?',
      reply: reply.text,
      provider: { name: 'grounded', model: 'grounded-composer-v1' },
    });
    expect(turn?.recommendations.map((item) => item.productId)).toEqual(
      reply.products.map((item) => item.productId),
    );
    expect(turn?.retrievedDocIds).toContain('C-000007');
  });

  // The BOLA matrix: every role against its own, an allowed and a forbidden customer.
  it.each([
    ['customer, self', customer('C-000002'), 'C-000002', true],
    ['customer, someone else', customer('C-000002'), 'C-000003', false],
    ['advisor with a book, in it', advisor(['C-000010', 'C-000011']), 'C-000011', true],
    ['advisor with a book, outside it', advisor(['C-000010', 'C-000011']), 'C-000012', false],
    ['advisor without a book', advisor(null), 'C-000012', true],
    ['admin', admin, 'C-000099', true],
  ] as const)('%s → allowed=%s', async (_label, actor, customerId, allowed) => {
    const core = fixture.core();
    const outcome = core.handle({
      actor,
      threadId: `bola-${customerId}-${actor.role}`,
      text: `What should ${customerId} consider?`,
    });
    if (allowed) {
      await expect(outcome).resolves.toMatchObject({ customerId });
    } else {
      await expect(outcome).rejects.toMatchObject({ code: 'NOT_AUTHORISED' });
      const refused = await fixture.audit.turns({ customerId });
      expect(refused.at(-1)).toMatchObject({
        provider: { name: 'core', model: 'authorisation' },
        recommendations: [],
      });
    }
  });

  it('an explicit command cannot be used to reach another customer either', async () => {
    await expect(
      fixture.core().handle({
        actor: customer('C-000002'),
        threadId: 'cmd',
        text: 'advise',
        customerId: 'C-000005',
        command: 'advise',
      }),
    ).rejects.toMatchObject({ code: 'NOT_AUTHORISED' });
  });

  it('follow-ups in a thread stay on the customer named first', async () => {
    const core = fixture.core();
    const first = await core.handle({
      actor: advisor(null),
      threadId: 'thread-follow',
      text: 'What should I offer C-000020?',
    });
    const second = await core.handle({
      actor: advisor(null),
      threadId: 'thread-follow',
      text: 'And which products suit them best?',
    });
    expect(first.customerId).toBe('C-000020');
    expect(second.customerId).toBe('C-000020');
    const other = await core.handle({ actor: advisor(null), threadId: 'thread-other', text: 'hello' });
    expect(other.customerId).toBeNull();
  });

  it('asks which customer when a message names two', async () => {
    const reply = await fixture
      .core()
      .handle({ actor: admin, threadId: 'two', text: 'Compare C-000001 and C-000002' });
    expect(reply.intent).toBe('clarify');
    expect(reply.text).toMatch(/C-000001, C-000002/);
    expect(reply.products).toEqual([]);
  });

  it('rejects an empty or over-long message before any retrieval, and an unknown customer as NOT_FOUND', async () => {
    const core = fixture.core();
    await expect(core.handle({ actor: admin, threadId: 'x', text: '   ' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      core.handle({ actor: admin, threadId: 'x', text: 'a'.repeat(MAX_MESSAGE_CHARACTERS + 1) }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining(String(MAX_MESSAGE_CHARACTERS)),
    });
    await expect(
      core.handle({ actor: admin, threadId: 'x', text: 'recommend for C-999999' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('streams the validated reply text in order', async () => {
    const pieces: string[] = [];
    const reply = await fixture
      .core()
      .handle(
        { actor: customer('C-000030'), threadId: 'stream', text: 'I lost my card' },
        { onToken: (piece) => pieces.push(piece) },
      );
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('')).toBe(reply.text);
  });

  it('the audit chain verifies, and detects a row edited behind its back', async () => {
    await fixture.core().handle({ actor: admin, threadId: 'audit', text: 'hello' });
    expect((await fixture.audit.verify()).ok).toBe(true);
    const raw = new Database(fixture.auditFile);
    try {
      const triggers = raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_turns'")
        .all() as {
        name: string;
      }[];
      for (const trigger of triggers) raw.exec(`DROP TRIGGER "${trigger.name}"`);
      raw.prepare("UPDATE audit_turns SET reply = 'edited' WHERE seq = 1").run();
      const verdict = verifyAuditChain(raw);
      expect(verdict).toMatchObject({ ok: false, seq: 1, reason: 'hash_mismatch' });
    } finally {
      raw.close();
    }
  });
});

describe('RoleDirectory', () => {
  it('maps channel users to roles and refuses duplicates', () => {
    const directory = new RoleDirectory({
      users: [
        { channel: 'slack', userId: 'U1', role: 'advisor', book: ['C-000001'] },
        { channel: 'teams', userId: 'aad-1', role: 'admin' },
        { channel: 'cli', userId: 'alice', role: 'customer', customerId: 'C-000004' },
      ],
    });
    expect(directory.find('slack', 'U1')).toMatchObject({ role: 'advisor' });
    expect(directory.find('teams', 'aad-1')).toMatchObject({ role: 'admin' });
    expect(directory.find('slack', 'aad-1')).toBeUndefined();
    expect(
      () =>
        new RoleDirectory({
          users: [
            { channel: 'slack', userId: 'U1', role: 'admin' },
            { channel: 'slack', userId: 'U1', role: 'advisor' },
          ],
        }),
    ).toThrow(CoreError);
  });
});
