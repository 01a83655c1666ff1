import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditError, type AuditRecord, type AuditStore, unfinishedTurns } from '../../../bot/audit/index.ts';
import {
  AUDIT_UNAVAILABLE_TEXT,
  AuditHealth,
  ConversationCore,
  CoreError,
  type InboundMessage,
  ReplyRelease,
  ThreadMemory,
  UNFINISHED_DETAIL,
} from '../../../bot/core/index.ts';
import { createWebChatApp, signCustomerToken } from '../../../web-chat/index.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../../support/advisor-fixture.ts';

const SECRET = 'test-secret-for-audit-before-show-0123456789';

/**
 * The real SQLite store, with appends made to fail the way a full disk makes them fail (SQLITE_FULL wrapped in
 * the store's STORE_UNAVAILABLE) while `failing()` says so. Nothing else is replaced.
 */
function fullDiskWhile(store: AuditStore, failing: () => boolean): AuditStore {
  return {
    ...store,
    append: async (turn) => {
      if (failing()) {
        const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        throw new AuditError('STORE_UNAVAILABLE', 'could not append to audit log audit.sqlite', {
          cause: full,
        });
      }
      return await store.append(turn);
    },
  };
}

const customerTurn = (text: string, threadId = 't-1'): InboundMessage => ({
  actor: { channel: 'web', userId: 'C-000007', role: 'customer', customerId: 'C-000007' },
  threadId,
  text,
});

describe('audit before show (real Chroma, LSA, chain and SQLite audit log)', () => {
  let fixture: AdvisorFixture;
  beforeAll(async () => {
    fixture = await createAdvisorFixture(120);
  });
  afterAll(async () => {
    await fixture?.dispose();
  });

  it('shows the first sentence only after the opening record is committed; the final record names it and holds the text', async () => {
    const committed: AuditRecord[] = [];
    let committedWhenFirstToken: AuditRecord | undefined | 'no token' = 'no token';
    const watched: AuditStore = {
      ...fixture.audit,
      append: async (turn) => {
        const record = await fixture.audit.append(turn);
        committed.push(record);
        return record;
      },
    };
    const core = new ConversationCore({ chain: fixture.chain(), audit: watched });
    const tokens: string[] = [];
    const reply = await core.handle(customerTurn('What would you recommend for me?'), {
      onToken: (token) => {
        if (tokens.length === 0) committedWhenFirstToken = committed.at(-1);
        tokens.push(token);
      },
    });
    const [opening, final] = committed;
    expect(committed).toHaveLength(2);
    expect(committedWhenFirstToken).toBe(opening);
    expect(opening?.stage).toEqual({ kind: 'opening' });
    expect(opening?.reply).toBe(tokens[0]);
    expect(final?.stage).toEqual({ kind: 'final', openingSeq: opening?.seq });
    expect(final?.seq).toBe(reply.auditSeq);
    expect(final?.reply).toBe(reply.text);
    // Whole sentences, not words: each piece ends a sentence or a line.
    expect(tokens.length).toBeGreaterThan(1);
    for (const token of tokens.slice(0, -1)) expect(token).toMatch(/(?:[.!?:][*_"')\]]*\s+|\n\s*)$/);
    expect(tokens.join('')).toBe(reply.text);
    expect(await fixture.audit.verify()).toMatchObject({ ok: true });
  });

  it('a turn that dies after its opening record leaves that record, saying the turn did not finish', async () => {
    let appends = 0;
    // The opening commit succeeds; the final one fails as a full disk fails (the process could as well have died).
    const core = new ConversationCore({
      chain: fixture.chain(),
      audit: fullDiskWhile(fixture.audit, () => ++appends > 1),
      auditHealth: new AuditHealth(() => {}),
    });
    const tokens: string[] = [];
    const failure = await core
      .handle(customerTurn('Which products suit me best?', 'dies-mid-stream'), {
        onToken: (token) => tokens.push(token),
      })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
    expect(tokens.length).toBeGreaterThan(0);
    const everything = await fixture.audit.turns({ openings: true });
    const [unfinished] = unfinishedTurns(everything).filter(
      (record) => record.threadId === 'dies-mid-stream',
    );
    expect(unfinished?.stage).toEqual({ kind: 'opening' });
    expect(unfinished?.reply).toBe(tokens[0]);
    expect(unfinished?.validator).toEqual({
      ok: false,
      issues: [{ reason: 'unfinished', detail: UNFINISHED_DETAIL }],
      repaired: false,
      fellBack: false,
    });
    // Reports count turns by their final records: the unfinished turn is not among them.
    expect((await fixture.audit.turns()).some((record) => record.threadId === 'dies-mid-stream')).toBe(false);
    expect(await fixture.audit.verify()).toMatchObject({ ok: true });
  });

  it('a full audit disk lets no advice text out: no token, AUDIT_UNAVAILABLE, nothing recorded, thread not remembered', async () => {
    let full = true;
    const logged: string[] = [];
    const health = new AuditHealth((line) => logged.push(line));
    const memory = new ThreadMemory();
    const core = new ConversationCore({
      chain: fixture.chain(),
      audit: fullDiskWhile(fixture.audit, () => full),
      auditHealth: health,
      memory,
    });
    const headBefore = (await fixture.audit.head())?.seq;
    const tokens: string[] = [];
    const failures: unknown[] = [];
    for (const question of ['What would you recommend for me?', 'Which products suit me best?', 'hello']) {
      await core
        .handle(customerTurn(question, 'full-disk'), { onToken: (token) => tokens.push(token) })
        .catch((error: unknown) => failures.push(error));
    }
    expect(tokens).toEqual([]);
    expect(failures).toHaveLength(3);
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(CoreError);
      expect(failure).toMatchObject({ code: 'AUDIT_UNAVAILABLE', message: AUDIT_UNAVAILABLE_TEXT });
    }
    expect((await fixture.audit.head())?.seq).toBe(headBefore);
    expect(memory.get('full-disk').turns).toEqual([]);
    expect(health.failing).toBe(true);
    // Logged once for the burst of three, naming the cause.
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('database or disk is full');

    full = false;
    const recovered = await core.handle(customerTurn('hello again', 'full-disk'));
    expect(recovered.auditSeq).toBe((headBefore ?? 0) + 1);
    expect(health.failing).toBe(false);
    expect(logged).toHaveLength(2);
    expect(logged[1]).toMatch(/writable again after \d+\.\d s; 3 turn\(s\) were refused/);
  });

  it('over HTTP, a full audit disk lets no token or reply text out: the stream ends with an AUDIT_UNAVAILABLE error event', async () => {
    const reported: unknown[] = [];
    const core = new ConversationCore({
      chain: fixture.chain(),
      audit: fullDiskWhile(fixture.audit, () => true),
      auditHealth: new AuditHealth(() => {}),
    });
    const app = createWebChatApp({
      core,
      audit: fixture.audit,
      tokenSecret: SECRET,
      reportError: (error) => reported.push(error),
    });
    const token = await signCustomerToken({
      customerId: 'C-000007',
      secret: SECRET,
      nowMs: Date.now(),
      lifetimeSeconds: 600,
    });
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ message: 'What would you recommend for me?' }),
    });
    // Progress past the lookups commits the response to a stream, so the failure is an event, not a 503.
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('event: progress');
    expect(body).toContain(
      `event: error\ndata: ${JSON.stringify({ code: 'AUDIT_UNAVAILABLE', message: AUDIT_UNAVAILABLE_TEXT })}`,
    );
    expect(body).not.toContain('event: token');
    expect(body).not.toContain('event: reply');
    // An outage is not a bug: nothing is reported per request.
    expect(reported).toEqual([]);
  });
});

