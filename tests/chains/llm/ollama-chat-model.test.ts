// Neither Ollama nor the Mistral weights can run on this machine (no binary, no internet), so these tests
// talk to tests/support/fake-ollama.ts: a real HTTP server on 127.0.0.1 that speaks Ollama's API
// (POST /api/chat as NDJSON chunks, GET /api/tags, `{ error }` bodies) and records what it received.
// Everything on our side — ChatOllama, the ollama client, fetch, the sockets — is the real code.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChainError } from '../../../chains/chain-error.ts';
import type { AdvicePrompt } from '../../../chains/llm/chat-model.ts';
import { OllamaChatModel, probeOllama } from '../../../chains/llm/ollama-chat-model.ts';
import { chatRequests, type FakeOllama, startFakeOllama, unreachableUrl } from '../../support/fake-ollama.ts';

const prompt: AdvicePrompt = {
  system: 'You are a careful financial advisor. Use only the facts given.',
  history: [
    { role: 'user', content: 'What is an ISA?' },
    { role: 'assistant', content: 'A tax-free savings wrapper.' },
  ],
  user: 'Which savings product suits me?\n\nContext: Easy Saver, 3.1% AER.',
  context: {
    intent: 'knowledge',
    audience: 'customer',
    customer: null,
    recommendations: [],
    passages: [],
    similarCustomers: null,
  },
};

let fake: FakeOllama;

// The first request in a process pays for LangChain's lazy imports; pay it here, not inside a 300 ms deadline.
beforeAll(async () => {
  const warmUp = await startFakeOllama();
  await new OllamaChatModel({ baseUrl: warmUp.url }).generate(prompt);
  await warmUp.close();
});

beforeEach(async () => {
  fake = await startFakeOllama({ models: ['mistral:latest'] });
});

afterEach(async () => {
  await fake.close();
  vi.restoreAllMocks();
});

function modelFor(options: { timeoutMs?: number; maxRetries?: number } = {}): OllamaChatModel {
  return new OllamaChatModel({ baseUrl: fake.url, model: 'mistral', retryBaseDelayMs: 5, ...options });
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected the call to fail'),
    (error: unknown) => error,
  );
}

async function chainFailureOf(promise: Promise<unknown>): Promise<ChainError> {
  const error = await failureOf(promise);
  expect(error).toBeInstanceOf(ChainError);
  return error as ChainError;
}

