import { setTimeout as delay } from 'node:timers/promises';
import { AIMessage, type BaseMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { ChatOllama } from '@langchain/ollama';
import { z } from 'zod';
import { ChainError } from '../chain-error.ts';
import type { AdvicePrompt, ChatModel, GenerateOptions } from './chat-model.ts';

/** Where a local Ollama listens unless configured otherwise. */
export const DEFAULT_OLLAMA_URL = 'http://127.0.0.1:11434';

/** The Ollama model used unless configured otherwise. */
export const DEFAULT_OLLAMA_MODEL = 'mistral';

/** How to reach an Ollama server and how patiently to wait for it. */
export interface OllamaChatModelOptions {
  /** Default `http://127.0.0.1:11434`. */
  baseUrl?: string;
  /** The Ollama model tag to chat with; default `mistral`. */
  model?: string;
  /** Deadline for one HTTP request, from sending it to the last token; default 60 000 ms. */
  timeoutMs?: number;
  /** Extra attempts after a connection error, 5xx or timeout, only while nothing has been streamed; default 2. */
  maxRetries?: number;
  /** Back-off before the first retry, doubled for each later one; default 250 ms. */
  retryBaseDelayMs?: number;
}

/** What `probeOllama` found: usable, or why not in words an operator can act on. */
export type OllamaProbe = { ok: true } | { ok: false; reason: string };

type AttemptResult = { ok: true; text: string } | { ok: false; error: ChainError; retryable: boolean };

// Errors that mean "nobody answered" (or the connection died), as opposed to "the server answered badly".
const connectionErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Mistral (or any Ollama model) over Ollama's HTTP API, streamed through LangChain's `ChatOllama`. */
export class OllamaChatModel implements ChatModel {
  readonly provider = 'ollama';
  readonly model: string;
  readonly baseUrl: string;
  readonly #timeoutMs: number;
  readonly #maxRetries: number;
  readonly #retryBaseDelayMs: number;

  constructor(options: OllamaChatModelOptions = {}) {
    this.baseUrl = trimTrailingSlash(options.baseUrl ?? DEFAULT_OLLAMA_URL);
    this.model = options.model ?? DEFAULT_OLLAMA_MODEL;
    this.#timeoutMs = options.timeoutMs ?? 60_000;
    this.#maxRetries = options.maxRetries ?? 2;
    this.#retryBaseDelayMs = options.retryBaseDelayMs ?? 250;
    if (!(this.#timeoutMs > 0)) {
      throw new ChainError('INVALID_INPUT', `timeoutMs must be a positive number, got ${this.#timeoutMs}`);
    }
    if (!Number.isInteger(this.#maxRetries) || this.#maxRetries < 0) {
      throw new ChainError('INVALID_INPUT', `maxRetries must be a whole number ≥ 0, got ${this.#maxRetries}`);
    }
  }

  /**
   * Streams a reply to `onToken` and resolves to the whole text. Failures are `ChainError`s; if the
   * caller's signal aborts, the promise rejects with the signal's own reason, as `fetch` does.
   */
  async generate(prompt: AdvicePrompt, options: GenerateOptions = {}): Promise<string> {
    const messages = toLangChainMessages(prompt);
    const progress = { streamed: false };
    for (let attempt = 0; ; attempt++) {
      options.signal?.throwIfAborted();
      const result = await this.#attempt(messages, options, progress);
      if (result.ok) return result.text;
      // A retry after tokens went out would show the user a second, different reply glued to the first.
      if (!result.retryable || progress.streamed || attempt >= this.#maxRetries) {
        if (attempt === 0) throw result.error;
        const { code, message, cause } = result.error;
        throw new ChainError(code, `${message} (gave up after ${attempt + 1} attempts)`, { cause });
      }
      try {
        await delay(this.#retryBaseDelayMs * 2 ** attempt, undefined, { signal: options.signal });
      } catch (error) {
        throw options.signal?.aborted ? options.signal.reason : error;
      }
    }
  }

  async #attempt(
    messages: BaseMessage[],
    options: GenerateOptions,
    progress: { streamed: boolean },
  ): Promise<AttemptResult> {
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new DOMException(`no reply within ${this.#timeoutMs} ms`, 'TimeoutError')),
      this.#timeoutMs,
    );
    const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
    // ChatOllama only checks the signal between chunks; passing it to fetch also cuts a hung connection.
    const client = new ChatOllama({
      baseUrl: this.baseUrl,
      model: this.model,
      fetch: fetchWithSignal(signal),
    });
    let text = '';
    let callbackFailure: { error: unknown } | undefined;
    try {
      const stream = await client.stream(messages, { signal });
      for await (const chunk of stream) {
        const token = chunk.text;
        if (token.length === 0) continue;
        text += token;
        progress.streamed = true;
        try {
          options.onToken?.(token);
        } catch (error) {
          callbackFailure = { error };
          break;
        }
      }
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      return { ok: false, ...this.#classify(error, deadline.signal.aborted) };
    } finally {
      clearTimeout(timer);
    }
    // The consumer's own failure is not the model's fault; hand it back untouched.
    if (callbackFailure) throw callbackFailure.error;
    if (text.trim().length === 0) {
      const error = new ChainError(
        'MODEL_BAD_RESPONSE',
        `Ollama model '${this.model}' returned an empty reply`,
      );
      return { ok: false, error, retryable: false };
    }
    return { ok: true, text };
  }

  #classify(error: unknown, timedOut: boolean): { error: ChainError; retryable: boolean } {
    const server = `Ollama at ${this.baseUrl}`;
    const cause = { cause: error };
    if (timedOut) {
      const message = `${server} did not finish a reply from '${this.model}' within ${this.#timeoutMs} ms`;
      return { error: new ChainError('MODEL_TIMEOUT', message, cause), retryable: true };
    }
    const status = httpStatusOf(error);
    if (status === 404) {
      const message = `${server} does not have the model '${this.model}' (${messageOf(error)}); run \`ollama pull ${this.model}\``;
      return { error: new ChainError('MODEL_UNAVAILABLE', message, cause), retryable: false };
    }
    if (status !== undefined && status >= 500) {
      const message = `${server} failed with HTTP ${status}: ${messageOf(error)}`;
      return { error: new ChainError('MODEL_UNAVAILABLE', message, cause), retryable: true };
    }
    if (status !== undefined) {
      const message = `${server} rejected the request with HTTP ${status}: ${messageOf(error)}`;
      return { error: new ChainError('MODEL_BAD_RESPONSE', message, cause), retryable: false };
    }
    const connectionCode = connectionErrorCodeOf(error);
    if (connectionCode !== undefined) {
      const message = `cannot reach ${server} (${connectionCode}); is \`ollama serve\` running?`;
      return { error: new ChainError('MODEL_UNAVAILABLE', message, cause), retryable: true };
    }
    const message = `${server} sent a malformed reply stream for '${this.model}': ${messageOf(error)}`;
    return { error: new ChainError('MODEL_BAD_RESPONSE', message, cause), retryable: false };
  }
}

const tagsSchema = z.object({
  models: z.array(z.object({ name: z.string(), model: z.string().optional() })),
});

/** Checks, without generating anything, that Ollama answers at `baseUrl` and has `model` pulled. */
export async function probeOllama(baseUrl: string, model: string, timeoutMs = 1500): Promise<OllamaProbe> {
  const server = trimTrailingSlash(baseUrl);
  let body: unknown;
  try {
    const response = await fetch(`${server}/api/tags`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) {
      return { ok: false, reason: `Ollama at ${server} answered GET /api/tags with HTTP ${response.status}` };
    }
    body = await response.json();
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      return { ok: false, reason: `Ollama at ${server} did not answer GET /api/tags within ${timeoutMs} ms` };
    }
    if (error instanceof SyntaxError) {
      return {
        ok: false,
        reason: `Ollama at ${server} answered GET /api/tags with something other than JSON`,
      };
    }
    const why = connectionErrorCodeOf(error) ?? messageOf(error);
    return {
      ok: false,
      reason: `Ollama is not reachable at ${server} (${why}); start it with \`ollama serve\``,
    };
  }
  const tags = tagsSchema.safeParse(body);
  if (!tags.success) {
    return { ok: false, reason: `Ollama at ${server} answered GET /api/tags without a list of models` };
  }
  const wanted = withDefaultTag(model);
  const present = tags.data.models.some(
    (entry) => withDefaultTag(entry.name) === wanted || withDefaultTag(entry.model ?? '') === wanted,
  );
  if (present) return { ok: true };
  const available = tags.data.models.map((entry) => entry.name).join(', ') || 'none';
  return {
    ok: false,
    reason: `Ollama at ${server} does not have the model '${model}' (available: ${available}); run \`ollama pull ${model}\``,
  };
}

