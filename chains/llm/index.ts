export type {
  AdviceContext,
  AdviceIntent,
  AdvicePrompt,
  ChatModel,
  ChatTurn,
  GenerateOptions,
  ProviderName,
  RetrievedPassage,
} from './chat-model.ts';
export { createChatModel, type LlmConfig, loadLlmConfig } from './create-chat-model.ts';
export { loadLlamaCppChatModel } from './llamacpp-chat-model.ts';
export {
  DEFAULT_OLLAMA_MODEL,
  DEFAULT_OLLAMA_URL,
  OllamaChatModel,
  type OllamaChatModelOptions,
  type OllamaProbe,
  probeOllama,
} from './ollama-chat-model.ts';
