import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Actor, RoleDirectory } from '../../../bot/core/index.ts';
import {
  ADVISE_USAGE,
  adviseToInbound,
  feedbackToInput,
  NOT_REGISTERED,
  parseAdviseCommand,
  toInbound,
} from '../../../bot/slack/index.ts';

const roles = new RoleDirectory({
  users: [
    { channel: 'slack', userId: 'U0ADVISOR', role: 'advisor', book: ['C-000042'] },
    { channel: 'slack', userId: 'U0ADMIN', role: 'admin' },
    { channel: 'teams', userId: 'U0TEAMSONLY', role: 'admin' },
  ],
});
const advisor = roles.find('slack', 'U0ADVISOR') as Actor;
const BOT = 'U0BOT';

describe('toInbound (app_mention and message.im events)', () => {
  it('strips the bot mention and threads a top-level mention under itself', () => {
    const result = toInbound(
      {
        user: 'U0ADVISOR',
        channel: 'C0ADVICE',
        ts: '1700000001.000100',
        text: `<@${BOT}> What suits C-000042?`,
      },
      roles,
      BOT,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        message: { actor: advisor, threadId: 'C0ADVICE:1700000001.000100', text: 'What suits C-000042?' },
        channel: 'C0ADVICE',
        threadTs: '1700000001.000100',
      },
    });
  });

  it('keeps a reply in a thread on that thread, and unescapes what Slack escaped', () => {
    const result = toInbound(
      {
        user: 'U0ADVISOR',
        channel: 'C0ADVICE',
        ts: '1700000009.000100',
        thread_ts: '1700000001.000100',
        text: `<@${BOT}|advisor bot>, bonds &lt;5y&gt; &amp; gilts for <@U0COLLEAGUE>?`,
      },
      roles,
      BOT,
    );
    expect(result.ok && result.value).toMatchObject({
      message: { threadId: 'C0ADVICE:1700000001.000100', text: 'bonds <5y> & gilts for <@U0COLLEAGUE>?' },
      threadTs: '1700000001.000100',
    });
  });

  it('takes a direct message as it is (no mention needed)', () => {
    const result = toInbound(
      { user: 'U0ADVISOR', channel: 'D0DM', ts: '5.1', text: 'and their savings?' },
      roles,
      BOT,
    );
    expect(result.ok && result.value.message).toEqual({
      actor: advisor,
      threadId: 'D0DM:5.1',
      text: 'and their savings?',
    });
  });

  it('without the bot id, strips only a leading mention', () => {
    const result = toInbound(
      { user: 'U0ADMIN', channel: 'C1', ts: '1.1', text: '<@U0SOMEBOT> ask <@U0OTHER> about C-000042' },
      roles,
    );
    expect(result.ok && result.value.message.text).toBe('ask <@U0OTHER> about C-000042');
  });

  it.each([
    ['an unknown user', { user: 'U0STRANGER', text: `<@${BOT}> hi` }, 'unknown_user', NOT_REGISTERED],
    [
      'a user known only in Teams',
      { user: 'U0TEAMSONLY', text: `<@${BOT}> hi` },
      'unknown_user',
      NOT_REGISTERED,
    ],
    ['an event without a user', { text: `<@${BOT}> hi` }, 'unknown_user', NOT_REGISTERED],
  ])('refuses %s without building a message', (_label, fields, reason, ephemeral) => {
    expect(toInbound({ channel: 'C1', ts: '1.1', ...fields }, roles, BOT)).toEqual({
      ok: false,
      reason,
      ephemeral,
    });
  });

  it('asks for a question when the mention is all there is', () => {
    const result = toInbound(
      { user: 'U0ADVISOR', channel: 'C1', ts: '1.1', text: `  <@${BOT}>  ` },
      roles,
      BOT,
    );
    expect(result).toMatchObject({ ok: false, reason: 'usage' });
  });

  it('never leaves the bot mention in the text, whatever surrounds it', () => {
    // Slack escapes <, > and & in what users type, so raw text holds them only as entities and mentions.
    const typed = fc.string().map((text) => text.replace(/[<>&]/g, ''));
    fc.assert(
      fc.property(typed, typed, (before, after) => {
        const result = toInbound(
          { user: 'U0ADVISOR', channel: 'C1', ts: '1.1', text: `${before}<@${BOT}> ${after}` },
          roles,
          BOT,
        );
        if (result.ok) expect(result.value.message.text).not.toContain(`<@${BOT}>`);
        else expect(result.reason).toBe('usage');
      }),
    );
  });
});