function toLangChainMessages(prompt: AdvicePrompt): BaseMessage[] {
  const history = prompt.history.map((turn) =>
    turn.role === 'user' ? new HumanMessage(turn.content) : new AIMessage(turn.content),
  );
  const system = prompt.system.length > 0 ? [new SystemMessage(prompt.system)] : [];
  return [...system, ...history, new HumanMessage(prompt.user)];
}

function fetchWithSignal(signal: AbortSignal): typeof fetch {
  return (input, init) =>
    fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
}

// Ollama treats `mistral` and `mistral:latest` as the same model; the tag goes after the last path segment.
function withDefaultTag(model: string): string {
  const lastSegment = model.slice(model.lastIndexOf('/') + 1);
  return lastSegment.includes(':') ? model : `${model}:latest`;
}

function trimTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

// The ollama client's ResponseError carries the HTTP status as `status_code`.
function httpStatusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status_code' in error) {
    return typeof error.status_code === 'number' ? error.status_code : undefined;
  }
  return undefined;
}

// fetch wraps socket errors (`TypeError: fetch failed`) with the system error as `cause`.
function connectionErrorCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if ('code' in current && typeof current.code === 'string' && connectionErrorCodes.has(current.code)) {
      return current.code;
    }
    current = 'cause' in current ? current.cause : undefined;
  }
  return error instanceof TypeError && error.message === 'fetch failed' ? 'fetch failed' : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
