import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationCore } from '../../../bot/core/index.ts';
import type { ChatModel } from '../../../chains/llm/index.ts';
import { checkAudienceVoice } from '../../../chains/validate/check-audience-voice.ts';
import { validateReply } from '../../../chains/validate/index.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../../support/advisor-fixture.ts';
import { FIXTURE_CUSTOMER, makeContext } from './validation-fixture.ts';

const advisor = makeContext({ audience: 'advisor' });
const customer = makeContext({ audience: 'customer' });
const texts = (reply: string, context = advisor) =>
  checkAudienceVoice(reply, context).map((issue) => ('text' in issue ? issue.text : issue.reason));

describe('checkAudienceVoice', () => {
  it('rejects "you/your" about the customer’s money in a reply to their advisor', () => {
    expect(texts('You have $18,450.75 in savings and a 15-year horizon.')).toEqual(['You have $18,450.75']);
    expect(texts('Your savings cover 3 months; your 15-year horizon suits a fund.')).toEqual([
      'Your savings',
      'your 15-year horizon',
    ]);
    expect(texts('You keep about 2% of your income after spending.')).toEqual([
      'your income',
      'You keep about 2',
    ]);
    expect(checkAudienceVoice('Your savings are low.', advisor)).toEqual([
      { reason: 'wrong_audience_voice', audience: 'advisor', text: 'Your savings' },
    ]);
  });

  it('lets an advisor be addressed about their own work, and the customer be named in the third person', () => {
    expect(
      texts('C-0042 has $18,450.75 in savings. You could offer them a review, or escalate to a specialist.'),
    ).toEqual([]);
    expect(texts('Based on C-0042’s profile, you may want to book a review with them.')).toEqual([]);
  });

  it('rejects "this customer" and the customer’s id in the third person in a reply to the customer', () => {
    expect(texts('This customer has $18,450.75 in savings.', customer)).toEqual(['This customer']);
    expect(texts('C-0042 has a 15-year horizon; the customer’s debt is low.', customer)).toEqual([
      'C-0042 has',
      'the customer’s',
    ]);
    expect(texts('You have $18,450.75 in savings and a 15-year horizon.', customer)).toEqual([]);
  });

  it('checks nothing when the reader is unknown or no customer is in the conversation', () => {
    expect(checkAudienceVoice('You have $18,450.75 in savings.', makeContext())).toEqual([]);
    expect(checkAudienceVoice('Your savings', makeContext({ audience: 'advisor', customer: null }))).toEqual(
      [],
    );
  });

  it('is one of the validator’s checks, with a repair instruction', () => {
    const verdict = validateReply('Your savings of $18,450.75 are a good start.', advisor);
    expect(verdict.issues).toContainEqual({
      reason: 'wrong_audience_voice',
      audience: 'advisor',
      text: 'Your savings',
    });
  });
});

// Ollama is replaced by a scripted model that speaks to the advisor as if the money were theirs; the chain,
// the grounded composer, Chroma and the SQLite audit are real.
describe('the audience check on the real writers', () => {
  let fixture: AdvisorFixture;
  beforeAll(async () => {
    fixture = await createAdvisorFixture(120);
  });
  afterAll(async () => {
    await fixture?.dispose();
  });
  const staff = { channel: 'slack', userId: 'U0ADVISOR', role: 'advisor', book: null } as const;
  const own = { channel: 'web', userId: 'C-000042', role: 'customer', customerId: 'C-000042' } as const;
  const questions = [
    'What would you recommend?',
    'How much do they have in savings?',
    'How much did they spend last month?',
  ];

  it('the grounded composer passes it for both readers: advisors read about C-000042, the customer is spoken to', async () => {
    const core = fixture.core();
    for (const [index, question] of questions.entries()) {
      const toAdvisor = await core.handle({
        actor: staff,
        threadId: `voice-a-${index}`,
        text: `${question} C-000042`,
      });
      const toCustomer = await core.handle({
        actor: own,
        threadId: `voice-c-${index}`,
        text: question.replace('they', 'I').replace('do I have', 'do I have'),
      });
      for (const [reply, audience] of [
        [toAdvisor, 'advisor'],
        [toCustomer, 'customer'],
      ] as const) {
        expect(reply.validator.issues.filter((issue) => issue.reason === 'wrong_audience_voice')).toEqual([]);
        const context = makeContext({
          audience,
          customer: { ...FIXTURE_CUSTOMER, customer_id: 'C-000042' },
        });
        expect(checkAudienceVoice(reply.text, context)).toEqual([]);
      }
    }
  });

  it('an LLM draft saying "You have $… in savings" to an advisor is not sent: repaired or replaced by the grounded reply', async () => {
    const drafts: string[] = [];
    const slipping: ChatModel = {
      provider: 'ollama',
      model: 'scripted-second-person',
      generate: async () => {
        const draft = 'You have a healthy amount in savings, and your horizon is long.';
        drafts.push(draft);
        return draft;
      },
    };
    const core = new ConversationCore({ chain: fixture.chain({ model: slipping }), audit: fixture.audit });
    const reply = await core.handle({
      actor: staff,
      threadId: 'voice-llm',
      text: 'What should C-000042 invest in for retirement?',
    });
    expect(drafts.length).toBeGreaterThan(0);
    expect(reply.text).not.toMatch(/\byour (?:savings|horizon)\b|\byou have a healthy\b/i);
    expect(reply.validator.fellBack || !reply.validator.ok).toBe(true);
    expect(reply.validator.issues).toContainEqual(
      expect.objectContaining({ reason: 'wrong_audience_voice' }),
    );
    const logged = (await fixture.audit.turns({ customerId: 'C-000042' })).at(-1);
    expect(logged?.reply).toBe(reply.text);
  });
});
