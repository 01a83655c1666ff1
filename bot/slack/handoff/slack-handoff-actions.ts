import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import type { AdvisorAnswer, AnswerOutcome, HandoffDesk } from '../../core/handoff/index.ts';
import { type RoleDirectory, userFacingError } from '../../core/index.ts';
import { findSlackActor } from '../slack-inbound.ts';
import {
  HANDOFF_ACTIONS,
  HANDOFF_MODALS,
  HANDOFF_TEXT_INPUT,
  handoffClosedBlocks,
  handoffModal,
  handoffRequestText,
  outcomeNotice,
} from './slack-handoff-blocks.ts';

const ModalMetadata = z.strictObject({
  handoffId: z.uuid(),
  channel: z.string().min(1),
  ts: z.string().min(1),
});
const BUTTON = new RegExp(`^(${Object.values(HANDOFF_ACTIONS).join('|')})$`);
const MODAL = new RegExp(`^(${Object.values(HANDOFF_MODALS).join('|')})$`);

/**
 * The advisor's side of a handoff in Slack: Approve sends the draft at once; Edit and Take over open a modal whose
 * text the desk checks (validator, bias guard) before anything reaches the customer; a refused text keeps the modal
 * open with the reasons under the input. The DM is rewritten without buttons once the handoff is answered.
 */
export function registerHandoffActions(
  app: App,
  roles: Pick<RoleDirectory, 'find'>,
  desk: Pick<HandoffDesk, 'answer' | 'find'>,
): void {
  app.action<BlockAction<ButtonAction>>(BUTTON, async ({ action, body, ack, respond, client, logger }) => {
    await ack();
    const tell = async (text: string): Promise<void> => {
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    };
    const actor = findSlackActor(roles, body.user.id);
    if (!actor.ok) return await tell(actor.ephemeral);
    const handoffId = action.value ?? '';
    try {
      if (action.action_id === HANDOFF_ACTIONS.approve) {
        const outcome = await desk.answer(handoffId, actor.value, { kind: 'approve' });
        const notice = outcomeNotice(outcome);
        if (notice) return await tell(notice);
        const handoff = delivered(outcome);
        await respond({
          replace_original: true,
          text: handoffRequestText(handoff),
          blocks: handoffClosedBlocks(handoff),
        });
        return;
      }
      const handoff = await desk.find(handoffId, actor.value);
      if (handoff.status !== 'pending') return await tell('This handoff is already closed.');
      const kind = action.action_id === HANDOFF_ACTIONS.edit ? 'edit' : 'take_over';
      const channel = body.channel?.id ?? body.container.channel_id;
      const ts = body.message?.ts ?? body.container.message_ts;
      await client.views.open({
        trigger_id: body.trigger_id,
        view: handoffModal(kind, handoff, { handoffId, channel, ts }),
      });
    } catch (error) {
      const failure = userFacingError(error);
      if (failure.kind === 'INTERNAL') logger.error(`Handoff ${handoffId} action failed`, error);
      await tell(failure.text);
    }
  });

  app.view({ callback_id: MODAL, type: 'view_submission' }, async ({ ack, body, view, client, logger }) => {
    const refuse = (message: string): Promise<void> =>
      ack({ response_action: 'errors', errors: { [HANDOFF_TEXT_INPUT.block]: message.slice(0, 1900) } });
    const actor = findSlackActor(roles, body.user.id);
    if (!actor.ok) return await refuse(actor.ephemeral);
    const metadata = ModalMetadata.safeParse(safeJson(view.private_metadata));
    if (!metadata.success) return await refuse('This form is out of date; open the handoff again.');
    const text = view.state.values[HANDOFF_TEXT_INPUT.block]?.[HANDOFF_TEXT_INPUT.action]?.value ?? '';
    const answer: AdvisorAnswer =
      view.callback_id === HANDOFF_MODALS.edit ? { kind: 'edit', text } : { kind: 'take_over', text };
    let outcome: AnswerOutcome;
    try {
      outcome = await desk.answer(metadata.data.handoffId, actor.value, answer);
    } catch (error) {
      const failure = userFacingError(error);
      if (failure.kind === 'INTERNAL')
        logger.error(`Handoff ${metadata.data.handoffId} answer failed`, error);
      return await refuse(failure.text);
    }
    const notice = outcomeNotice(outcome);
    if (notice) return await refuse(notice);
    await ack();
    const handoff = delivered(outcome);
    await client.chat
      .update({
        channel: metadata.data.channel,
        ts: metadata.data.ts,
        text: handoffRequestText(handoff),
        blocks: handoffClosedBlocks(handoff),
      })
      .catch((error: unknown) => logger.warn(`Could not update the handoff DM: ${String(error)}`));
  });
}

function delivered(
  outcome: AnswerOutcome,
): Extract<AnswerOutcome, { kind: 'delivered' | 'closed' }>['handoff'] {
  if (outcome.kind === 'refused') throw new Error('a refused answer has no handoff to show');
  return outcome.handoff;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
