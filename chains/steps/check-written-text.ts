import type { BiasVerdict } from '../guard/index.ts';
import { guardReply } from '../guard/index.ts';
import { SYSTEM_PROMPT } from '../prompt/advice-prompt.ts';
import type { Retriever } from '../retrieve/retriever.ts';
import {
  describeIssues,
  type PromissoryModel,
  type ValidationContext,
  validateReply,
} from '../validate/index.ts';
import { issueDetail } from '../validated-generation.ts';
import { customerFigures } from './write-reply.ts';

/** What a person-written reply is checked against: the customer, what they asked, and the assistant's draft. */
export interface WrittenTextSubject {
  customerId: string;
  question: string;
  /** The assistant's validated draft of the same turn: its figures, contacts and products may be repeated. */
  draft: string;
  /** The products the assistant's turn recommended: the only products the text may name. */
  recommendedProductIds: readonly string[];
}

/** The verdict on a person-written reply, in the audit log's shape, with one plain reason per problem. */
export interface WrittenTextCheck {
  ok: boolean;
  validator: { ok: boolean; issues: { reason: string; detail: string }[]; repaired: false; fellBack: false };
  bias: BiasVerdict;
  /** What to change, one line per issue (empty when ok). */
  reasons: string[];
}

/** Checks a text someone else wrote for a customer (an advisor's edit) exactly as the chain checks its own replies. */
export type WrittenTextChecker = (text: string, subject: WrittenTextSubject) => Promise<WrittenTextCheck>;

/**
 * The same validator and bias guard the chain runs on its replies (write-reply.ts), for a text an advisor wrote:
 * grounded in the customer's record, the recommended products and the assistant's validated draft, so an edit can
 * keep the draft's figures but cannot add a promise, a new figure, another product or someone else's data.
 * @example const check = createWrittenTextChecker(retriever); const verdict = await check(text, subject);
 */
export function createWrittenTextChecker(
  retriever: Pick<Retriever, 'customer' | 'catalog'>,
  promissoryModel?: PromissoryModel,
): WrittenTextChecker {
  return async (text, subject) => {
    const [customer, catalog] = await Promise.all([
      retriever.customer(subject.customerId),
      retriever.catalog(),
    ]);
    const recommended = catalog.filter((product) => subject.recommendedProductIds.includes(product.id));
    const context: ValidationContext = {
      customer: customer?.record.customer ?? null,
      customerFigures: customer ? customerFigures(customer.record) : [],
      catalog,
      recommendedProductIds: subject.recommendedProductIds,
      groundingTexts: [subject.draft, ...recommended.map((product) => JSON.stringify(product))],
      systemPrompt: SYSTEM_PROMPT,
      userMessage: subject.question,
      untrustedTexts: [subject.question, ...(customer ? [customer.text] : [])],
      otherPeopleNames: [],
      audience: 'customer',
      ...(promissoryModel ? { promissoryModel } : {}),
    };
    const verdict = validateReply(text, context);
    const bias = guardReply(text);
    const reasons = [...(verdict.ok ? [] : describeIssues(verdict.issues).split('\n')), ...bias.reasons];
    return {
      ok: verdict.ok && !bias.flagged,
      validator: {
        ok: verdict.ok,
        issues: verdict.issues.map((issue) => ({ reason: issue.reason, detail: issueDetail(issue) })),
        repaired: false,
        fellBack: false,
      },
      bias,
      reasons,
    };
  };
}