describe('ReplyRelease', () => {
  it('holds tokens until open(), then delivers them in order and passes later ones straight through', () => {
    const delivered: string[] = [];
    const release = new ReplyRelease((token) => delivered.push(token));
    release.push('Hello ');
    release.push('there. ');
    expect(delivered).toEqual([]);
    expect(release.heldCount).toBe(2);
    release.open();
    release.push('More.');
    expect(delivered).toEqual(['Hello ', 'there. ', 'More.']);
  });

  it('holds replacements in order with the pieces and starts the opening commit at the first piece only', () => {
    const delivered: string[] = [];
    const firstPieces: string[] = [];
    const release = new ReplyRelease(
      (token) => delivered.push(`token:${token}`),
      (text) => delivered.push(`replace:${text}`),
      (text) => firstPieces.push(text),
    );
    release.push('Good. ');
    release.replace('Safe answer. ');
    release.push('More. ');
    expect(firstPieces).toEqual(['Good. ']);
    expect(delivered).toEqual([]);
    release.open();
    release.replace('Final.');
    expect(delivered).toEqual(['token:Good. ', 'replace:Safe answer. ', 'token:More. ', 'replace:Final.']);
  });

  it('after discard() nothing held or later is ever delivered, even if open() is called', () => {
    const delivered: string[] = [];
    const release = new ReplyRelease((token) => delivered.push(token));
    release.push('Advice ');
    release.discard();
    release.open();
    release.push('more advice');
    expect(delivered).toEqual([]);
  });
});
