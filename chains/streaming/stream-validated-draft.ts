import type { AdvicePrompt, ChatModel } from '../llm/index.ts';
import {
  judgeRelevance,
  type ValidationContext,
  type ValidationIssue,
  validateSentence,
} from '../validate/index.ts';
import type { ReplyStream } from './reply-stream.ts';
import { SentenceSplitter } from './sentence-splitter.ts';

/** What streaming one draft produced: every sentence passed and was released, or a sentence failed and stopped it. */
export type StreamedDraft =
  | { kind: 'complete'; text: string; released: string }
  | { kind: 'stopped'; issues: ValidationIssue[]; released: string };

/** One model draft to stream through the sentence checks. */
export interface StreamedDraftInput {
  model: ChatModel;
  prompt: AdvicePrompt;
  validation: ValidationContext;
  /** Hold sentences until the relevance judgement has enough words, and stop a reply that is about something else. */
  checkRelevance: boolean;
  stream: ReplyStream;
  signal?: AbortSignal;
}

/** Why this module aborted the model: a sentence failed (told apart from the caller's own cancellation). */
class SentenceRejected extends Error {
  constructor() {
    super('a streamed sentence failed validation');
    this.name = 'SentenceRejected';
  }
}

/**
 * Streams a model's draft sentence by sentence: each finished sentence goes through the sentence checks and is
 * released only once it passed (and, with `checkRelevance`, once the reply so far is judged on topic). The first
 * failing sentence aborts the model; it and everything after it are never released.
 */
export async function streamValidatedDraft(input: StreamedDraftInput): Promise<StreamedDraft> {
  const stop = new AbortController();
  const signal = input.signal ? AbortSignal.any([input.signal, stop.signal]) : stop.signal;
  const splitter = new SentenceSplitter();
  let streamed = '';
  let accepted = '';
  let released = '';
  let held: string[] = [];
  let relevanceDecided = !input.checkRelevance;
  // An object, not a `let`: it is set inside callbacks, which control-flow narrowing does not see.
  const outcome: { failure: ValidationIssue[] | null } = { failure: null };

  const fail = (issues: ValidationIssue[]) => {
    outcome.failure = issues;
    stop.abort(new SentenceRejected());
  };
  const releaseHeld = () => {
    for (const sentence of held) {
      input.stream.release(sentence);
      released += sentence;
    }
    held = [];
  };
  const accept = (sentence: string, final: boolean) => {
    if (outcome.failure) return;
    const verdict = validateSentence(sentence, input.validation);
    if (!verdict.ok) return fail(verdict.issues);
    accepted += sentence;
    held.push(sentence);
    if (input.checkRelevance) {
      const relevance = judgeRelevance(accepted, input.validation, final);
      if (relevance.decided && !relevance.onTopic) return fail([relevance.issue]);
      relevanceDecided ||= relevance.decided;
    }
    if (relevanceDecided) releaseHeld();
  };

  let text: string;
  try {
    text = await input.model.generate(input.prompt, {
      signal,
      onToken: (chunk) => {
        streamed += chunk;
        for (const sentence of splitter.push(chunk)) accept(sentence, false);
      },
    });
  } catch (error) {
    if (outcome.failure && stop.signal.aborted && !input.signal?.aborted) {
      return { kind: 'stopped', issues: outcome.failure, released };
    }
    throw error;
  }
  // A model that streams nothing (or stopped listening) still returned its whole text.
  if (streamed.length === 0) for (const sentence of splitter.push(text)) accept(sentence, false);
  const rest = splitter.finish();
  if (rest.length > 0) accept(rest, true);
  if (outcome.failure) return { kind: 'stopped', issues: outcome.failure, released };
  if (held.length > 0) {
    // A short reply never gave the relevance judgement enough words; it is judged whole.
    if (input.checkRelevance) {
      const relevance = judgeRelevance(accepted, input.validation, true);
      if (relevance.decided && !relevance.onTopic)
        return { kind: 'stopped', issues: [relevance.issue], released };
    }
    releaseHeld();
  }
  return { kind: 'complete', text: accepted, released };
}