describe('/advise', () => {
  const command = (user_id: string, text: string) => ({
    command: '/advise',
    text,
    user_id,
    channel_id: 'C0ADVICE',
  });

  it('names the customer and asks for recommendations by default', () => {
    const parsed = parseAdviseCommand(command('U0ADVISOR', 'C-000042'), roles);
    expect(parsed).toEqual({
      ok: true,
      value: {
        actor: advisor,
        channel: 'C0ADVICE',
        customerId: 'C-000042',
        question: 'What would you recommend for C-000042?',
      },
    });
    if (!parsed.ok) throw new Error('expected a request');
    expect(adviseToInbound(parsed.value, '1700000100.000100')).toEqual({
      message: {
        actor: advisor,
        threadId: 'C0ADVICE:1700000100.000100',
        text: 'What would you recommend for C-000042?',
        customerId: 'C-000042',
        command: 'advise',
      },
      channel: 'C0ADVICE',
      threadTs: '1700000100.000100',
    });
  });

  it('accepts a lower-case id and keeps the question', () => {
    const parsed = parseAdviseCommand(command('U0ADVISOR', '  c-000042   what about &lt;bonds&gt;? '), roles);
    expect(parsed.ok && parsed.value).toMatchObject({
      customerId: 'C-000042',
      question: 'what about <bonds>?',
    });
  });

  it.each([
    ['', `Which customer? ${ADVISE_USAGE}`],
    ['   ', `Which customer? ${ADVISE_USAGE}`],
    ['42', `"42" is not a customer id (expected one like C-000042). ${ADVISE_USAGE}`],
    ['C-42 hello', `"C-42" is not a customer id (expected one like C-000042). ${ADVISE_USAGE}`],
  ])('"%s" gets the usage message', (text, ephemeral) => {
    expect(parseAdviseCommand(command('U0ADVISOR', text), roles)).toEqual({
      ok: false,
      reason: 'usage',
      ephemeral,
    });
  });

  it('tells an unknown user to get registered, before looking at the arguments', () => {
    expect(parseAdviseCommand(command('U0STRANGER', 'nonsense'), roles)).toEqual({
      ok: false,
      reason: 'unknown_user',
      ephemeral: NOT_REGISTERED,
    });
  });
});

describe('feedbackToInput', () => {
  it.each([
    ['feedback_up', 'tA12', { turnId: 'tA12', rating: 'up', productId: null, accepted: null }],
    ['feedback_down', 'tB3', { turnId: 'tB3', rating: 'down', productId: null, accepted: null }],
    [
      'feedback_accept',
      '{"turnId":"tA12","productId":"SAV-02"}',
      { turnId: 'tA12', rating: null, productId: 'SAV-02', accepted: true },
    ],
    [
      'feedback_decline',
      '{"turnId":"tA12","productId":"SAV-02"}',
      { turnId: 'tA12', rating: null, productId: 'SAV-02', accepted: false },
    ],
  ])('%s with %s', (action_id, value, expected) => {
    expect(feedbackToInput({ action_id, value })).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['feedback_up', undefined],
    ['feedback_up', ''],
    ['feedback_up', '1.5'],
    ['feedback_down', 'seven days'],
    ['feedback_accept', 'not json'],
    ['feedback_accept', '{"turnId":12,"productId":"SAV-02"}'],
    ['feedback_accept', '{"turnId":"tA12"}'],
    ['feedback_other', '12'],
  ])('%s with %s is not feedback', (action_id, value) => {
    expect(feedbackToInput({ action_id, ...(value === undefined ? {} : { value }) })).toMatchObject({
      ok: false,
      reason: 'unknown_action',
    });
  });

  it('never throws, whatever the button value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('feedback_up', 'feedback_down', 'feedback_accept', 'feedback_decline'),
        fc.string(),
        (action_id, value) => {
          const result = feedbackToInput({ action_id, value });
          if (result.ok) expect(result.value.turnId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
        },
      ),
    );
  });
});
