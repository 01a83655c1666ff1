// Microsoft's Bot Connector service cannot be reached from here, so these flows run through botbuilder's own
// TestAdapter: the real TeamsActivityHandler pipeline and TurnContext, with what the bot sends collected in memory.
import { type Activity, type Attachment, TestAdapter } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogReports, RoleDirectory } from '../../../bot/core/index.ts';
import { type AdaptiveCard, AdvisorTeamsBot, type CardElement } from '../../../bot/teams/index.ts';
import { fixedText } from '../../../chains/compose/fixed-texts.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../../support/advisor-fixture.ts';

/** The risk warning as an advisor reads it about C-000010 (third person), once per Teams message. */
const RISK_DISCLOSURE = fixedText('risk_disclosure', {
  language: 'en',
  audience: 'advisor',
  customerId: 'C-000010',
});

const roles = new RoleDirectory({
  users: [
    { channel: 'teams', userId: 'aad-advisor', role: 'advisor', book: ['C-000010', 'C-000011'] },
    { channel: 'teams', userId: 'aad-customer', role: 'customer', customerId: 'C-000002' },
  ],
});

function personal(aadObjectId: string, conversationId: string, text: string): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'msteams',
    from: { id: `29:${aadObjectId}`, name: aadObjectId, aadObjectId },
    conversation: { id: conversationId, conversationType: 'personal', isGroup: false, name: conversationId },
    text,
  } as Partial<Activity>;
}

function streamInfo(activity: Partial<Activity>): Record<string, unknown> | undefined {
  return activity.entities?.find((entity) => entity.type === 'streaminfo') as
    | Record<string, unknown>
    | undefined;
}

function texts(elements: readonly CardElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === 'TextBlock') return [element.text];
    if (element.type === 'Container') return texts(element.items);
    if (element.type === 'ActionSet') return element.actions.map((action) => action.title);
    return [];
  });
}

