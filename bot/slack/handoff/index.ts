export { registerHandoffActions } from './slack-handoff-actions.ts';
export {
  HANDOFF_ACTIONS,
  HANDOFF_MODALS,
  HANDOFF_TEXT_INPUT,
  handoffClosedBlocks,
  handoffModal,
  handoffRequestBlocks,
} from './slack-handoff-blocks.ts';
export { slackHandoffNotifier } from './slack-handoff-notifier.ts';
