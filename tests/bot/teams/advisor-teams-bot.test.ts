// Microsoft's Bot Connector service cannot be reached from here, so these flows run through botbuilder's own
// TestAdapter: the real TeamsActivityHandler pipeline and TurnContext, with replies collected in memory.
import path from 'node:path';
import { type Activity, type Attachment, TestAdapter } from 'botbuilder';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteAuditStore } from '../../../bot/audit/index.ts';
import {
  AUDIT_UNAVAILABLE_TEXT,
  auditLogReports,
  ConversationCore,
  RoleDirectory,
} from '../../../bot/core/index.ts';
import {
  type AdaptiveCard,
  AdvisorTeamsBot,
  type CardElement,
  createTeamsAdapter,
  DASHBOARD_WITHOUT_URL,
  FeedbackSubmit,
  parseTeamsText,
  type ReportCard,
  type SubmitAction,
  teamsThreadId,
} from '../../../bot/teams/index.ts';
import { fixedText } from '../../../chains/compose/fixed-texts.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../../support/advisor-fixture.ts';
import { GERMAN_TYPE_LABELS } from '../../support/product-type-labels.ts';

/** The risk warning as an advisor reads it about C-000010 (third person), once per Teams message. */
const RISK_DISCLOSURE = fixedText('risk_disclosure', {
  language: 'en',
  audience: 'advisor',
  customerId: 'C-000010',
});

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

const roles = new RoleDirectory({
  users: [
    { channel: 'teams', userId: 'aad-admin', role: 'admin' },
    { channel: 'teams', userId: 'aad-advisor', role: 'advisor' },
    { channel: 'teams', userId: 'aad-customer', role: 'customer', customerId: 'C-000002' },
    // The same person known on Slack only must not be let in through Teams.
    { channel: 'slack', userId: 'aad-slack-only', role: 'admin' },
  ],
});

interface Turn {
  typing: boolean;
  messages: Partial<Activity>[];
}

function userMessage(
  aadObjectId: string,
  conversationId: string,
  content: { text?: string; value?: unknown },
  conversationType: 'personal' | 'groupChat' = 'personal',
) {
  return {
    type: 'message',
    channelId: 'msteams',
    from: { id: `29:${aadObjectId}`, name: aadObjectId, aadObjectId },
    conversation: {
      id: conversationId,
      conversationType,
      isGroup: conversationType !== 'personal',
      name: conversationId,
    },
    ...content,
  } as Partial<Activity>;
}

function cardOf(activity: Partial<Activity> | undefined): AdaptiveCard | undefined {
  const attachment: Attachment | undefined = activity?.attachments?.[0];
  return attachment?.contentType === ADAPTIVE_CARD ? (attachment.content as AdaptiveCard) : undefined;
}

function texts(elements: readonly CardElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === 'TextBlock') return [element.text];
    if (element.type === 'Container') return texts(element.items);
    return element.actions.map((action) => action.title);
  });
}

function submitActions(card: AdaptiveCard): SubmitAction[] {
  const nested = (elements: readonly CardElement[]): SubmitAction[] =>
    elements.flatMap((element) => {
      if (element.type === 'Container') return nested(element.items);
      if (element.type === 'ActionSet') return element.actions;
      return [];
    });
  return [...nested(card.body), ...(card.actions ?? [])];
}

