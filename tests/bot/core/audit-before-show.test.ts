import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditError, type AuditStore } from '../../../bot/audit/index.ts';
import {
  AUDIT_UNAVAILABLE_TEXT,
  AuditHealth,
  ConversationCore,
  CoreError,
  type InboundMessage,
  ReplyRelease,
  ThreadMemory,
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

  it('delivers the first token only after the turn is committed, and the committed text is what is shown', async () => {
    let committedSeq: number | undefined;
    let committedWhenFirstToken: number | undefined | 'no token';
    const watched: AuditStore = {
      ...fixture.audit,
      append: async (turn) => {
        const record = await fixture.audit.append(turn);
        committedSeq = record.seq;
        return record;
      },
    };
    const core = new ConversationCore({ chain: fixture.chain(), audit: watched });
    const tokens: string[] = [];
    committedWhenFirstToken = 'no token';
    const reply = await core.handle(customerTurn('What would you recommend for me?'), {
      onToken: (token) => {
        if (tokens.length === 0) committedWhenFirstToken = committedSeq;
        tokens.push(token);
      },
    });
    expect(committedWhenFirstToken).toBe(reply.auditSeq);
    expect(tokens.join('')).toBe(reply.text);
    const [stored] = await fixture.audit
      .turns({ customerId: 'C-000007', limit: 1_000 })
      .then((all) => all.filter((record) => record.seq === reply.auditSeq));
    expect(stored?.reply).toBe(reply.text);
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

  it('over HTTP, a full audit disk answers 503 AUDIT_UNAVAILABLE with no token event and no reply text', async () => {
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
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({
      error: { code: 'AUDIT_UNAVAILABLE', message: AUDIT_UNAVAILABLE_TEXT },
    });
    expect(body).not.toContain('event: token');
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
