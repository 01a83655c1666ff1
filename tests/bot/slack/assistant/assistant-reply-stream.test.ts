import { type Logger, LogLevel, webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ASSISTANT_STATUS,
  AssistantReplyStream,
  assistantReplyBlocks,
  MAX_STREAM_CHARACTERS,
  replacedTextBlocks,
  streamedReplyFooter,
} from '../../../../bot/slack/assistant/index.ts';
import { type FakeSlackWebApi, type RecordedSlackCall, startFakeSlackWebApi } from '../fake-slack-web-api.ts';
import { streamedText } from './assistant-payloads.ts';
import { outboundReply } from './outbound-reply.ts';

const TARGET = {
  channel: 'D0STREAM',
  threadTs: '1700000000.000100',
  userId: 'U0ADVISOR',
  teamId: 'T0TEST01',
};

const quietLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

// Slack's Web API is the local stand-in (slack.com cannot be reached); the WebClient making the calls is real.
// The core's callbacks are called directly, in the orders the streaming contract allows.
describe('AssistantReplyStream turns the core’s callbacks into Slack’s native streaming calls', () => {
  let slackApi: FakeSlackWebApi;
  let client: webApi.WebClient;
  beforeAll(async () => {
    slackApi = await startFakeSlackWebApi();
    client = new webApi.WebClient('xoxb-test-token', {
      slackApiUrl: slackApi.apiUrl,
      retryConfig: { retries: 0 },
    });
  });
  afterAll(async () => {
    await slackApi?.close();
  });

  const summary = (calls: readonly RecordedSlackCall[]) =>
    calls.map((call) => {
      const { method, body } = call;
      if (method === 'assistant.threads.setStatus') return [method, body.status];
      if (method === 'chat.startStream' || method === 'chat.appendStream')
        return [method, body.markdown_text];
      if (method === 'chat.stopStream') return [method, body.blocks ?? null];
      if (method === 'chat.update') return [method, body.ts, body.blocks];
      return [method];
    });

  it('status first (deduplicated), then one call per sentence, then the footer', async () => {
    const from = slackApi.calls.length;
    const stream = new AssistantReplyStream(client, TARGET, quietLogger);
    stream.authorised();
    stream.progress('understanding');
    stream.progress('retrieving');
    stream.progress('writing');
    for (const word of ['First ', 'sentence. ', 'Second ', 'one? ', 'Last']) stream.token(word);
    stream.progress('writing');
    const reply = outboundReply({ text: 'First sentence. Second one? Last' });
    await stream.finish(reply);
    expect(summary(slackApi.calls.slice(from))).toEqual([
      ['assistant.threads.setStatus', ASSISTANT_STATUS.lookingUp],
      ['assistant.threads.setStatus', ASSISTANT_STATUS.writing],
      ['chat.startStream', 'First sentence. '],
      ['chat.appendStream', 'Second one? '],
      ['chat.appendStream', 'Last'],
      ['chat.stopStream', JSON.parse(JSON.stringify(streamedReplyFooter(reply)))],
    ]);
  });

  it('onReplace stops the stream and rewrites the message; the final answer replaces it whole', async () => {
    const from = slackApi.calls.length;
    const stream = new AssistantReplyStream(client, TARGET, quietLogger);
    stream.authorised();
    stream.token('Shown sentence. ');
    stream.token('A promise that failed. ');
    await slackApi.waitFor((call) => call.body.markdown_text === 'A promise that failed. ', { after: from });
    stream.replace('Repaired answer. ');
    stream.token('Then more. ');
    const reply = outboundReply({ text: 'Repaired answer. Then more.' });
    await stream.finish(reply);
    const calls = slackApi.calls.slice(from);
    const start = calls.find((call) => call.method === 'chat.startStream');
    expect(summary(calls)).toEqual([
      ['assistant.threads.setStatus', ASSISTANT_STATUS.lookingUp],
      ['chat.startStream', 'Shown sentence. '],
      ['chat.appendStream', 'A promise that failed. '],
      ['chat.stopStream', null],
      ['chat.update', start?.ts, JSON.parse(JSON.stringify(replacedTextBlocks('Repaired answer. ')))],
      ['chat.update', start?.ts, JSON.parse(JSON.stringify(assistantReplyBlocks(reply)))],
    ]);
  });

  it('pieces still waiting when a replacement comes are never shown', async () => {
    const from = slackApi.calls.length;
    const stream = new AssistantReplyStream(client, TARGET, quietLogger);
    stream.token('Void sentence. ');
    stream.replace('Instead this. ');
    await stream.finish(outboundReply({ text: 'Instead this.' }));
    expect(summary(slackApi.calls.slice(from)).slice(0, 1)).toEqual([['chat.startStream', 'Instead this. ']]);
    expect(streamedText(slackApi.calls.slice(from))).toBe('Instead this. ');
  });

  it('a replacement before anything was shown is simply streamed', async () => {
    const from = slackApi.calls.length;
    const stream = new AssistantReplyStream(client, TARGET, quietLogger);
    stream.authorised();
    stream.replace('Only this. ');
    stream.token('And this. ');
    await stream.finish(outboundReply({ text: 'Only this. And this.' }));
    expect(summary(slackApi.calls.slice(from)).slice(0, 3)).toEqual([
      ['assistant.threads.setStatus', ASSISTANT_STATUS.lookingUp],
      ['chat.startStream', 'Only this. '],
      ['chat.appendStream', 'And this. '],
    ]);
  });

  it('a long answer continues in new messages, each under the streaming limit, the footer on the last', async () => {
    const from = slackApi.calls.length;
    const stream = new AssistantReplyStream(client, TARGET, quietLogger);
    const sentence = `${'Grounded words '.repeat(12).trim()}. `;
    const text = sentence.repeat(180);
    for (let index = 0; index < 180; index += 1) stream.token(sentence);
    const reply = outboundReply({ text });
    await stream.finish(reply);
    const calls = slackApi.calls.slice(from);
    expect(streamedText(calls)).toBe(text);
    const starts = calls.filter((call) => call.method === 'chat.startStream');
    expect(starts.length).toBe(Math.ceil(text.length / MAX_STREAM_CHARACTERS));
    for (const start of starts) {
      const sent = calls
        .filter(
          (call) => call.ts === start.ts && ['chat.startStream', 'chat.appendStream'].includes(call.method),
        )
        .map((call) => String(call.body.markdown_text))
        .join('');
      expect(sent.length).toBeLessThanOrEqual(MAX_STREAM_CHARACTERS);
    }
    const stops = calls.filter((call) => call.method === 'chat.stopStream');
    expect(stops.map((call) => [call.body.ts, call.body.blocks === undefined])).toEqual(
      starts.map((start, index) => [start.ts, index < starts.length - 1]),
    );
  });

  it('model text cannot form Slack mentions or links', async () => {
    const from = slackApi.calls.length;
    const stream = new AssistantReplyStream(client, TARGET, quietLogger);
    stream.token('Ping <!channel> & <@U123>. ');
    await stream.finish(outboundReply({ text: 'Ping <!channel> & <@U123>.' }));
    expect(slackApi.calls.slice(from)[0]?.body.markdown_text).toBe(
      'Ping &lt;!channel&gt; &amp; &lt;@U123&gt;. ',
    );
  });

  it('a turn that fails after access was granted clears the status and tells only the asker', async () => {
    const from = slackApi.calls.length;
    const stream = new AssistantReplyStream(client, TARGET, quietLogger);
    stream.authorised();
    await stream.fail('The knowledge store is unavailable.');
    expect(summary(slackApi.calls.slice(from))).toEqual([
      ['assistant.threads.setStatus', ASSISTANT_STATUS.lookingUp],
      ['assistant.threads.setStatus', ''],
      ['chat.postEphemeral'],
    ]);
    expect(slackApi.calls.at(-1)?.body).toMatchObject({
      channel: TARGET.channel,
      user: TARGET.userId,
      thread_ts: TARGET.threadTs,
      text: 'The knowledge store is unavailable.',
    });
  });

  it('a reply with no streamed text (a clarifying question) is posted whole with its buttons', async () => {
    const from = slackApi.calls.length;
    const stream = new AssistantReplyStream(client, TARGET, quietLogger);
    const reply = outboundReply({ text: 'Which one?', quickReplies: ['C-000042', 'C-000043'] });
    await stream.finish(reply);
    const calls = slackApi.calls.slice(from);
    expect(calls.map((call) => call.method)).toEqual(['chat.postMessage']);
    expect(calls[0]?.body.blocks).toEqual(JSON.parse(JSON.stringify(assistantReplyBlocks(reply))));
  });
});
