import { z } from 'zod';
import { ChainError } from '../chain-error.ts';
import type { ChatModel } from './chat-model.ts';
import { loadLlamaCppChatModel } from './llamacpp-chat-model.ts';
import {
  DEFAULT_OLLAMA_MODEL,
  DEFAULT_OLLAMA_URL,
  OllamaChatModel,
  probeOllama,
} from './ollama-chat-model.ts';

/** Which text generator to use and how to reach it; parsed once from the environment by `loadLlmConfig`. */
export interface LlmConfig {
  /** `auto` tries Ollama, then llama.cpp, then falls back to the grounded composer. */
  provider: 'auto' | 'ollama' | 'llamacpp' | 'grounded';
  ollamaUrl: string;
  ollamaModel: string;
  llamacppModelPath: string | undefined;
  timeoutMs: number;
  maxRetries: number;
}

// Digits only: `Number()` would also accept 1e3, 0x10 and Infinity, which nobody means in an env file.
function wholeNumber(unit: string, minimum: number, maximum = Number.MAX_SAFE_INTEGER) {
  return z
    .string()
    .regex(/^\d+$/, `expected a whole number of ${unit}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(minimum, `expected at least ${minimum} ${unit}`)
        .max(maximum, `expected at most ${maximum} ${unit}`),
    );
}

const llmEnvironmentSchema = z.object({
  LLM_PROVIDER: z.enum(['auto', 'ollama', 'llamacpp', 'grounded']).default('auto'),
  OLLAMA_URL: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL such as http://127.0.0.1:11434' })
    .default(DEFAULT_OLLAMA_URL),
  OLLAMA_MODEL: z
    .string()
    .regex(/^\S+$/, 'expected an Ollama model name such as mistral or mistral:7b')
    .default(DEFAULT_OLLAMA_MODEL),
  LLAMACPP_MODEL_PATH: z.string().optional(),
  LLM_TIMEOUT_MS: wholeNumber('milliseconds', 1).default(60_000),
  LLM_MAX_RETRIES: wholeNumber('retries', 0, 10).default(2),
});

type LlmVariable = keyof z.input<typeof llmEnvironmentSchema>;

const llmVariables = Object.keys(llmEnvironmentSchema.shape) as LlmVariable[];

/** Reads the LLM settings from the environment; a bad value throws `ChainError('INVALID_INPUT')` naming it. */
export function loadLlmConfig(environment: NodeJS.ProcessEnv): LlmConfig {
  // An empty variable (`OLLAMA_MODEL=` in a .env file) means "not set", not "set to nothing".
  const present = Object.fromEntries(
    llmVariables.flatMap((name) => {
      const value = environment[name]?.trim();
      return value ? [[name, value]] : [];
    }),
  );
  const parsed = llmEnvironmentSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `${name}=${JSON.stringify(present[name])}: ${issue.message}`;
    });
    throw new ChainError('INVALID_INPUT', `invalid LLM configuration: ${problems.join('; ')}`, {
      cause: parsed.error,
    });
  }
  const settings = parsed.data;
  return {
    provider: settings.LLM_PROVIDER,
    ollamaUrl: settings.OLLAMA_URL.replace(/\/+$/, ''),
    ollamaModel: settings.OLLAMA_MODEL,
    llamacppModelPath: settings.LLAMACPP_MODEL_PATH,
    timeoutMs: settings.LLM_TIMEOUT_MS,
    maxRetries: settings.LLM_MAX_RETRIES,
  };
}

/**
 * Picks the chat model the config asks for. `auto` takes the first that works of Ollama, llama.cpp and
 * `grounded`, and `reason` says what was tried and why each was skipped. An explicit provider that cannot
 * be used throws `ChainError('MODEL_UNAVAILABLE')`; `grounded` always works.
 */
export async function createChatModel(
  config: LlmConfig,
  grounded: ChatModel,
): Promise<{ model: ChatModel; reason: string }> {
  switch (config.provider) {
    case 'grounded':
      return { model: grounded, reason: 'LLM_PROVIDER=grounded: using the grounded composer' };
    case 'ollama': {
      const attempt = await tryOllama(config);
      if (!attempt.ok) throw new ChainError('MODEL_UNAVAILABLE', `LLM_PROVIDER=ollama: ${attempt.reason}`);
      return { model: attempt.model, reason: `LLM_PROVIDER=ollama: ${attempt.reason}` };
    }
    case 'llamacpp': {
      const attempt = await tryLlamaCpp(config);
      if (!attempt.ok) {
        throw new ChainError('MODEL_UNAVAILABLE', `LLM_PROVIDER=llamacpp: ${attempt.reason}`, {
          cause: attempt.cause,
        });
      }
      return { model: attempt.model, reason: `LLM_PROVIDER=llamacpp: ${attempt.reason}` };
    }
    case 'auto': {
      const ollama = await tryOllama(config);
      if (ollama.ok) return { model: ollama.model, reason: `auto: ${ollama.reason}` };
      const llamaCpp = await tryLlamaCpp(config);
      const skipped = `ollama skipped: ${ollama.reason}`;
      if (llamaCpp.ok) return { model: llamaCpp.model, reason: `auto: ${skipped}; ${llamaCpp.reason}` };
      return {
        model: grounded,
        reason: `auto: ${skipped}; llamacpp skipped: ${llamaCpp.reason}; using the grounded composer`,
      };
    }
  }
}

type ProviderAttempt =
  | { ok: true; model: ChatModel; reason: string }
  | { ok: false; reason: string; cause?: unknown };

async function tryOllama(config: LlmConfig): Promise<ProviderAttempt> {
  const probe = await probeOllama(config.ollamaUrl, config.ollamaModel);
  if (!probe.ok) return probe;
  const model = new OllamaChatModel({
    baseUrl: config.ollamaUrl,
    model: config.ollamaModel,
    timeoutMs: config.timeoutMs,
    maxRetries: config.maxRetries,
  });
  return { ok: true, model, reason: `using Ollama model '${config.ollamaModel}' at ${config.ollamaUrl}` };
}

async function tryLlamaCpp(config: LlmConfig): Promise<ProviderAttempt> {
  if (config.llamacppModelPath === undefined) {
    return { ok: false, reason: 'LLAMACPP_MODEL_PATH is not set (set it to a .gguf file)' };
  }
  try {
    const model = await loadLlamaCppChatModel(config.llamacppModelPath);
    return { ok: true, model, reason: `using the llama.cpp model ${config.llamacppModelPath}` };
  } catch (error) {
    if (error instanceof ChainError) return { ok: false, reason: error.message, cause: error };
    throw error;
  }
}
