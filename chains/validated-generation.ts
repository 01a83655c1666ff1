import { ChainError } from './chain-error.ts';
import { type FixedTextReader, fixedText } from './compose/fixed-texts.ts';
import type { BiasVerdict } from './guard/index.ts';
import type { AdvicePrompt, ChatModel, ProviderName } from './llm/index.ts';
import type { ReplyStream } from './streaming/reply-stream.ts';
import { sentencesOf } from './streaming/sentence-splitter.ts';
import { streamValidatedDraft } from './streaming/stream-validated-draft.ts';
import {
  describeIssues,
  judgeRelevance,
  type ValidationContext,
  type ValidationIssue,
  type Verdict,
  validateReply,
} from './validate/index.ts';

/** The validator's record of a turn: final verdict, every issue seen on the way, and what was done about it. */
export interface ValidatorOutcome {
  ok: boolean;
  issues: { reason: string; detail: string }[];
  repaired: boolean;
  fellBack: boolean;
  /** Why the configured model was not used, when it failed outright (unavailable, timeout…). */
  modelError?: string;
}

export interface ValidatedGenerationInput {
  prompt: AdvicePrompt;
  model: ChatModel;
  grounded: ChatModel;
  validation: ValidationContext;
  /** Who reads the reply, for the safe fallback's wording (the customer in English when not given). */
  reader?: FixedTextReader;
  guardReply: (reply: string) => BiasVerdict;
  signal?: AbortSignal;
  /**
   * Where validated sentences go as the model writes them; without it nothing streams. A sentence that fails stops
   * the model, and the text the repair/grounded path completes replaces what was shown.
   */
  stream?: ReplyStream;
  /** Judge whether the configured model's reply is about its sources (see judgeRelevance); off for non-English turns. */
  checkRelevance?: boolean;
}

/** The text to send, who wrote it, and the verdicts behind it. */
export interface ValidatedReply {
  text: string;
  provider: { name: ProviderName; model: string };
  validator: ValidatorOutcome;
  bias: BiasVerdict;
}

/** Sent only if even the grounded composer's reply fails (a bug): says nothing that could be wrong. */
export const SAFE_FALLBACK_REPLY = fixedText('service_unavailable', { language: 'en', audience: 'customer' });

/** The safe fallback worded for its reader: "I can connect you with an adviser" / "check C-000042's records". */
export function safeFallbackReply(reader: FixedTextReader): string {
  return fixedText('service_unavailable', reader);
}

/**
 * Generates a reply and checks it: a failing reply gets one repair attempt (re-prompted with its issues), then
 * the grounded composer takes over; wording the bias guard flags is replaced the same way. Every verdict is kept.
 */