describe('Teams AI surface: streaming in 1:1 chats, AI label, citations, feedback loop', () => {
  let fixture: AdvisorFixture;
  let adapter: TestAdapter;

  beforeAll(async () => {
    fixture = await createAdvisorFixture(120);
    const bot = new AdvisorTeamsBot({
      core: fixture.core(),
      roles,
      adminReports: auditLogReports(fixture.audit),
      streaming: { enabled: true, minIntervalMs: 0 },
    });
    adapter = new TestAdapter(async (context) => bot.run(context));
  });
  afterAll(async () => {
    await fixture?.dispose();
  });

  async function send(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    adapter.activeQueue.splice(0);
    await adapter.processActivity(activity);
    return adapter.activeQueue.splice(0);
  }

  it('streams: progress first, then growing text, then one final message carrying stream id, label, citations and card', async () => {
    const sent = await send(personal('aad-advisor', 'conv-stream', 'what should I offer C-000010?'));
    const logged = (await fixture.audit.turns({ customerId: 'C-000010' })).at(-1);
    if (!logged) throw new Error('the turn was not audited');

    // Plain typing, then the informative update: the stream is opened only after access was granted.
    expect(sent[0]?.type).toBe('typing');
    expect(streamInfo(sent[0] ?? {})).toBeUndefined();
    expect(sent[1]).toMatchObject({ type: 'typing', text: 'Reading your question…' });
    expect(streamInfo(sent[1] ?? {})).toMatchObject({ streamType: 'informative', streamSequence: 1 });
    // The stream id is the id the informative update was given (TestAdapter's response id).
    const streamId = sent[1]?.id;
    expect(streamId).toEqual(expect.any(String));

    // Every update before the final one carries the next sequence number; after the first, the stream id.
    const streamed = sent.filter(
      (activity) => activity.type === 'typing' && streamInfo(activity) !== undefined,
    );
    expect(streamed.map((activity) => streamInfo(activity)?.streamSequence)).toEqual(
      streamed.map((_, index) => index + 1),
    );
    for (const activity of streamed.slice(1)) expect(streamInfo(activity)?.streamId).toBe(streamId);
    // The validated sentences arrive while the turn runs (the core streams them after the opening audit record);
    // each update extends the one before, as Teams requires.
    const updates = streamed.filter((activity) => streamInfo(activity)?.streamType === 'streaming');
    expect(updates.length).toBeGreaterThan(0);
    updates.forEach((update, index) => {
      if (index > 0) expect(update.text?.startsWith(updates[index - 1]?.text ?? '')).toBe(true);
    });
    for (const update of updates) expect(logged.reply.startsWith(update.text ?? '')).toBe(true);

    const finals = sent.filter((activity) => activity.type === 'message');
    expect(finals).toHaveLength(1);
    const final = finals[0] ?? {};
    expect(streamInfo(final)).toEqual({ type: 'streaminfo', streamType: 'final', streamId });
    expect(final.channelData).toMatchObject({ streamType: 'final', streamId, feedbackLoopEnabled: true });
    // The answer as message text (risk warning left to the card), then one citation marker per source.
    const answer = logged.reply.replace(`\n\n${RISK_DISCLOSURE}`, '');
    expect(final.text?.startsWith(answer)).toBe(true);
    const label = final.entities?.find((entity) => entity.type === 'https://schema.org/Message') as
      | { additionalType: string[]; citation: { position: number; appearance: { name: string } }[] }
      | undefined;
    expect(label?.additionalType).toEqual(['AIGeneratedContent']);
    const names = label?.citation.map((citation) => citation.appearance.name) ?? [];
    expect(names[0]).toBe('Customer profile C-000010');
    expect(label?.citation.map((citation) => citation.position)).toEqual(names.map((_, index) => index + 1));
    expect(final.text?.endsWith(`Sources: ${names.map((_, index) => `[${index + 1}]`).join(' ')}`)).toBe(
      true,
    );
    // The card carries the details but not the answer a second time.
    const attachment: Attachment | undefined = final.attachments?.[0];
    const card = attachment?.content as AdaptiveCard;
    const shown = texts(card.body);
    expect(shown).not.toContain(answer);
    expect(shown.filter((line) => line === RISK_DISCLOSURE)).toHaveLength(1);
  });

  it("a refusal opens no stream: typing, then one plain message, nothing about the customer's file", async () => {
    const sent = await send(personal('aad-customer', 'conv-refused', 'how is C-000010 doing?'));
    expect(sent.map((activity) => activity.type)).toEqual(['typing', 'message']);
    expect(sent.every((activity) => streamInfo(activity) === undefined)).toBe(true);
    expect(sent[1]?.text).toMatch(/can't|cannot|not allowed|only/i);
  });

  it("Teams' 👍 on a streamed reply is recorded for that turn; one on an unknown message records nothing", async () => {
    const sent = await send(personal('aad-advisor', 'conv-feedback', 'what should I offer C-000011?'));
    const final = sent.find((activity) => activity.type === 'message');
    const turn = (await fixture.audit.turns({ customerId: 'C-000011' })).at(-1);
    const before = (await fixture.audit.feedback()).length;

    const invoke = (replyToId: string | undefined) =>
      ({
        ...personal('aad-advisor', 'conv-feedback', ''),
        type: 'invoke',
        name: 'message/submitAction',
        replyToId,
        value: {
          actionName: 'feedback',
          actionValue: { reaction: 'like', feedback: '{"feedbackText":"useful"}' },
        },
      }) as Partial<Activity>;
    const accepted = await send(invoke(final?.id));
    expect(accepted.find((activity) => activity.type === 'invokeResponse')?.value).toMatchObject({
      status: 200,
    });
    const feedback = await fixture.audit.feedback();
    expect(feedback).toHaveLength(before + 1);
    expect(feedback.at(-1)).toMatchObject({
      turnSeq: turn?.seq,
      rating: 'up',
      productId: null,
      channel: 'teams',
      actor: { id: 'aad-advisor', role: 'advisor' },
    });

    const unknown = await send(invoke('not-a-message-we-sent'));
    expect(unknown.find((activity) => activity.type === 'invokeResponse')?.value).toMatchObject({
      status: 400,
    });
    expect(await fixture.audit.feedback()).toHaveLength(before + 1);
  });
});
