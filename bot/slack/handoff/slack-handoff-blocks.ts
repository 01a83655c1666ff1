import type { types } from '@slack/bolt';
import type { AdvisorAnswer, AnswerOutcome, Handoff } from '../../core/handoff/index.ts';
import { escapeMrkdwn } from '../slack-mrkdwn.ts';

/** The buttons of a handoff DM; each carries the handoff id as its value. */
export const HANDOFF_ACTIONS = {
  approve: 'handoff_approve',
  edit: 'handoff_edit',
  take_over: 'handoff_take_over',
} as const satisfies Record<AdvisorAnswer['kind'], string>;

/** The modal's callback ids (edit the draft / write your own answer) and its one input. */
export const HANDOFF_MODALS = { edit: 'handoff_edit', take_over: 'handoff_take_over' } as const;
/** The block and action id of the modal's text input. */
export const HANDOFF_TEXT_INPUT = { block: 'handoff_text', action: 'text' } as const;

// Slack's section text limit is 3,000 characters; long drafts are shortened in the DM (the modal holds all).
const SECTION_LIMIT = 2900;

function clip(text: string): string {
  return text.length <= SECTION_LIMIT ? text : `${text.slice(0, SECTION_LIMIT - 1)}…`;
}

function quoted(text: string): string {
  return clip(
    escapeMrkdwn(text)
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n'),
  );
}

function conversationBlocks(handoff: Handoff): types.KnownBlock[] {
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${handoff.customerId} asked for a person* in the web chat:\n${quoted(handoff.question)}`,
      },
    },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*The assistant's validated draft:*\n${quoted(handoff.draft)}` },
    },
  ];
}

/** The DM a customer's advisor gets: the question, the draft, when it expires, and Approve / Edit / Take over. */
export function handoffRequestBlocks(handoff: Handoff): types.KnownBlock[] {
  return [
    ...conversationBlocks(handoff),
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `Unanswered at ${handoff.expiresAt.slice(11, 16)} UTC, the customer is told no adviser could answer and is offered the phone line. Edits are checked by the validator and bias guard before they are sent.`,
        },
      ],
    },
    {
      type: 'actions',
      block_id: `handoff:${handoff.id}`,
      elements: [
        {
          type: 'button',
          action_id: HANDOFF_ACTIONS.approve,
          text: { type: 'plain_text', text: 'Approve' },
          style: 'primary',
          value: handoff.id,
        },
        {
          type: 'button',
          action_id: HANDOFF_ACTIONS.edit,
          text: { type: 'plain_text', text: 'Edit' },
          value: handoff.id,
        },
        {
          type: 'button',
          action_id: HANDOFF_ACTIONS.take_over,
          text: { type: 'plain_text', text: 'Take over' },
          value: handoff.id,
        },
      ],
    },
  ];
}

/** The plain-text fallback of the DM (notifications, screen readers). */
export function handoffRequestText(handoff: Handoff): string {
  return `${handoff.customerId} asked for a person in the web chat: "${clip(handoff.question)}"`;
}

const CLOSED: Record<Handoff['status'], (who: string) => string> = {
  pending: () => 'Still waiting for an answer.',
  approved: (who) => `✅ ${who} approved the draft; it was sent to the customer.`,
  edited: (who) => `✏️ ${who} edited the draft; this was sent to the customer:`,
  taken_over: (who) => `🙋 ${who} took over; this was sent to the customer:`,
  expired: () => '⌛ Nobody answered in time: the customer was told so and offered the phone line.',
};

/** The DM after the handoff closed: the buttons are gone, and it says who answered and what was sent. */
export function handoffClosedBlocks(handoff: Handoff): types.KnownBlock[] {
  const who = handoff.advisor ? `<@${handoff.advisor.userId}>` : 'Someone';
  const sent =
    handoff.status === 'edited' || handoff.status === 'taken_over'
      ? `\n${quoted(handoff.message ?? '')}`
      : '';
  return [
    ...conversationBlocks(handoff),
    { type: 'section', text: { type: 'mrkdwn', text: `${CLOSED[handoff.status](who)}${sent}` } },
  ];
}

/** What a click or a submitted modal tells the advisor privately when nothing was sent. */
export function outcomeNotice(outcome: AnswerOutcome): string | null {
  switch (outcome.kind) {
    case 'delivered':
      return null;
    case 'refused':
      return `Not sent: ${outcome.reasons.join(' ')}`;
    case 'closed':
      return outcome.handoff.status === 'expired'
        ? 'Too late: this handoff expired and the customer was offered the phone line.'
        : 'Already answered: nothing more was sent.';
  }
}

/** Where the modal's answer goes back to: the handoff, and the DM to rewrite once it is sent. */
export interface HandoffModalMetadata {
  handoffId: string;
  channel: string;
  ts: string;
}

/** The Edit / Take over modal: the draft to edit, or an empty box for the advisor's own words. */
export function handoffModal(
  kind: keyof typeof HANDOFF_MODALS,
  handoff: Handoff,
  metadata: HandoffModalMetadata,
): types.ModalView {
  return {
    type: 'modal',
    callback_id: HANDOFF_MODALS[kind],
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: kind === 'edit' ? 'Edit the reply' : 'Answer yourself' },
    submit: { type: 'plain_text', text: 'Send to customer' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: `${handoff.customerId} asked: ${clip(escapeMrkdwn(handoff.question))}` },
        ],
      },
      {
        type: 'input',
        block_id: HANDOFF_TEXT_INPUT.block,
        label: { type: 'plain_text', text: 'Message to the customer' },
        hint: {
          type: 'plain_text',
          text: 'Checked like the assistant’s replies: no promises of returns, only figures and products from the draft.',
        },
        element: {
          type: 'plain_text_input',
          action_id: HANDOFF_TEXT_INPUT.action,
          multiline: true,
          max_length: 2000,
          ...(kind === 'edit' ? { initial_value: handoff.draft.slice(0, 2000) } : {}),
        },
      },
    ],
  };
}
