import { ChainError } from './chain-error.ts';
import { HUMAN_HANDOFF } from './grounded/grounded-chat-model.ts';
import type { BiasVerdict } from './guard/index.ts';
import type { AdvicePrompt, ChatModel, ProviderName } from './llm/index.ts';
import {
  describeIssues,
  type ValidationContext,
  type ValidationIssue,
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
  guardReply: (reply: string) => BiasVerdict;
  signal?: AbortSignal;
}

/** The text to send, who wrote it, and the verdicts behind it. */
export interface ValidatedReply {
  text: string;
  provider: { name: ProviderName; model: string };
  validator: ValidatorOutcome;
  bias: BiasVerdict;
}

/** Sent only if even the grounded composer's reply fails (a bug): says nothing that could be wrong. */
export const SAFE_FALLBACK_REPLY = `I'm sorry, I can't answer that reliably right now. ${HUMAN_HANDOFF}`;

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
  let modelError: string | undefined;
  let repaired = false;
  const rejectedWording: string[] = [];
  const options = input.signal ? { signal: input.signal } : {};

  if (input.model.provider !== 'grounded') {
    try {
      let text = await input.model.generate(input.prompt, options);
      let verdict = check(text);
      if (!verdict.ok) {
        repaired = true;
        const repairPrompt = {
          ...input.prompt,
          user: `${input.prompt.user}\n\nYour previous answer could not be sent because:\n${describeIssues(verdict.issues)}\nWrite the answer again, fixing every point.`,
        };
        text = await input.model.generate(repairPrompt, options);
        verdict = check(text);
      }
      const bias = input.guardReply(text);
      if (verdict.ok && !bias.flagged) {
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
    return {
      text: groundedText,
      provider,
      validator: { ...outcome(true, seen, repaired, fellBack), ...(modelError ? { modelError } : {}) },
      bias: groundedBias,
    };
  }
  return {
    text: SAFE_FALLBACK_REPLY,
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

function issueDetail(issue: ValidationIssue): string {
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
