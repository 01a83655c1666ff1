import { type BotAdapter, CardFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { AdvisorAnswer, Handoff, HandoffDesk, HandoffNotifier } from '../../core/handoff/index.ts';
import { type Actor, userFacingError } from '../../core/index.ts';

/** What an advisor's click on a handoff card submits (Action.Submit data, plus the card's text input). */
export const HandoffSubmit = z.object({
  handoffAction: z.enum(['approve', 'edit', 'take_over']),
  handoffId: z.uuid(),
  /** The card's Input.Text: the draft, edited or replaced by the advisor. */
  handoffText: z.string().optional(),
});

/** Where a proactive card to one advisor goes: their last 1:1 conversation with the bot. */
interface AdvisorConversation {
  adapter: BotAdapter;
  reference: Partial<ConversationReference>;
}

const SENT: Record<Handoff['status'], string> = {
  pending: 'Still waiting.',
  approved: 'Approved: the draft was sent to the customer.',
  edited: 'Your edit passed the checks and was sent to the customer.',
  taken_over: 'Your answer passed the checks and was sent to the customer.',
  expired: 'Too late: this handoff expired and the customer was offered the phone line.',
};

/**
 * The Teams side of a handoff: a proactive Adaptive Card to the customer's advisor with the question, the draft in
 * an editable box, and Approve / Send my edit / Send as my own answer; a click is answered through the desk, which
 * refuses a text the validator or bias guard fails (the reasons are sent back, nothing reaches the customer).
 * Teams lets a bot message someone first only in a conversation it already has, so advisors are reached in the 1:1
 * chat they last used with the bot (kept in memory: after a restart, until they write to the bot again).
 */
export class TeamsHandoffBridge implements HandoffNotifier {
  readonly channel = 'teams' as const;
  private readonly conversations = new Map<string, AdvisorConversation>();

  constructor(
    private readonly desk: Pick<HandoffDesk, 'answer'>,
    /** The app id proactive messages are sent as ('' in the local emulator mode). */
    private readonly botAppId: string,
  ) {}

  /** Keeps where an advisor can be reached; called on each of their messages in a 1:1 chat. */
  remember(actor: Actor, context: TurnContext): void {
    if (actor.role !== 'advisor' || context.activity.conversation?.conversationType !== 'personal') return;
    // Without the advisor's message id the card is a new message in the chat, not a reply to their last one.
    const { activityId: _replyTo, ...reference } = referenceOf(context);
    this.conversations.set(actor.userId, { adapter: context.adapter, reference });
  }

  async notify(handoff: Handoff, advisor: Extract<Actor, { role: 'advisor' }>): Promise<void> {
    const conversation = this.conversations.get(advisor.userId);
    if (!conversation) {
      throw new Error(
        `Teams advisor ${advisor.userId} has no 1:1 chat with the bot yet, so handoff ${handoff.id} cannot reach them there`,
      );
    }
    await conversation.adapter.continueConversationAsync(
      this.botAppId,
      conversation.reference,
      async (proactive) => {
        await proactive.sendActivity({
          text: `${handoff.customerId} asked for a person in the web chat.`,
          attachments: [CardFactory.adaptiveCard(handoffCard(handoff))],
        });
      },
    );
  }

  /** Answers a handoff card's submit; false when the activity is not one (it is then handled as usual). */
  async handleSubmit(context: TurnContext, actor: Actor): Promise<boolean> {
    const parsed = HandoffSubmit.safeParse(context.activity.value);
    if (!parsed.success) return false;
    const { handoffAction, handoffId, handoffText = '' } = parsed.data;
    const answer: AdvisorAnswer =
      handoffAction === 'approve' ? { kind: 'approve' } : { kind: handoffAction, text: handoffText };
    try {
      const outcome = await this.desk.answer(handoffId, actor, answer);
      if (outcome.kind === 'refused') {
        await context.sendActivity(`Not sent: ${outcome.reasons.join(' ')}`);
      } else if (outcome.kind === 'closed') {
        await context.sendActivity(
          outcome.handoff.status === 'expired' ? SENT.expired : 'Already answered: nothing more was sent.',
        );
      } else {
        await context.sendActivity(SENT[outcome.handoff.status]);
      }
    } catch (error) {
      const failure = userFacingError(error);
      if (failure.kind === 'INTERNAL') throw error;
      await context.sendActivity(failure.text);
    }
    return true;
  }
}

function referenceOf(context: TurnContext): Partial<ConversationReference> {
  const { activity } = context;
  return {
    activityId: activity.id,
    user: activity.from,
    bot: activity.recipient,
    conversation: activity.conversation,
    channelId: activity.channelId,
    locale: activity.locale,
    serviceUrl: activity.serviceUrl,
  };
}

/** The handoff card: the question, the draft in an editable box, and the three answers. */
export function handoffCard(handoff: Handoff): Record<string, unknown> {
  const submit = (title: string, handoffAction: AdvisorAnswer['kind'], style?: 'positive') => ({
    type: 'Action.Submit',
    title,
    ...(style ? { style } : {}),
    data: { handoffAction, handoffId: handoff.id },
  });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: `${handoff.customerId} asked for a person`, weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: handoff.question, wrap: true, isSubtle: true },
      { type: 'TextBlock', text: "The assistant's validated draft (edit it, or replace it):", wrap: true },
      {
        type: 'Input.Text',
        id: 'handoffText',
        isMultiline: true,
        maxLength: 2000,
        value: handoff.draft.slice(0, 2000),
      },
      {
        type: 'TextBlock',
        text: `Unanswered at ${handoff.expiresAt.slice(11, 16)} UTC, the customer is offered the phone line. Edits are checked by the validator and bias guard first.`,
        wrap: true,
        size: 'Small',
        isSubtle: true,
      },
    ],
    actions: [
      submit('Approve', 'approve', 'positive'),
      submit('Send my edit', 'edit'),
      submit('Send as my own answer', 'take_over'),
    ],
  };
}
