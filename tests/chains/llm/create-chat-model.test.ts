// Ollama and Mistral cannot run here, so tests/support/fake-ollama.ts (a real local HTTP server speaking
// Ollama's API) stands in for the Ollama server; node-llama-cpp is not installed, which is itself tested.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChainError } from '../../../chains/chain-error.ts';
import type { ChatModel } from '../../../chains/llm/chat-model.ts';
import { createChatModel, type LlmConfig, loadLlmConfig } from '../../../chains/llm/create-chat-model.ts';
import { type FakeOllama, startFakeOllama, unreachableUrl } from '../../support/fake-ollama.ts';

const grounded: ChatModel = {
  provider: 'grounded',
  model: 'grounded-composer',
  generate: async () => 'A reply composed from the facts.',
};

let fake: FakeOllama;

beforeEach(async () => {
  fake = await startFakeOllama({ models: ['mistral:latest'] });
});

afterEach(async () => {
  await fake.close();
});

function configFor(overrides: Partial<LlmConfig>): LlmConfig {
  return {
    provider: 'auto',
    ollamaUrl: fake.url,
    ollamaModel: 'mistral',
    llamacppModelPath: undefined,
    timeoutMs: 2_000,
    maxRetries: 0,
    ...overrides,
  };
}

async function unavailableMessage(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => expect.unreachable('expected createChatModel to fail'),
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(ChainError);
  expect((error as ChainError).code).toBe('MODEL_UNAVAILABLE');
  return (error as ChainError).message;
}

describe('createChatModel', () => {
  it('auto: picks Ollama when it has the model, and the model really talks to it', async () => {
    fake.respondWith({ kind: 'stream', tokens: ['From', ' Ollama'] });

    const { model, reason } = await createChatModel(configFor({}), grounded);

    expect([model.provider, model.model]).toEqual(['ollama', 'mistral']);
    expect(reason).toBe(`auto: using Ollama model 'mistral' at ${fake.url}`);
    const text = await model.generate({
      system: 'Be brief.',
      history: [],
      user: 'Hello',
      context: {
        intent: 'small_talk',
        audience: 'customer',
        customer: null,
        recommendations: [],
        passages: [],
        similarCustomers: null,
      },
    });
    expect(text).toBe('From Ollama');
  });

  it('auto: falls back to the grounded model when Ollama lacks the model, saying why', async () => {
    fake.models = ['llama3:latest'];

    const { model, reason } = await createChatModel(configFor({}), grounded);

    expect(model).toBe(grounded);
    expect(reason).toBe(
      `auto: ollama skipped: Ollama at ${fake.url} does not have the model 'mistral' (available: llama3:latest); ` +
        'run `ollama pull mistral`; llamacpp skipped: LLAMACPP_MODEL_PATH is not set (set it to a .gguf file); ' +
        'using the grounded composer',
    );
  });

  it('auto: tries llama.cpp when a model path is set, and reports what it lacks', async () => {
    const url = await unreachableUrl();

    const { model, reason } = await createChatModel(
      configFor({ ollamaUrl: url, llamacppModelPath: '/nowhere/mistral.gguf' }),
      grounded,
    );

    expect(model).toBe(grounded);
    expect(reason).toContain(`ollama skipped: Ollama is not reachable at ${url} (ECONNREFUSED)`);
    // node-llama-cpp is installed, so only the file is missing (a missing package is named in llamacpp-chat-model.test).
    expect(reason).toContain(
      'llamacpp skipped: cannot use the embedded llama.cpp model: the model file /nowhere/mistral.gguf does not exist',
    );
  });

  it('ollama: an unreachable server is MODEL_UNAVAILABLE, not a silent fallback', async () => {
    const url = await unreachableUrl();

    const message = await unavailableMessage(
      createChatModel(configFor({ provider: 'ollama', ollamaUrl: url }), grounded),
    );

    expect(message).toBe(
      `LLM_PROVIDER=ollama: Ollama is not reachable at ${url} (ECONNREFUSED); start it with \`ollama serve\``,
    );
  });

  it('ollama: a reachable server with the model gives an Ollama model', async () => {
    const { model } = await createChatModel(configFor({ provider: 'ollama' }), grounded);

    expect(model.provider).toBe('ollama');
  });

  it('llamacpp: without a model path is MODEL_UNAVAILABLE naming LLAMACPP_MODEL_PATH', async () => {
    const message = await unavailableMessage(createChatModel(configFor({ provider: 'llamacpp' }), grounded));

    expect(message).toBe('LLM_PROVIDER=llamacpp: LLAMACPP_MODEL_PATH is not set (set it to a .gguf file)');
  });

  it('llamacpp: a model file that does not exist is MODEL_UNAVAILABLE naming it', async () => {
    const message = await unavailableMessage(
      createChatModel(
        configFor({ provider: 'llamacpp', llamacppModelPath: '/nowhere/mistral.gguf' }),
        grounded,
      ),
    );

    expect(message).toBe(
      'LLM_PROVIDER=llamacpp: cannot use the embedded llama.cpp model: the model file /nowhere/mistral.gguf does not exist (set LLAMACPP_MODEL_PATH to a .gguf file)',
    );
  });

  it('grounded: always works, without touching Ollama', async () => {
    const { model, reason } = await createChatModel(
      configFor({ provider: 'grounded', ollamaUrl: await unreachableUrl() }),
      grounded,
    );

    expect(model).toBe(grounded);
    expect(reason).toBe('LLM_PROVIDER=grounded: using the grounded composer');
    expect(fake.requests).toEqual([]);
  });
});

