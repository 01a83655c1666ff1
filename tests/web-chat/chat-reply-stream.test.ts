// Ollama is replaced by the local stand-in server (tests/support/fake-ollama.ts); everything else is real:
// Chroma, the LSA embedder, the chain, the SQLite audit log and the Hono app through app.request().
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationCore } from '../../bot/core/index.ts';
import { OllamaChatModel } from '../../chains/llm/index.ts';
import { createWebChatApp, signCustomerToken, type WebChatReply } from '../../web-chat/index.ts';
import { type AdvisorFixture, createAdvisorFixture } from '../support/advisor-fixture.ts';
import { type FakeOllama, startFakeOllama } from '../support/fake-ollama.ts';

const SECRET = 'test-secret-for-chat-reply-stream-0123456789';

interface SseEvent {
  event: string;
  data: unknown;
}

function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message',
      data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null'),
    }));
}

/** The event names with runs of the same name collapsed: the order the widget sees them in. */
function shape(events: readonly SseEvent[]): string[] {
  return events.map((event) => event.event).filter((name, index, names) => name !== names[index - 1]);
}

const textOf = (event: SseEvent | undefined): string =>
  (event?.data as { text?: string } | undefined)?.text ?? '';

describe('web chat SSE: progress, token, replace, reply, done — in order (real Hono app)', () => {
  let fixture: AdvisorFixture;
  let ollama: FakeOllama;
  beforeAll(async () => {
    fixture = await createAdvisorFixture(120);
    ollama = await startFakeOllama({ models: ['mistral:latest'] });
  });
  afterAll(async () => {
    await ollama?.close();
    await fixture?.dispose();
  });

  const ask = async (core: ConversationCore, message: string) => {
    const app = createWebChatApp({ core, audit: fixture.audit, tokenSecret: SECRET });
    const token = await signCustomerToken({
      customerId: 'C-000007',
      secret: SECRET,
      nowMs: Date.now(),
      lifetimeSeconds: 600,
    });
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ message }),
    });
    expect(response.status).toBe(200);
    return parseSse(await response.text());
  };

  it('grounded: one progress event per chain step, then whole sentences, then the reply and done', async () => {
    const events = await ask(fixture.core(), 'What would you recommend for me?');
    expect(shape(events)).toEqual(['progress', 'token', 'reply', 'done']);
    expect(events.filter((event) => event.event === 'progress').map((event) => event.data)).toEqual([
      { step: 'understanding' },
      { step: 'retrieving' },
      { step: 'ranking' },
      { step: 'writing' },
    ]);
    const tokens = events.filter((event) => event.event === 'token').map(textOf);
    const reply = events.find((event) => event.event === 'reply')?.data as WebChatReply;
    expect(tokens.join('')).toBe(reply.text);
    // Sentences, not words: every piece but the last ends a sentence or a line.
    for (const token of tokens.slice(0, -1)) expect(token).toMatch(/(?:[.!?:][*_"')\]]*\s+|\n\s*)$/);
  });

  it('a promissory sentence from the model never reaches the browser: the good ones stream, then `replace`', async () => {
    ollama.respondWith(
      {
        kind: 'stream',
        tokens: [
          'An emergency fund is money you keep aside ',
          'for unexpected costs, such as a repair or a lost job. ',
          'Many people build it up with a regular transfer into an instant-access savings account. ',
          'Put it in our fund and your money is guaranteed to double. ',
          'Start today.',
        ],
      },
      { kind: 'stream', tokens: ['Your savings will definitely grow, guaranteed returns for you.'] },
    );
    const model = new OllamaChatModel({
      baseUrl: ollama.url,
      model: 'mistral',
      timeoutMs: 5000,
      maxRetries: 0,
    });
    const core = fixture.core(fixture.chain({ model }));
    const events = await ask(core, 'How do I build an emergency fund?');
    expect(shape(events)).toEqual(['progress', 'token', 'replace', 'reply', 'done']);
    const tokens = events.filter((event) => event.event === 'token').map(textOf);
    expect(tokens).toEqual([
      'An emergency fund is money you keep aside for unexpected costs, such as a repair or a lost job. ',
      'Many people build it up with a regular transfer into an instant-access savings account. ',
    ]);
    const replacement = textOf(events.find((event) => event.event === 'replace'));
    const reply = events.find((event) => event.event === 'reply')?.data as WebChatReply;
    expect(replacement).toBe(reply.text);
    expect(reply.provider).toEqual({ name: 'grounded', model: 'grounded-composer-v1' });
    for (const event of events)
      expect(JSON.stringify(event.data)).not.toMatch(/guaranteed to double|definitely grow/);
  });
});
