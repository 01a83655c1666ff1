// The adapter is checked against a small stand-in module injected through `importNodeLlamaCpp`, shaped like
// node-llama-cpp v3's getLlama/LlamaChatSession; a missing package is the import failing as Node fails it
// (node-llama-cpp is installed now: the real model runs in tests/chains/streaming/llamacpp-streaming.test.ts).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainError } from '../../../chains/chain-error.ts';
import type { AdvicePrompt } from '../../../chains/llm/chat-model.ts';
import {
  type LlamaChatHistoryItem,
  type LlamaChatSessionLike,
  loadLlamaCppChatModel,
  type NodeLlamaCppModule,
} from '../../../chains/llm/llamacpp-chat-model.ts';

const prompt: AdvicePrompt = {
  system: 'You are a careful financial advisor.',
  history: [
    { role: 'user', content: 'Hi' },
    { role: 'assistant', content: 'Hello, how can I help?' },
  ],
  user: 'Is a fixed-rate bond right for me?',
  context: {
    intent: 'knowledge',
    audience: 'customer',
    customer: null,
    recommendations: [],
    passages: [],
    similarCustomers: null,
  },
};

let directory: string;
let ggufPath: string;
let notGgufPath: string;

beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), 'llamacpp-test-'));
  ggufPath = path.join(directory, 'tiny-advisor.Q4_K_M.gguf');
  notGgufPath = path.join(directory, 'notes.gguf');
  await writeFile(ggufPath, Buffer.concat([Buffer.from('GGUF', 'latin1'), Buffer.alloc(28)]));
  await writeFile(notGgufPath, 'just some text');
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** What Node's dynamic import throws when the package is not installed. */
async function notInstalled(): Promise<never> {
  throw Object.assign(
    new Error("Cannot find package 'node-llama-cpp' imported from /app/chains/llm/llamacpp-chat-model.ts"),
    {
      code: 'ERR_MODULE_NOT_FOUND',
    },
  );
}

interface StandIn {
  module: NodeLlamaCppModule;
  loadedPaths: string[];
  histories: LlamaChatHistoryItem[][];
  prompts: string[];
}

/** A stand-in for node-llama-cpp that streams `reply` split on spaces, one chunk per word. */
function standIn(reply: (userText: string) => string): StandIn {
  const record: Omit<StandIn, 'module'> = { loadedPaths: [], histories: [], prompts: [] };
  class FakeSession implements LlamaChatSessionLike {
    setChatHistory(history: LlamaChatHistoryItem[]): void {
      record.histories.push(structuredClone(history));
    }
    async prompt(text: string, options?: { onTextChunk?: (text: string) => void }): Promise<string> {
      record.prompts.push(text);
      const chunks = reply(text).split(/(?= )/);
      for (const chunk of chunks) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        options?.onTextChunk?.(chunk);
      }
      return chunks.join('');
    }
  }
  const module: NodeLlamaCppModule = {
    getLlama: async () => ({
      loadModel: async ({ modelPath }) => {
        record.loadedPaths.push(modelPath);
        return { createContext: async () => ({ getSequence: () => ({}) }) };
      },
    }),
    LlamaChatSession: FakeSession,
  };
  return { module, ...record };
}

async function unavailableMessage(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => expect.unreachable('expected loading to fail'),
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(ChainError);
  expect((error as ChainError).code).toBe('MODEL_UNAVAILABLE');
  return (error as ChainError).message;
}

describe('loadLlamaCppChatModel', () => {
  it('names both the missing package and the missing file', async () => {
    const missing = path.join(directory, 'absent.gguf');

    const message = await unavailableMessage(
      loadLlamaCppChatModel(missing, { importNodeLlamaCpp: notInstalled }),
    );

    expect(message).toContain('npm i node-llama-cpp');
    expect(message).toContain(`the model file ${missing} does not exist`);
    expect(message).toContain('set LLAMACPP_MODEL_PATH to a .gguf file');
  });

  it('names only the package when the GGUF file is there', async () => {
    const message = await unavailableMessage(
      loadLlamaCppChatModel(ggufPath, { importNodeLlamaCpp: notInstalled }),
    );

    expect(message).toBe(
      'cannot use the embedded llama.cpp model: the npm package node-llama-cpp is not installed (run `npm i node-llama-cpp`)',
    );
  });

  it('refuses a file that is not GGUF before handing it to native code', async () => {
    const fake = standIn(() => 'unused');

    const message = await unavailableMessage(
      loadLlamaCppChatModel(notGgufPath, { importNodeLlamaCpp: async () => fake.module }),
    );

    expect(message).toContain(`${notGgufPath} is not a GGUF model file`);
    expect(fake.loadedPaths).toEqual([]);
  });

  it('refuses an installed package without the v3 API', async () => {
    const message = await unavailableMessage(
      loadLlamaCppChatModel(ggufPath, { importNodeLlamaCpp: async () => ({ LlamaModel: class {} }) }),
    );

    expect(message).toContain('version 3 or later');
  });

  it('streams chunks from a chat session primed with exactly this prompt', async () => {
    const fake = standIn(() => 'A bond locks your rate for the term.');
    const model = await loadLlamaCppChatModel(ggufPath, { importNodeLlamaCpp: async () => fake.module });
    const received: string[] = [];

    const text = await model.generate(prompt, { onToken: (token) => received.push(token) });

    expect([model.provider, model.model]).toEqual(['llamacpp', 'tiny-advisor.Q4_K_M.gguf']);
    expect(fake.loadedPaths).toEqual([ggufPath]);
    expect(fake.histories).toEqual([
      [
        { type: 'system', text: 'You are a careful financial advisor.' },
        { type: 'user', text: 'Hi' },
        { type: 'model', response: ['Hello, how can I help?'] },
      ],
    ]);
    expect(fake.prompts).toEqual(['Is a fixed-rate bond right for me?']);
    expect(received).toEqual(['A', ' bond', ' locks', ' your', ' rate', ' for', ' the', ' term.']);
    expect(text).toBe(received.join(''));
  });

  it('answers concurrent calls one at a time, each from its own history', async () => {
    const fake = standIn((userText) => `reply to ${userText}`);
    const model = await loadLlamaCppChatModel(ggufPath, { importNodeLlamaCpp: async () => fake.module });
    const tokens: string[] = [];

    const replies = await Promise.all([
      model.generate({ ...prompt, user: 'first' }, { onToken: (token) => tokens.push(`1:${token}`) }),
      model.generate(
        { ...prompt, history: [], user: 'second' },
        { onToken: (token) => tokens.push(`2:${token}`) },
      ),
    ]);

    expect(replies).toEqual(['reply to first', 'reply to second']);
    expect(tokens).toEqual(['1:reply', '1: to', '1: first', '2:reply', '2: to', '2: second']);
    expect(fake.histories.map((history) => history.length)).toEqual([3, 1]);
  });

  it('reports an empty reply as MODEL_BAD_RESPONSE', async () => {
    const fake = standIn(() => '');
    const model = await loadLlamaCppChatModel(ggufPath, { importNodeLlamaCpp: async () => fake.module });

    await expect(model.generate(prompt)).rejects.toMatchObject({ code: 'MODEL_BAD_RESPONSE' });
  });
});