describe('loadLlmConfig', () => {
  it('defaults to auto, local Ollama with mistral, 60 s and 2 retries', () => {
    expect(loadLlmConfig({})).toEqual({
      provider: 'auto',
      ollamaUrl: 'http://127.0.0.1:11434',
      ollamaModel: 'mistral',
      llamacppModelPath: undefined,
      timeoutMs: 60_000,
      maxRetries: 2,
    });
  });

  it('reads every variable, and treats empty ones as unset', () => {
    expect(
      loadLlmConfig({
        LLM_PROVIDER: 'llamacpp',
        OLLAMA_URL: 'http://gpu-box:11434/',
        OLLAMA_MODEL: 'mistral:7b-instruct',
        LLAMACPP_MODEL_PATH: '/models/mistral.gguf',
        LLM_TIMEOUT_MS: '1500',
        LLM_MAX_RETRIES: '0',
      }),
    ).toEqual({
      provider: 'llamacpp',
      ollamaUrl: 'http://gpu-box:11434',
      ollamaModel: 'mistral:7b-instruct',
      llamacppModelPath: '/models/mistral.gguf',
      timeoutMs: 1500,
      maxRetries: 0,
    });
    expect(loadLlmConfig({ OLLAMA_MODEL: '', LLAMACPP_MODEL_PATH: ' ' })).toMatchObject({
      ollamaModel: 'mistral',
      llamacppModelPath: undefined,
    });
  });

  it.each([
    ['LLM_PROVIDER', 'openai'],
    ['OLLAMA_URL', 'ftp://models.example'],
    ['OLLAMA_URL', 'localhost 11434'],
    ['OLLAMA_MODEL', 'mistral 7b'],
    ['LLM_TIMEOUT_MS', 'soon'],
    ['LLM_TIMEOUT_MS', '-5'],
    ['LLM_TIMEOUT_MS', '0'],
    ['LLM_TIMEOUT_MS', '1e3'],
    ['LLM_MAX_RETRIES', '1.5'],
    ['LLM_MAX_RETRIES', '11'],
  ])('rejects %s=%s as INVALID_INPUT naming the variable', (name, value) => {
    const attempt = () => loadLlmConfig({ [name]: value });

    expect(attempt).toThrow(ChainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(attempt).toThrow(`${name}=${JSON.stringify(value)}: `);
  });

  it('accepts any positive whole LLM_TIMEOUT_MS and rejects anything that is not one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (milliseconds) => {
        expect(loadLlmConfig({ LLM_TIMEOUT_MS: String(milliseconds) }).timeoutMs).toBe(milliseconds);
      }),
    );
    fc.assert(
      fc.property(
        fc.string().filter((text) => text.trim() !== '' && !/^\d+$/.test(text.trim())),
        (text) => {
          expect(() => loadLlmConfig({ LLM_TIMEOUT_MS: text })).toThrow(/LLM_TIMEOUT_MS=/);
        },
      ),
    );
  });
});
