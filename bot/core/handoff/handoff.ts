import { z } from 'zod';
import { CUSTOMER_ID } from '../../../knowledge/schemas.ts';
import { CHANNELS } from '../roles.ts';

/** Where a handoff stands: waiting for the advisor, answered one of three ways, or given up after the timeout. */
export const HANDOFF_STATUSES = ['pending', 'approved', 'edited', 'taken_over', 'expired'] as const;
/** One of HANDOFF_STATUSES. */
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/** The languages a handoff's customer-facing texts exist in (those of the assistant's fixed texts). */
export const HANDOFF_LANGUAGES = ['en', 'de', 'es'] as const;

const instant = z.iso.datetime({ precision: 3 });

/**
 * A customer's request for a person: what they asked, the assistant's validated draft the advisor may approve,
 * edit or replace, and (once closed) what reached the customer and who wrote it.
 */
export const Handoff = z.strictObject({
  id: z.uuid(),
  customerId: z.string().regex(CUSTOMER_ID),
  /** The conversation core's thread id of the customer's conversation (e.g. `web:C-000042:<uuid>`). */
  threadId: z.string().min(1),
  question: z.string().min(1),
  /** The assistant's reply to the question, validated and audited like every reply. */
  draft: z.string().min(1),
  /** Products the assistant's turn recommended: an edit may name only these. */
  recommendedProductIds: z.array(z.string().min(1)),
  /** The audit seq of the assistant's turn. */
  turnSeq: z.number().int().min(1),
  language: z.enum(HANDOFF_LANGUAGES),
  openedAt: instant,
  expiresAt: instant,
  status: z.enum(HANDOFF_STATUSES),
  /** The text that reached the customer (the advisor's answer, or the honest expiry message); null while pending. */
  message: z.string().nullable(),
  /** Who closed it: the advisor's channel user id and channel; null while pending and on expiry. */
  advisor: z.strictObject({ userId: z.string().min(1), channel: z.enum(CHANNELS) }).nullable(),
  /** The audit seq of the delivered message; null while pending. */
  deliveredSeq: z.number().int().min(1).nullable(),
  closedAt: instant.nullable(),
});
/** A parsed handoff. */
export type Handoff = z.infer<typeof Handoff>;

/** How an advisor answers: send the draft as it is, send an edited draft, or write the answer themselves. */
export type AdvisorAnswer =
  | { kind: 'approve' }
  | { kind: 'edit'; text: string }
  | { kind: 'take_over'; text: string };

/** The status an answer closes a handoff with. */
export function statusOf(answer: AdvisorAnswer): Exclude<HandoffStatus, 'pending' | 'expired'> {
  switch (answer.kind) {
    case 'approve':
      return 'approved';
    case 'edit':
      return 'edited';
    case 'take_over':
      return 'taken_over';
  }
}
