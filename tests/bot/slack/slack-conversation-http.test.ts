import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeMrkdwn, NOT_REGISTERED } from '../../../bot/slack/index.ts';
import { PRODUCT_CATALOG } from '../../../knowledge/generate/index.ts';
import { PRODUCT_TYPE_LABELS } from '../../../knowledge/index.ts';
import { GERMAN_TYPE_LABELS } from '../../support/product-type-labels.ts';
import { FAKE_BOT } from './fake-slack-web-api.ts';
import { postCommand, postEvent } from './signed-slack-request.ts';
import {
  blocksOf,
  buttons,
  CHANNEL,
  DM,
  directMessage,
  mention,
  nextTs,
  slashCommand,
} from './slack-payloads.ts';
import { type SlackTestServer, startSlackTestServer } from './slack-test-server.ts';

const catalog = new Map(PRODUCT_CATALOG.map((product) => [product.id, product]));
const BOT = `<@${FAKE_BOT.userId}>`;

describe('Slack conversations over real HTTP (mentions, DMs, /advise) with a real advisor', () => {
  let slack: SlackTestServer;
  beforeAll(async () => {
    slack = await startSlackTestServer();
  });
  afterAll(async () => {
    await slack?.close();
  });

  it('answers an app_mention from an advisor in its thread, with product cards, and audits the turn', async () => {
    const { fixture, slackApi, eventsUrl, signing } = slack;
    const ts = nextTs();
    const response = await postEvent(
      eventsUrl,
      mention('U0ADVISOR', `${BOT} What would you recommend for C-000042?`, ts),
      signing,
    );
    expect(response.status).toBe(200);

    const call = await slackApi.waitFor(
      (made) => made.method === 'chat.postMessage' && made.body.thread_ts === ts,
    );
    expect(call.body.channel).toBe(CHANNEL);
    expect(call.authorization).toBe('Bearer xoxb-test-token');
    const turn = (await fixture.audit.turns({})).find((record) => record.threadId === `${CHANNEL}:${ts}`);
    expect(turn).toMatchObject({
      channel: 'slack',
      actor: { id: 'U0ADVISOR', role: 'advisor' },
      customerId: 'C-000042',
      question: 'What would you recommend for C-000042?',
    });
    const productIds = turn?.recommendations.map((item) => item.productId) ?? [];
    expect(productIds.length).toBeGreaterThan(0);

    // One card per recommended product, in the audited order (the answer text names them too, so look at cards).
    const blocks = blocksOf(call);
    // A card is the section just before its product:<id> row of "Interested" / "Not for me".
    const cardTitles = blocks.flatMap((block, index) => {
      const next = blocks[index + 1];
      const isCard = block.type === 'section' && next?.block_id?.startsWith('product:');
      return isCard ? [block.text?.text.split('\n')[0]] : [];
    });
    expect(cardTitles).toEqual(
      productIds.map((productId) => {
        const product = catalog.get(productId);
        return `*${escapeMrkdwn(product?.name ?? 'missing')}* (${product ? PRODUCT_TYPE_LABELS[product.type] : 'missing'})`;
      }),
    );
    // Buttons carry the turn's opaque id, not the audit log's global sequence number.
    const turnId = buttons(blocks).at(-1)?.value ?? '';
    expect(turnId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(buttons(blocks).map((button) => [button.action_id, button.value])).toEqual([
      ...productIds.flatMap((productId) => [
        ['feedback_accept', JSON.stringify({ turnId, productId })],
        ['feedback_decline', JSON.stringify({ turnId, productId })],
      ]),
      ['feedback_up', turnId],
      ['feedback_down', turnId],
    ]);
    expect(call.body.text).toContain(escapeMrkdwn(turn?.reply ?? '').slice(0, 40));
  });

  it('names product types on the cards in the language of the question (German here)', async () => {
    const { fixture, slackApi, eventsUrl, signing } = slack;
    const ts = nextTs();
    await postEvent(
      eventsUrl,
      mention('U0ADVISOR', `${BOT} Was würden Sie C-000042 empfehlen?`, ts),
      signing,
    );
    const call = await slackApi.waitFor(
      (made) => made.method === 'chat.postMessage' && made.body.thread_ts === ts,
    );
    const turn = (await fixture.audit.turns({})).find((record) => record.threadId === `${CHANNEL}:${ts}`);
    const productIds = turn?.recommendations.map((item) => item.productId) ?? [];
    expect(productIds.length).toBeGreaterThan(0);
    const blocks = blocksOf(call);
    const cardTitles = blocks.flatMap((block, index) => {
      const next = blocks[index + 1];
      const isCard = block.type === 'section' && next?.block_id?.startsWith('product:');
      return isCard ? [block.text?.text.split('\n')[0]] : [];
    });
    expect(cardTitles).toEqual(
      productIds.map((productId) => {
        const product = catalog.get(productId);
        return `*${escapeMrkdwn(product?.name ?? 'missing')}* (${product ? GERMAN_TYPE_LABELS[product.type] : 'missing'})`;
      }),
    );
  });

  it('keeps a direct-message thread on the same customer and ignores bot posts and edits', async () => {
    const { fixture, slackApi, eventsUrl, signing } = slack;
    const root = nextTs();
    await postEvent(
      eventsUrl,
      directMessage({ user: 'U0ADVISOR', text: 'What would you recommend for C-000042?', ts: root }),
      signing,
    );
    await slackApi.waitFor((made) => made.method === 'chat.postMessage' && made.body.thread_ts === root);
    const before = (await fixture.audit.turns({})).length;

    // Neither of these is a question: Slack delivers bot posts and edits as message.im events too.
    await postEvent(
      eventsUrl,
      directMessage({
        bot_id: 'B0OTHER',
        user: 'U0ADVISOR',
        text: 'I am a bot',
        ts: nextTs(),
        thread_ts: root,
      }),
      signing,
    );
    await postEvent(
      eventsUrl,
      directMessage({
        subtype: 'message_changed',
        hidden: true,
        ts: nextTs(),
        message: { type: 'message', user: 'U0ADVISOR', text: 'edited C-000099', ts: root },
        previous_message: { type: 'message', user: 'U0ADVISOR', text: 'old', ts: root },
      }),
      signing,
    );

    const callsBefore = slackApi.calls.length;
    await postEvent(
      eventsUrl,
      directMessage({
        user: 'U0ADVISOR',
        text: 'Why is the first one suitable?',
        ts: nextTs(),
        thread_ts: root,
      }),
      signing,
    );
    const reply = await slackApi.waitFor(
      (made) => made.method === 'chat.postMessage' && made.body.thread_ts === root,
      { after: callsBefore },
    );
    expect(reply.body.channel).toBe(DM);
    const turns = await fixture.audit.turns({});
    expect(turns.length).toBe(before + 1);
    expect(turns.at(-1)).toMatchObject({
      threadId: `${DM}:${root}`,
      question: 'Why is the first one suitable?',
      customerId: 'C-000042',
      channel: 'slack',
    });
  });

  it('/advise for a customer outside the advisor’s book is refused, with no recommendation', async () => {
    const { fixture, slackApi, eventsUrl, signing } = slack;
    const response = await postCommand(
      eventsUrl,
      slashCommand('/advise', 'U0NARROW', 'C-000010', slackApi.responseUrl('advise-refused')),
      signing,
    );
    // Authorised first: the refusal is the private acknowledgement itself, naming the advisor's book, and
    // nothing about C-000010 is posted where others can see it.
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      response_type: 'ephemeral',
      text:
        'You are not allowed to ask about customer C-000010. ' +
        'You can ask about the customers in your book: C-000042, C-000043.',
    });
    const posted = slackApi.calls.filter(
      (made) => made.method === 'chat.postMessage' && String(made.body.text).includes('C-000010'),
    );
    expect(posted).toEqual([]);
    expect((await fixture.audit.turns({ customerId: 'C-000010' })).at(-1)).toMatchObject({
      actor: { id: 'U0NARROW', role: 'advisor' },
      provider: { name: 'core', model: 'authorisation' },
      recommendations: [],
      channel: 'slack',
    });
  });

  it('/advise for a customer in the book answers in the thread of the posted question', async () => {
    const { fixture, slackApi, eventsUrl, signing } = slack;
    const response = await postCommand(
      eventsUrl,
      slashCommand('/advise', 'U0NARROW', 'c-000043 what about savings?', slackApi.responseUrl('advise-ok')),
      signing,
    );
    expect(response.status).toBe(200);
    const question = await slackApi.waitFor(
      (made) => made.method === 'chat.postMessage' && String(made.body.text).includes('asked about C-000043'),
    );
    expect(question.body).toMatchObject({
      channel: CHANNEL,
      text: '<@U0NARROW> asked about C-000043: what about savings?',
    });
    const answer = await slackApi.waitFor(
      (made) => made.method === 'chat.postMessage' && made.body.thread_ts === question.ts,
    );
    const turn = (await fixture.audit.turns({ customerId: 'C-000043' })).at(-1);
    expect(turn).toMatchObject({
      question: 'what about savings?',
      actor: { id: 'U0NARROW', role: 'advisor' },
      threadId: `${CHANNEL}:${question.ts}`,
    });
    expect(buttons(blocksOf(answer)).at(-1)?.value).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it.each([
    ['no customer id', '', 'Which customer?'],
    ['a malformed customer id', 'bonds please', '"bonds" is not a customer id'],
  ])('/advise with %s gets the usage message at once', async (_label, text, expected) => {
    const { slackApi, eventsUrl, signing } = slack;
    const response = await postCommand(
      eventsUrl,
      slashCommand('/advise', 'U0ADVISOR', text, slackApi.responseUrl('advise-usage')),
      signing,
    );
    const body = (await response.json()) as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain(expected);
    expect(body.text).toContain('/advise C-000042 [question]');
  });

  it.each([
    [
      'the customer does not exist',
      `${BOT} what suits C-999999?`,
      'There is no customer C-999999 in the store.',
    ],
    [
      'the message is too long',
      `${BOT} ${'x'.repeat(2001)}`,
      'The message has 2001 characters; the limit is 2000.',
    ],
  ])('tells the advisor privately, in the thread, when %s', async (_label, text, expected) => {
    const { slackApi, eventsUrl, signing } = slack;
    const ts = nextTs();
    await postEvent(eventsUrl, mention('U0ADVISOR', text, ts), signing);
    const ephemeral = await slackApi.waitFor(
      (made) => made.method === 'chat.postEphemeral' && made.body.thread_ts === ts,
    );
    expect(ephemeral.body).toMatchObject({ channel: CHANNEL, user: 'U0ADVISOR', text: expected });
  });

  it('tells an unregistered user to ask an admin, without calling the core', async () => {
    const { fixture, slackApi, eventsUrl, signing } = slack;
    const before = (await fixture.audit.turns({})).length;
    const ts = nextTs();
    await postEvent(eventsUrl, mention('U0STRANGER', `${BOT} what about C-000042?`, ts), signing);
    const ephemeral = await slackApi.waitFor(
      (made) => made.method === 'chat.postEphemeral' && made.body.user === 'U0STRANGER',
    );
    expect(ephemeral.body).toMatchObject({ channel: CHANNEL, thread_ts: ts, text: NOT_REGISTERED });
    expect((await fixture.audit.turns({})).length).toBe(before);
  });
});
