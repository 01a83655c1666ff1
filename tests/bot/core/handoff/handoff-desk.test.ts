import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAppConfig } from '../../../../bot/app-config.ts';
import { openSqliteAuditStore, type SqliteAuditStore } from '../../../../bot/audit/index.ts';
import {
  type AdvisorActor,
  type Handoff,
  HandoffDesk,
  type HandoffNotifier,
  type HandoffStore,
  openSqliteHandoffStore,
} from '../../../../bot/core/handoff/index.ts';
import { type InboundMessage, type OutboundReply, RoleDirectory } from '../../../../bot/core/index.ts';
import { createWrittenTextChecker } from '../../../../chains/steps/index.ts';
import { PRODUCT_CATALOG } from '../../../../knowledge/generate/index.ts';

// Real SQLite (audit log and handoff store) and the real validator and bias guard; the retriever is an in-memory
// one over the real catalogue (these tests need no customer profile), and the notifiers only record.

const CUSTOMER = 'C-000042';
const ROLES = new RoleDirectory({
  users: [
    { channel: 'slack', userId: 'U0OWN', role: 'advisor', book: [CUSTOMER] },
    { channel: 'teams', userId: 'aad-own', role: 'advisor', book: [CUSTOMER] },
    { channel: 'slack', userId: 'U0OTHER', role: 'advisor', book: ['C-000043'] },
    { channel: 'slack', userId: 'U0ANYONE', role: 'advisor' },
  ],
});
const OWN = ROLES.find('slack', 'U0OWN');
const OTHER = ROLES.find('slack', 'U0OTHER');

const customerMessage = (text = 'I want to talk to a person.'): InboundMessage => ({
  actor: { channel: 'web', userId: CUSTOMER, role: 'customer', customerId: CUSTOMER },
  threadId: `web:${CUSTOMER}:thread-1`,
  text,
});

function flaggedReply(seq: number, overrides: Partial<OutboundReply> = {}): OutboundReply {
  return {
    text: 'Of course. I have flagged this conversation for one of our advisers. You can also call us on 0800 123 4567.',
    customerId: CUSTOMER,
    intent: 'handoff',
    understanding: { intent: 'human_handoff', confidence: 0.9, language: 'de' },
    needsHuman: true,
    quickReplies: [],
    products: [],
    sources: [],
    provider: { name: 'grounded', model: 'fixed-text-v1' },
    validator: { ok: true, issues: [], repaired: false, fellBack: false },
    bias: { flagged: false, reasons: [] },
    auditSeq: seq,
    turnId: `turn-${seq}`,
    latencyMs: 1,
    ...overrides,
  };
}

class RecordingNotifier implements HandoffNotifier {
  readonly sent: { handoffId: string; advisor: string }[] = [];
  constructor(readonly channel: 'slack' | 'teams') {}
  async notify(handoff: Handoff, advisor: AdvisorActor): Promise<void> {
    this.sent.push({ handoffId: handoff.id, advisor: advisor.userId });
  }
}

