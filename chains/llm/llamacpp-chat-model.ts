import { open } from 'node:fs/promises';
import path from 'node:path';
import { ChainError } from '../chain-error.ts';
import type { AdvicePrompt, ChatModel, GenerateOptions } from './chat-model.ts';

// The few parts of node-llama-cpp v3 this file calls, typed locally so the package stays optional.

/** One item of a node-llama-cpp chat history. */
export type LlamaChatHistoryItem =
  | { type: 'system'; text: string }
  | { type: 'user'; text: string }
  | { type: 'model'; response: string[] };

/** The slice of node-llama-cpp's `LlamaChatSession` used here. */
export interface LlamaChatSessionLike {
  setChatHistory(history: LlamaChatHistoryItem[]): void;
  prompt(
    text: string,
    options?: { onTextChunk?: (text: string) => void; signal?: AbortSignal; maxTokens?: number },
  ): Promise<string>;
}

/** A context sequence; opaque here, only handed to the chat session. */
export type LlamaContextSequenceLike = object;

/** The slice of node-llama-cpp's module namespace used here. */
export interface NodeLlamaCppModule {
  getLlama(options?: { gpu?: false; build?: 'never' }): Promise<{
    loadModel(options: { modelPath: string }): Promise<{
      createContext(options?: {
        threads?: number;
        contextSize?: number;
      }): Promise<{ getSequence(): LlamaContextSequenceLike }>;
    }>;
  }>;
  LlamaChatSession: new (options: { contextSequence: LlamaContextSequenceLike }) => LlamaChatSessionLike;
}

/** Where `loadLlamaCppChatModel` gets node-llama-cpp from; injectable so the adapter is testable without it. */
export interface LlamaCppDependencies {
  importNodeLlamaCpp?: () => Promise<unknown>;
}

const packageName = 'node-llama-cpp';
/**
 * One thread: on small shared machines llama.cpp's default (all cores) spins and starves itself — measured on a
 * 2-core box, about 870 tokens/s with one thread against under 4 with the default.
 */
const THREADS = 1;
/** Room for the prompt (rules, context block, history) and a reply. */
const CONTEXT_TOKENS = 4096;
/** A reply longer than this would fail the length check anyway (2,000 characters is roughly 500 tokens). */
const MAX_REPLY_TOKENS = 600;
const installHint = `the npm package ${packageName} is not installed (run \`npm i ${packageName}\`)`;

/**
 * Loads a local GGUF model with node-llama-cpp, which is imported only now so the project runs without it.
 * Throws `ChainError('MODEL_UNAVAILABLE')` naming everything that is missing: the package, the file, or both.
 */
export async function loadLlamaCppChatModel(
  modelPath: string,
  dependencies: LlamaCppDependencies = {},
): Promise<ChatModel> {
  const importNodeLlamaCpp = dependencies.importNodeLlamaCpp ?? importPackage;
  const [fileProblem, loaded] = await Promise.all([
    checkGgufFile(modelPath),
    loadPackage(importNodeLlamaCpp),
  ]);
  if (fileProblem !== undefined || !loaded.ok) {
    const problems = [loaded.ok ? undefined : loaded.problem, fileProblem].filter(
      (problem) => problem !== undefined,
    );
    const cause = loaded.ok ? undefined : loaded.cause;
    throw new ChainError(
      'MODEL_UNAVAILABLE',
      `cannot use the embedded llama.cpp model: ${problems.join('; ')}`,
      {
        cause,
      },
    );
  }

  const { getLlama, LlamaChatSession } = loaded.module;
  let session: LlamaChatSessionLike;
  try {
    // CPU only, and never a source build at run time: the prebuilt binary ships with the npm package.
    const llama = await getLlama({ gpu: false, build: 'never' });
    const model = await llama.loadModel({ modelPath });
    const context = await model.createContext({ threads: THREADS, contextSize: CONTEXT_TOKENS });
    session = new LlamaChatSession({ contextSequence: context.getSequence() });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ChainError('MODEL_UNAVAILABLE', `node-llama-cpp could not load ${modelPath}: ${reason}`, {
      cause: error,
    });
  }
  return new LlamaCppChatModel(path.basename(modelPath), session);
}