describe('AdvisorTeamsBot through botbuilder TestAdapter (real advisor: Chroma, LSA, chain, SQLite audit)', () => {
  let fixture: AdvisorFixture;
  let adapter: TestAdapter;
  let productNames: Map<string, string>;
  let productTypes: Map<string, string>;

  /** Sends one activity through the whole TeamsActivityHandler pipeline and returns what the bot sent. */
  async function send(
    aadObjectId: string,
    conversationId: string,
    content: { text?: string; value?: unknown },
    conversationType: 'personal' | 'groupChat' = 'personal',
  ) {
    adapter.activeQueue.splice(0);
    await adapter.processActivity(userMessage(aadObjectId, conversationId, content, conversationType));
    const sent = adapter.activeQueue.splice(0);
    const turn: Turn = {
      typing: sent[0]?.type === 'typing',
      messages: sent.filter((activity) => activity.type === 'message'),
    };
    return turn;
  }

  beforeAll(async () => {
    fixture = await createAdvisorFixture(120);
    const bot = new AdvisorTeamsBot({
      core: fixture.core(),
      roles,
      adminReports: auditLogReports(fixture.audit),
      streaming: { enabled: true, minIntervalMs: 0 },
    });
    adapter = new TestAdapter(async (context) => bot.run(context));
    const catalog = await fixture.retriever.catalog();
    productNames = new Map(catalog.map((product) => [product.id, product.name]));
    productTypes = new Map(catalog.map((product) => [product.id, product.type]));
  });
  afterAll(async () => {
    await fixture?.dispose();
  });

  it('in a group chat an advisor asking about a customer gets typing, then one Adaptive Card with the products and the badge', async () => {
    const turn = await send(
      'aad-advisor',
      'conv-advisor',
      { text: 'what should I offer C-000010?' },
      'groupChat',
    );
    expect(turn.typing).toBe(true);
    expect(turn.messages).toHaveLength(1);
    const card = cardOf(turn.messages[0]);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    if (!card) throw new Error('no card');

    const [logged] = await fixture.audit.turns({ customerId: 'C-000010' });
    expect(logged).toMatchObject({ channel: 'teams', actor: { id: 'aad-advisor', role: 'advisor' } });
    const recommended = logged?.recommendations.map((item) => item.productId) ?? [];
    expect(recommended.length).toBeGreaterThan(0);
    const shown = texts(card.body);
    for (const productId of recommended) expect(shown).toContain(productNames.get(productId));
    expect(shown).toContain('Written by grounded · grounded-composer-v1 · validated ✓');
    // The answer as logged, with the risk warning moved after the products (once per message).
    expect(shown[0]).toBe(logged?.reply.replace(`\n\n${RISK_DISCLOSURE}`, ''));
    expect(shown.filter((line) => line === RISK_DISCLOSURE)).toHaveLength(1);
    expect(turn.messages[0]?.summary).toBe(logged?.reply);
    // Labelled "AI generated", with Teams' own 👍/👎 turned on.
    expect(turn.messages[0]?.entities).toContainEqual(
      expect.objectContaining({ type: 'https://schema.org/Message', additionalType: ['AIGeneratedContent'] }),
    );
    expect(turn.messages[0]?.channelData).toMatchObject({ feedbackLoopEnabled: true });

    // Every button carries this turn's opaque id (not the audit seq) and a payload the bot accepts back.
    const actions = submitActions(card);
    const turnId = (actions[0]?.data as { turnId?: string } | undefined)?.turnId ?? '';
    expect(turnId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(turnId).not.toBe(String(logged?.seq));
    expect(actions.map((action) => action.data)).toEqual([
      ...recommended.flatMap((productId) => [
        { kind: 'feedback', turnId, productId, accepted: true },
        { kind: 'feedback', turnId, productId, accepted: false },
      ]),
      { kind: 'feedback', turnId, rating: 'up' },
      { kind: 'feedback', turnId, rating: 'down' },
    ]);
    for (const action of actions) expect(FeedbackSubmit.safeParse(action.data).success).toBe(true);
  });

  it('names product types on the card in the language of the question (German here)', async () => {
    const turn = await send(
      'aad-advisor',
      'conv-german',
      { text: 'Was würden Sie C-000016 empfehlen?' },
      'groupChat',
    );
    const card = cardOf(turn.messages[0]);
    if (!card) throw new Error('no card');
    const [logged] = await fixture.audit.turns({ customerId: 'C-000016' });
    const recommended = logged?.recommendations.map((item) => item.productId) ?? [];
    expect(recommended.length).toBeGreaterThan(0);
    // Each product is a Container: its name, then its type label.
    const products = card.body.flatMap((element) =>
      element.type === 'Container' ? [texts(element.items).slice(0, 2)] : [],
    );
    expect(products).toEqual(
      recommended.map((productId) => [
        productNames.get(productId),
        GERMAN_TYPE_LABELS[productTypes.get(productId) ?? 'missing'],
      ]),
    );
  });

  it('a follow-up in the same conversation stays on the customer; another conversation does not', async () => {
    await send('aad-advisor', 'conv-follow-up', { text: 'what should I offer C-000011?' });
    const followUp = await send('aad-advisor', 'conv-follow-up', {
      text: 'And how much risk can they take?',
    });
    expect(cardOf(followUp.messages[0])).toBeDefined();
    const turns = await fixture.audit.turns({});
    expect(turns.at(-1)).toMatchObject({
      threadId: 'conv-follow-up',
      customerId: 'C-000011',
      question: 'And how much risk can they take?',
    });

    await send('aad-advisor', 'conv-fresh', { text: 'And how much risk can they take?' });
    expect((await fixture.audit.turns({})).at(-1)).toMatchObject({
      threadId: 'conv-fresh',
      customerId: null,
    });
  });

  it('`advise C-000012` with an @mention is the advise command for that customer', async () => {
    const turn = await send('aad-advisor', 'conv-advise', { text: '<at>Advisor</at> advise c-000012' });
    const card = cardOf(turn.messages[0]);
    expect(card).toBeDefined();
    const last = (await fixture.audit.turns({})).at(-1);
    expect(last).toMatchObject({ customerId: 'C-000012', question: 'advise c-000012' });
    expect(last?.recommendations.length).toBeGreaterThan(0);
  });

  it('a customer asking about another customer is refused in plain text, with no card', async () => {
    const turn = await send('aad-customer', 'conv-customer', { text: 'What should C-000003 buy?' });
    expect(turn.typing).toBe(true);
    expect(turn.messages).toHaveLength(1);
    expect(turn.messages[0]?.attachments ?? []).toEqual([]);
    expect(turn.messages[0]?.text).toBe(
      'You are not allowed to ask about customer C-000003. You can ask about your own accounts.',
    );
    const refused = await fixture.audit.turns({ customerId: 'C-000003' });
    expect(refused.at(-1)).toMatchObject({
      channel: 'teams',
      provider: { name: 'core', model: 'authorisation' },
    });
  });

  it('an unknown customer id gets a clear not-found reply', async () => {
    const turn = await send('aad-advisor', 'conv-missing', { text: 'advise C-999999' });
    expect(turn.messages.map((message) => message.text)).toEqual([
      'There is no customer C-999999 in the store.',
    ]);
  });

  it('`bias` from a non-admin is refused; from an admin it is a report card with the "not implemented yet" line', async () => {
    const refused = await send('aad-advisor', 'conv-admin', { text: 'bias' });
    expect(refused.messages.map((message) => message.text)).toEqual(['Only administrators can run `bias`.']);
    expect(refused.messages[0]?.attachments ?? []).toEqual([]);

    const logged = await fixture.audit.turns({});
    const turnsBefore = logged.length;
    const advised = logged.filter((turn) => turn.recommendations.length > 0).length;
    expect(advised).toBeGreaterThan(0);
    const report = await send('aad-admin', 'conv-admin', { text: '<at>Financial Advisor</at> bias' });
    const card = cardOf(report.messages[0]);
    if (!card) throw new Error('no report card');
    const body = card.body as unknown as ReportCard['body'];
    const shown = body.flatMap((element) => (element.type === 'TextBlock' ? [element.text] : []));
    expect(shown[0]).toBe('Bias report (from the audit log)');
    expect(shown[1]).toMatch(new RegExp(`^Bias guard flagged \\d+ of ${turnsBefore} logged turns`));
    // The figures are a native FactSet, not lines of text.
    expect(body).toContainEqual({
      type: 'FactSet',
      facts: [
        { title: 'Turns logged', value: String(turnsBefore) },
        { title: 'With recommendations', value: String(advised) },
        { title: 'Bias guard flags', value: expect.stringMatching(/^\d+/) },
      ],
    });
    expect(shown.some((line) => line.includes('are not implemented yet'))).toBe(true);
    expect(shown.at(-1)).toBe(DASHBOARD_WITHOUT_URL);
    // Admin reports are not conversation turns.
    expect((await fixture.audit.turns({})).length).toBe(turnsBefore);
  });

  it('`bench` from an admin is the operations report card', async () => {
    const turn = await send('aad-admin', 'conv-admin', { text: 'BENCH' });
    const card = cardOf(turn.messages[0]);
    expect(card?.body[0]).toMatchObject({ type: 'TextBlock', text: 'Operations (from the audit log)' });
  });

  it('a 👍 and an "Interested" card submit are written to the audit log as Teams feedback', async () => {
    const asked = await send('aad-advisor', 'conv-feedback', { text: 'what should I offer C-000014?' });
    const askedCard = cardOf(asked.messages[0]);
    const turnId = askedCard
      ? ((submitActions(askedCard)[0]?.data as { turnId?: string } | undefined)?.turnId ?? '')
      : '';
    const turn = (await fixture.audit.turns({ customerId: 'C-000014' })).at(-1);
    const productId = turn?.recommendations[0]?.productId;
    if (!turn || !productId) throw new Error('no recommendation to give feedback on');

    const up = await send('aad-advisor', 'conv-feedback', {
      value: { kind: 'feedback', turnId, rating: 'up' },
    });
    expect(up.messages.map((message) => message.text)).toEqual(['Thanks for the feedback!']);
    await send('aad-advisor', 'conv-feedback', {
      value: { kind: 'feedback', turnId, productId, accepted: true },
    });
    const feedback = await fixture.audit.feedback({ turnSeq: turn.seq });
    expect(feedback).toMatchObject([
      {
        turnSeq: turn.seq,
        actor: { id: 'aad-advisor', role: 'advisor' },
        rating: 'up',
        productId: null,
        accepted: null,
        channel: 'teams',
      },
      { turnSeq: turn.seq, rating: null, productId, accepted: true, channel: 'teams' },
    ]);
  });

  it('a forged or stale card submit is answered plainly and writes nothing', async () => {
    const before = (await fixture.audit.feedback({})).length;
    const forged = await send('aad-advisor', 'conv-forged', { value: { kind: 'feedback', turnId: 1 } });
    expect(forged.messages[0]?.text).toBe(
      "Sorry, I didn't recognise that button. Please ask your question again.",
    );
    const stale = await send('aad-advisor', 'conv-forged', {
      value: { kind: 'feedback', turnId: 'AAAAAAAAAAAAAAAAAAAAAA', rating: 'down' },
    });
    expect(stale.messages[0]?.text).toBe(
      "Sorry, I couldn't record that feedback: There is no turn AAAAAAAAAAAAAAAAAAAAAA.",
    );
    expect((await fixture.audit.feedback({})).length).toBe(before);
  });

  it('an unknown user, or one known on another channel only, is told they are not registered', async () => {
    const turnsBefore = (await fixture.audit.turns({})).length;
    for (const aadObjectId of ['aad-stranger', 'aad-slack-only']) {
      const turn = await send(aadObjectId, 'conv-stranger', { text: 'what should I offer C-000010?' });
      expect(turn.typing).toBe(true);
      expect(turn.messages.map((message) => message.text)).toEqual([
        `You're not registered to use the financial advisor in Teams (your Microsoft Entra object id is ${aadObjectId}). Ask an administrator to add you to the roles file.`,
      ]);
    }
    const feedback = await send('aad-stranger', 'conv-stranger', {
      value: { kind: 'feedback', turnId: 'T1', rating: 'up' },
    });
    expect(feedback.messages[0]?.text).toMatch(/^You're not registered/);
    expect((await fixture.audit.turns({})).length).toBe(turnsBefore);
  });

  it("the adapter's turn-error handler logs and apologises when the advisor fails unexpectedly", async () => {
    const bot = new AdvisorTeamsBot({
      core: fixture.core(
        fixture.chain({
          rank: () => {
            throw new Error('ranker exploded');
          },
        }),
      ),
      roles,
      adminReports: auditLogReports(fixture.audit),
    });
    const logged: { message: string; details: unknown }[] = [];
    const cloudAdapter = createTeamsAdapter(
      { appType: 'MultiTenant', appId: '00000000-0000-4000-8000-000000000001', appPassword: 'not-a-secret' },
      { logger: { error: (message, details) => logged.push({ message, details }) } },
    );
    const failing = new TestAdapter(async (context) => bot.run(context));
    failing.onTurnError = cloudAdapter.onTurnError;
    await failing.processActivity(userMessage('aad-advisor', 'conv-broken', { text: 'advise C-000010' }));
    const sent = failing.activeQueue.filter((activity) => activity.type === 'message');
    expect(sent.map((activity) => activity.text)).toEqual([
      'Something went wrong on our side; please try again later.',
    ]);
    expect(logged).toHaveLength(1);
    expect(logged[0]?.message).toBe('Teams turn failed (conversation conv-broken)');
    expect(logged[0]?.details).toMatchObject({ message: 'ranker exploded' });
  });

  it('an audit store that cannot record the turn: the advisor is told nothing was recorded, and no advice is sent', async () => {
    const brokenAudit = openSqliteAuditStore(path.join(fixture.chroma.directory, 'broken-audit.sqlite'));
    await brokenAudit.close();
    const bot = new AdvisorTeamsBot({
      core: new ConversationCore({ chain: fixture.chain(), audit: brokenAudit }),
      roles,
      adminReports: auditLogReports(brokenAudit),
    });
    const adapter = new TestAdapter(async (context) => bot.run(context));
    await adapter.processActivity(userMessage('aad-advisor', 'conv-broken', { text: 'advise C-000010' }));
    const sent = adapter.activeQueue.filter((activity) => activity.type === 'message');
    expect(sent.map((activity) => activity.text)).toEqual([AUDIT_UNAVAILABLE_TEXT]);
    expect(sent.every((activity) => (activity.attachments ?? []).length === 0)).toBe(true);
  });
});

describe('parseTeamsText and teamsThreadId: translating Teams text and conversations', () => {
  it.each([
    ['bias', { command: 'report', report: 'bias' }],
    ['<at>Financial Advisor</at> Bench', { command: 'report', report: 'bench' }],
    ['/bias', { command: 'report', report: 'bias' }],
    ['bias please', { command: 'ask', question: 'bias please' }],
    ['advise C-000042', { command: 'advise', customerId: 'C-000042', question: 'advise C-000042' }],
    [
      '<at>Advisor</at>  advise c-000042   any pensions?',
      { command: 'advise', customerId: 'C-000042', question: 'any pensions?' },
    ],
    ['advise', { command: 'advise', customerId: null, question: 'advise' }],
    ['advisers say what?', { command: 'ask', question: 'advisers say what?' }],
    ['<at>Advisor</at>', { command: 'ask', question: '' }],
  ])('%j → %o', (text, expected) => {
    expect(parseTeamsText(text)).toEqual(expected);
  });

  it('mentions never leak into the question, whatever the mentioned name', () => {
    const name = fc.string().filter((value) => !value.includes('</at>'));
    fc.assert(
      fc.property(name, name, (first, second) => {
        const parsed = parseTeamsText(`<at>${first}</at> what should I offer C-000010? <at>${second}</at>`);
        expect(parsed).toEqual({ command: 'ask', question: 'what should I offer C-000010?' });
      }),
    );
  });

  it('channel threads get their own thread id; personal chats keep the conversation id', () => {
    const personal = { conversation: { id: 'a:1', conversationType: 'personal', isGroup: false, name: '' } };
    expect(teamsThreadId({ ...personal, replyToId: 'm-9' })).toBe('a:1');
    const channel = {
      conversation: { id: '19:c@thread.tacv2', conversationType: 'channel', isGroup: true, name: '' },
    };
    expect(teamsThreadId({ ...channel, replyToId: 'm-9' })).toBe('19:c@thread.tacv2;messageid=m-9');
    const rooted = { conversation: { ...channel.conversation, id: '19:c@thread.tacv2;messageid=m-1' } };
    expect(teamsThreadId({ ...rooted, replyToId: 'm-9' })).toBe('19:c@thread.tacv2;messageid=m-1');
  });
});