describe('HandoffDesk (real SQLite, real validator and bias guard)', () => {
  let directory: string;
  let audit: SqliteAuditStore;
  let store: HandoffStore;
  let clockMs: number;
  const makeDesk = (handoffStore: HandoffStore) =>
    new HandoffDesk({
      store: handoffStore,
      audit,
      roles: ROLES,
      checkText: createWrittenTextChecker({
        customer: async () => null,
        catalog: async () => PRODUCT_CATALOG,
      }),
      timeoutSeconds: 60,
      now: () => new Date(clockMs),
    });

  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'handoff-desk-'));
    audit = openSqliteAuditStore(path.join(directory, 'audit.sqlite'));
    store = openSqliteHandoffStore(path.join(directory, 'handoffs.sqlite'));
    clockMs = Date.parse('2026-12-05T10:00:00.000Z');
  });
  afterEach(async () => {
    await store.dispose();
    await audit.close();
    await rm(directory, { recursive: true, force: true });
  });

  it("opens only for a customer's own flagged turn, once while pending, and notifies that customer's advisors on each channel", async () => {
    const desk = makeDesk(store);
    const slack = new RecordingNotifier('slack');
    const teams = new RecordingNotifier('teams');
    desk.addNotifier(slack);
    desk.addNotifier(teams);
    expect(await desk.openForReply(customerMessage(), flaggedReply(1, { needsHuman: false }))).toBeNull();
    if (!OWN) throw new Error('roles');
    expect(await desk.openForReply({ ...customerMessage(), actor: OWN }, flaggedReply(1))).toBeNull();
    const opened = await desk.openForReply(customerMessage(), flaggedReply(1));
    const again = await desk.openForReply(customerMessage('Hello? Anyone?'), flaggedReply(2));
    await desk.notificationsSettled();
    expect(again?.id).toBe(opened?.id);
    expect(opened).toMatchObject({
      status: 'pending',
      language: 'de',
      turnSeq: 1,
      expiresAt: '2026-12-05T10:01:00.000Z',
    });
    expect(slack.sent).toEqual([{ handoffId: opened?.id, advisor: 'U0OWN' }]);
    expect(teams.sent).toEqual([{ handoffId: opened?.id, advisor: 'aad-own' }]);
  });

  it('refuses an edit the validator or bias guard fails, naming why, and delivers a take-over as written by the advisor', async () => {
    const desk = makeDesk(store);
    const handoff = await desk.openForReply(customerMessage(), flaggedReply(1));
    if (!handoff || !OWN || !OTHER) throw new Error('setup');
    await expect(desk.answer(handoff.id, OTHER, { kind: 'approve' })).rejects.toMatchObject({
      code: 'NOT_AUTHORISED',
    });
    const promise = await desk.answer(handoff.id, OWN, {
      kind: 'edit',
      text: 'Your savings will grow by 12% next year, guaranteed.',
    });
    expect(promise.kind).toBe('refused');
    const reasons = promise.kind === 'refused' ? promise.reasons.join('\n') : '';
    expect(reasons).toMatch(/"12%"/);
    expect(reasons).toMatch(/never promise or guarantee/);
    const biased = await desk.answer(handoff.id, OWN, {
      kind: 'edit',
      text: 'Women usually prefer to keep their money in a savings account.',
    });
    expect(biased.kind === 'refused' && biased.reasons.join(' ')).toMatch(
      /Stereotyped or protected-attribute wording/,
    );
    expect(await desk.latestFor(CUSTOMER)).toMatchObject({ status: 'pending', message: null });
    expect(await audit.head()).toBeNull();

    const own = 'Hello, I am your adviser. I can talk this through with you by phone on 0800 123 4567 today.';
    const outcome = await desk.answer(handoff.id, OWN, { kind: 'take_over', text: own });
    expect(outcome).toMatchObject({ kind: 'delivered', handoff: { status: 'taken_over', message: own } });
    const [record] = await audit.turns();
    expect(record).toMatchObject({
      channel: 'slack',
      actor: { id: 'U0OWN', role: 'advisor' },
      customerId: CUSTOMER,
      threadId: `web:${CUSTOMER}:thread-1`,
      reply: own,
      author: 'advisor',
      provider: { name: 'advisor', model: 'taken_over' },
    });
    expect(await desk.answer(handoff.id, OWN, { kind: 'approve' })).toMatchObject({ kind: 'closed' });
    expect(await audit.turns()).toHaveLength(1);
  });

  it('survives a restart and lets exactly one of a late approval and the expiry timer close the handoff', async () => {
    const handoff = await makeDesk(store).openForReply(customerMessage(), flaggedReply(1));
    if (!handoff || !OWN) throw new Error('setup');
    await store.dispose();
    store = openSqliteHandoffStore(path.join(directory, 'handoffs.sqlite'));
    const desk = makeDesk(store);
    clockMs += 60_000;
    const [approval, expired] = await Promise.all([
      desk.answer(handoff.id, OWN, { kind: 'approve' }),
      desk.expireDue(),
    ]);
    expect(approval.kind).toBe('delivered');
    expect(expired).toEqual([]);
    expect(await audit.turns()).toHaveLength(1);
    expect(await desk.latestFor(CUSTOMER)).toMatchObject({
      status: 'approved',
      advisor: { userId: 'U0OWN' },
    });
  });

  it('expires in the customer language with the phone line, and refuses bad timeouts by name', async () => {
    const desk = makeDesk(store);
    await desk.openForReply(customerMessage(), flaggedReply(1));
    clockMs += 59_999;
    expect(await desk.expireDue()).toEqual([]);
    clockMs += 1;
    const [expired] = await desk.expireDue();
    expect(expired?.message).toContain('0800 123 4567');
    expect(expired?.message).toMatch(/^Es tut uns leid/);
    const [record] = await audit.turns();
    expect(record).toMatchObject({
      author: 'assistant',
      provider: { name: 'core', model: 'handoff-timeout' },
    });
    expect(() => new HandoffDesk({ ...deskParts(), timeoutSeconds: 0 })).toThrow(
      /handoff timeout must be a positive number of seconds, got 0/,
    );
    expect(() => loadAppConfig({ HANDOFF_TIMEOUT_SECONDS: '5' })).toThrow(
      /HANDOFF_TIMEOUT_SECONDS: must be at least 10/,
    );
    expect(loadAppConfig({}).handoff.timeoutSeconds).toBe(300);
  });

  function deskParts() {
    return {
      store,
      audit,
      roles: ROLES,
      checkText: createWrittenTextChecker({
        customer: async () => null,
        catalog: async () => PRODUCT_CATALOG,
      }),
    };
  }
});