/** A GGUF model running in this process; one context, so replies are generated one at a time. */
class LlamaCppChatModel implements ChatModel {
  readonly provider = 'llamacpp';
  readonly #session: LlamaChatSessionLike;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly model: string,
    session: LlamaChatSessionLike,
  ) {
    this.#session = session;
  }

  generate(prompt: AdvicePrompt, options: GenerateOptions = {}): Promise<string> {
    const reply = this.#queue.then(() => this.#generateNow(prompt, options));
    this.#queue = reply.catch(() => undefined);
    return reply;
  }

  async #generateNow(prompt: AdvicePrompt, options: GenerateOptions): Promise<string> {
    options.signal?.throwIfAborted();
    // Each reply starts from exactly this prompt's history, never from the previous caller's conversation.
    this.#session.setChatHistory(toLlamaHistory(prompt));
    let text: string;
    try {
      text = await this.#session.prompt(prompt.user, {
        onTextChunk: (chunk) => options.onToken?.(chunk),
        signal: options.signal,
        maxTokens: MAX_REPLY_TOKENS,
      });
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      const reason = error instanceof Error ? error.message : String(error);
      throw new ChainError('MODEL_BAD_RESPONSE', `llama.cpp model ${this.model} failed: ${reason}`, {
        cause: error,
      });
    }
    if (text.trim().length === 0) {
      throw new ChainError('MODEL_BAD_RESPONSE', `llama.cpp model ${this.model} returned an empty reply`);
    }
    return text;
  }
}

function toLlamaHistory(prompt: AdvicePrompt): LlamaChatHistoryItem[] {
  const history: LlamaChatHistoryItem[] = prompt.history.map((turn) =>
    turn.role === 'user' ? { type: 'user', text: turn.content } : { type: 'model', response: [turn.content] },
  );
  return [{ type: 'system', text: prompt.system }, ...history];
}

type LoadedPackage =
  | { ok: true; module: NodeLlamaCppModule }
  | { ok: false; problem: string; cause: unknown };

async function loadPackage(importNodeLlamaCpp: () => Promise<unknown>): Promise<LoadedPackage> {
  let loaded: unknown;
  try {
    loaded = await importNodeLlamaCpp();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // A missing dependency *of* node-llama-cpp has the same code but names another package.
    const notInstalled =
      (hasCode(error, 'ERR_MODULE_NOT_FOUND') || hasCode(error, 'MODULE_NOT_FOUND')) &&
      reason.includes(`'${packageName}'`);
    const problem = notInstalled ? installHint : `${packageName} failed to load: ${reason}`;
    return { ok: false, problem, cause: error };
  }
  if (isNodeLlamaCpp(loaded)) return { ok: true, module: loaded };
  const problem = `the installed ${packageName} lacks getLlama/LlamaChatSession (version 3 or later is needed)`;
  return { ok: false, problem, cause: undefined };
}

// A variable specifier keeps tsc from resolving (and requiring) the optional package's types.
function importPackage(): Promise<unknown> {
  const specifier: string = packageName;
  return import(specifier);
}

function isNodeLlamaCpp(value: unknown): value is NodeLlamaCppModule {
  return (
    typeof value === 'object' &&
    value !== null &&
    'getLlama' in value &&
    typeof value.getLlama === 'function' &&
    'LlamaChatSession' in value &&
    typeof value.LlamaChatSession === 'function'
  );
}

// Reads the 4-byte magic so a wrong file fails here with a clear message, not inside native code.
async function checkGgufFile(modelPath: string): Promise<string | undefined> {
  const setHint = 'set LLAMACPP_MODEL_PATH to a .gguf file';
  let file: Awaited<ReturnType<typeof open>>;
  try {
    file = await open(modelPath, 'r');
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return `the model file ${modelPath} does not exist (${setHint})`;
    const reason = error instanceof Error ? error.message : String(error);
    return `the model file ${modelPath} cannot be read: ${reason} (${setHint})`;
  }
  try {
    const { bytesRead, buffer } = await file.read(Buffer.alloc(4), 0, 4, 0);
    if (bytesRead === 4 && buffer.toString('latin1') === 'GGUF') return undefined;
    return `${modelPath} is not a GGUF model file (${setHint})`;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `the model file ${modelPath} cannot be read: ${reason} (${setHint})`;
  } finally {
    await file.close();
  }
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