export async function composeWithValidation(input: ValidatedGenerationInput): Promise<ValidatedReply> {
  const seen: ValidationIssue[] = [];
  const check = (text: string) => {
    const verdict = validateReply(text, input.validation);
    seen.push(...verdict.issues);
    return verdict;
  };
  // What the configured model writes must also be about its sources; the deterministic composers are by construction.
  const checkModelText = (text: string): Verdict => {
    const verdict = check(text);
    if (!input.checkRelevance) return verdict;
    const relevance = judgeRelevance(text, input.validation, true);
    if (!relevance.decided || relevance.onTopic) return verdict;
    seen.push(relevance.issue);
    return { ok: false, issues: [...verdict.issues, relevance.issue] };
  };
  const stream = input.stream;
  // The configured model's sentences that reached the channel (empty when nothing streamed).
  let shown = '';
  /** The reply's final text reaches the channel: appended as sentences when nothing was shown, else a replacement. */
  const deliver = (text: string): void => {
    if (!stream || shown === text) return;
    if (shown.length === 0) for (const sentence of sentencesOf(text)) stream.release(sentence);
    else stream.replace(text);
  };
  let modelError: string | undefined;
  let repaired = false;
  const rejectedWording: string[] = [];
  const options = input.signal ? { signal: input.signal } : {};

  /**
   * One model draft, checked sentence by sentence as it streams (a failing sentence stops the model, which saves
   * the rest of a bad draft), then whole. Sentences go to `releaseTo` only when given (the first draft of a stream).
   */
  const draft = async (prompt: AdvicePrompt, releaseTo: ReplyStream | null) => {
    const result = await streamValidatedDraft({
      model: input.model,
      prompt,
      validation: input.validation,
      checkRelevance: input.checkRelevance ?? false,
      stream: releaseTo ?? { release: () => {}, replace: () => {} },
      ...options,
    });
    if (result.kind === 'stopped') {
      seen.push(...result.issues);
      const verdict: Verdict = { ok: false, issues: result.issues };
      return { text: result.released, verdict };
    }
    return { text: result.text, verdict: checkModelText(result.text) };
  };
  // Counted as they go out: a model failing mid-stream leaves them shown.
  const tracked: ReplyStream | null = stream
    ? {
        release: (sentence) => {
          shown += sentence;
          stream.release(sentence);
        },
        replace: (replacement) => {
          shown = replacement;
          stream.replace(replacement);
        },
      }
    : null;

  if (input.model.provider !== 'grounded') {
    try {
      let { text, verdict } = await draft(input.prompt, tracked);
      if (!verdict.ok) {
        repaired = true;
        const repairPrompt = {
          ...input.prompt,
          user: `${input.prompt.user}\n\nYour previous answer could not be sent because:\n${describeIssues(verdict.issues)}\nWrite the answer again, fixing every point.`,
        };
        // The repaired text replaces what was shown in one piece, once it has passed whole.
        ({ text, verdict } = await draft(repairPrompt, null));
      }
      const bias = input.guardReply(text);
      if (verdict.ok && !bias.flagged) {
        deliver(text);
        return {
          text,
          provider: { name: input.model.provider, model: input.model.model },
          validator: outcome(true, seen, repaired, false),
          bias,
        };
      }
      if (bias.flagged) rejectedWording.push(...bias.reasons);
    } catch (error) {
      if (!(error instanceof ChainError)) throw error;
      modelError = `${error.code}: ${error.message}`;
    }
  }

  const groundedText = await input.grounded.generate(input.prompt, options);
  const groundedVerdict = check(groundedText);
  const guarded = input.guardReply(groundedText);
  const groundedBias = {
    flagged: guarded.flagged || rejectedWording.length > 0,
    reasons: [...rejectedWording, ...guarded.reasons],
  };
  const fellBack = input.model.provider !== 'grounded';
  const provider = { name: input.grounded.provider, model: input.grounded.model };
  if (groundedVerdict.ok && !guarded.flagged) {
    deliver(groundedText);
    return {
      text: groundedText,
      provider,
      validator: { ...outcome(true, seen, repaired, fellBack), ...(modelError ? { modelError } : {}) },
      bias: groundedBias,
    };
  }
  const fallback = input.reader ? safeFallbackReply(input.reader) : SAFE_FALLBACK_REPLY;
  deliver(fallback);
  return {
    text: fallback,
    provider,
    validator: { ...outcome(false, seen, repaired, true), ...(modelError ? { modelError } : {}) },
    bias: groundedBias,
  };
}

function outcome(
  ok: boolean,
  issues: ValidationIssue[],
  repaired: boolean,
  fellBack: boolean,
): ValidatorOutcome {
  return {
    ok,
    issues: issues.map((issue) => ({ reason: issue.reason, detail: issueDetail(issue) })),
    repaired,
    fellBack,
  };
}

/** The audit log's one-line detail of a validation issue (the phrase, product or figure it is about). */
export function issueDetail(issue: ValidationIssue): string {
  switch (issue.reason) {
    case 'unrecommended_product':
    case 'missing_risk_disclosure':
      return issue.productId;
    case 'promissory_language':
      return issue.phrase;
    case 'too_long':
      return `${issue.characters} characters`;
    default:
      return issue.text;
  }
}