describe('OllamaChatModel', () => {
  it('names itself after the provider and the configured model', () => {
    const model = new OllamaChatModel({ baseUrl: fake.url, model: 'mistral:7b-instruct' });
    expect([model.provider, model.model]).toEqual(['ollama', 'mistral:7b-instruct']);
    expect(new OllamaChatModel().model).toBe('mistral');
  });

  it('sends one streaming chat request with system, history and user messages in order', async () => {
    await modelFor().generate(prompt);

    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/api/chat',
      body: { model: 'mistral', stream: true },
    });
    const { messages } = (request?.body ?? {}) as { messages?: unknown };
    expect(messages).toEqual([
      { role: 'system', content: prompt.system },
      { role: 'user', content: 'What is an ISA?' },
      { role: 'assistant', content: 'A tax-free savings wrapper.' },
      { role: 'user', content: prompt.user },
    ]);
  });

  it('streams tokens to onToken in order and returns their concatenation', async () => {
    const tokens = ['The', ' Easy', ' Saver', ' pays', ' 3.1%', ' AER', '.'];
    fake.respondWith({ kind: 'stream', tokens, delayMs: 5 });
    const received: string[] = [];

    const text = await modelFor().generate(prompt, { onToken: (token) => received.push(token) });

    expect(received).toEqual(tokens);
    expect(text).toBe('The Easy Saver pays 3.1% AER.');
  });

  it('retries 5xx failures with back-off and succeeds on the third request', async () => {
    fake.respondWith(
      { kind: 'fail', status: 500 },
      { kind: 'fail', status: 503, error: 'server busy' },
      { kind: 'stream', tokens: ['Recovered'] },
    );

    const text = await modelFor({ maxRetries: 2 }).generate(prompt);

    expect(text).toBe('Recovered');
    expect(chatRequests(fake)).toHaveLength(3);
  });

  it('gives up with MODEL_UNAVAILABLE after maxRetries + 1 failed requests', async () => {
    fake.respondWith({ kind: 'fail', status: 500, error: 'llama runner process has terminated' });

    const error = await chainFailureOf(modelFor({ maxRetries: 2 }).generate(prompt));

    expect(error.code).toBe('MODEL_UNAVAILABLE');
    expect(error.message).toContain('HTTP 500');
    expect(error.message).toContain('after 3 attempts');
    expect(chatRequests(fake)).toHaveLength(3);
  });

  it('turns a hang into MODEL_TIMEOUT and cuts the connection', async () => {
    fake.respondWith({ kind: 'hang' });

    const error = await chainFailureOf(modelFor({ timeoutMs: 300, maxRetries: 0 }).generate(prompt));

    expect(error.code).toBe('MODEL_TIMEOUT');
    expect(error.message).toContain('300 ms');
    expect(chatRequests(fake)).toHaveLength(1);
    await expect(chatRequests(fake)[0]?.outcome).resolves.toBe('aborted');
  });

  it('retries a timeout that happened before any token', async () => {
    fake.respondWith({ kind: 'hang' }, { kind: 'stream', tokens: ['Late', ' but', ' fine'] });

    const text = await modelFor({ timeoutMs: 300, maxRetries: 1 }).generate(prompt);

    expect(text).toBe('Late but fine');
    expect(chatRequests(fake)).toHaveLength(2);
  });

  it('reports a missing model as MODEL_UNAVAILABLE with the pull command, without retrying', async () => {
    fake.models = ['llama3:latest'];

    const error = await chainFailureOf(modelFor({ maxRetries: 2 }).generate(prompt));

    expect(error.code).toBe('MODEL_UNAVAILABLE');
    expect(error.message).toContain("model 'mistral' not found");
    expect(error.message).toContain('ollama pull mistral');
    expect(chatRequests(fake)).toHaveLength(1);
  });

  it('reports a refused connection as MODEL_UNAVAILABLE', async () => {
    const model = new OllamaChatModel({
      baseUrl: await unreachableUrl(),
      maxRetries: 1,
      retryBaseDelayMs: 5,
    });

    const error = await chainFailureOf(model.generate(prompt));

    expect(error.code).toBe('MODEL_UNAVAILABLE');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('reports a malformed stream as MODEL_BAD_RESPONSE, without retrying', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined); // the ollama client warns per bad line
    fake.respondWith({ kind: 'malformed' });

    const error = await chainFailureOf(modelFor({ maxRetries: 2 }).generate(prompt));

    expect(error.code).toBe('MODEL_BAD_RESPONSE');
    expect(chatRequests(fake)).toHaveLength(1);
  });

  it('reports an empty reply as MODEL_BAD_RESPONSE', async () => {
    fake.respondWith({ kind: 'stream', tokens: [] });

    const error = await chainFailureOf(modelFor().generate(prompt));

    expect(error.code).toBe('MODEL_BAD_RESPONSE');
    expect(error.message).toContain('empty reply');
  });

  it('stops the request when the caller aborts mid-stream and rejects with the abort reason', async () => {
    fake.respondWith({ kind: 'stream', tokens: ['One', ' two', ' three', ' four'], delayMs: 100 });
    const caller = new AbortController();
    const received: string[] = [];

    const error = await failureOf(
      modelFor().generate(prompt, {
        signal: caller.signal,
        onToken: (token) => {
          received.push(token);
          caller.abort();
        },
      }),
    );

    expect(error).toBe(caller.signal.reason);
    expect((error as Error).name).toBe('AbortError');
    expect(received).toEqual(['One']);
    await expect(chatRequests(fake)[0]?.outcome).resolves.toBe('aborted');
    expect(chatRequests(fake)).toHaveLength(1);
  });

  it('stops a request that has not answered yet when the caller aborts, and does not retry it', async () => {
    fake.respondWith({ kind: 'hang' });
    const caller = new AbortController();

    const reply = modelFor({ maxRetries: 2 }).generate(prompt, { signal: caller.signal });
    await fake.waitForRequests(1);
    caller.abort(new Error('user left'));
    const error = await failureOf(reply);

    expect((error as Error).message).toBe('user left');
    await expect(chatRequests(fake)[0]?.outcome).resolves.toBe('aborted');
    expect(chatRequests(fake)).toHaveLength(1);
  });

  it('never retries once a token has been streamed (connection dropped)', async () => {
    fake.respondWith(
      { kind: 'stream', tokens: ['Partial'], ending: 'drop' },
      { kind: 'stream', tokens: ['Other'] },
    );
    const received: string[] = [];

    const error = await chainFailureOf(
      modelFor({ maxRetries: 2 }).generate(prompt, { onToken: (token) => received.push(token) }),
    );

    expect(error.code).toBe('MODEL_UNAVAILABLE');
    expect(received).toEqual(['Partial']);
    expect(chatRequests(fake)).toHaveLength(1);
  });

  it('never retries once a token has been streamed (stalled until the timeout)', async () => {
    fake.respondWith(
      { kind: 'stream', tokens: ['Partial'], ending: 'hang' },
      { kind: 'stream', tokens: ['Other'] },
    );
    const received: string[] = [];

    const error = await chainFailureOf(
      modelFor({ timeoutMs: 300, maxRetries: 2 }).generate(prompt, {
        onToken: (token) => received.push(token),
      }),
    );

    expect(error.code).toBe('MODEL_TIMEOUT');
    expect(received).toEqual(['Partial']);
    expect(chatRequests(fake)).toHaveLength(1);
  });

  it("passes an onToken callback's own error through unchanged", async () => {
    const consumerError = new Error('channel closed');

    const error = await failureOf(
      modelFor().generate(prompt, {
        onToken: () => {
          throw consumerError;
        },
      }),
    );

    expect(error).toBe(consumerError);
    expect(chatRequests(fake)).toHaveLength(1);
  });

  it('rejects nonsensical settings as INVALID_INPUT', () => {
    expect(() => new OllamaChatModel({ timeoutMs: 0 })).toThrow(ChainError);
    expect(() => new OllamaChatModel({ maxRetries: -1 })).toThrow(/maxRetries/);
  });
});

describe('probeOllama', () => {
  it('accepts a model listed with the :latest tag, asked for with or without it', async () => {
    await expect(probeOllama(fake.url, 'mistral')).resolves.toEqual({ ok: true });
    await expect(probeOllama(fake.url, 'mistral:latest')).resolves.toEqual({ ok: true });
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /api/tags',
      'GET /api/tags',
    ]);
  });

  it('explains that an absent model must be pulled, listing what is there', async () => {
    fake.models = ['llama3:latest', 'mistral:7b'];

    const probe = await probeOllama(fake.url, 'mistral');

    expect(probe).toEqual({
      ok: false,
      reason: `Ollama at ${fake.url} does not have the model 'mistral' (available: llama3:latest, mistral:7b); run \`ollama pull mistral\``,
    });
  });

  it('explains that nothing answers on an unreachable port', async () => {
    const url = await unreachableUrl();

    const probe = await probeOllama(url, 'mistral', 500);

    expect(probe.ok).toBe(false);
    expect(probe.ok ? '' : probe.reason).toBe(
      `Ollama is not reachable at ${url} (ECONNREFUSED); start it with \`ollama serve\``,
    );
  });
});
