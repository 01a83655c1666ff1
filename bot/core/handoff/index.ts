export { type AdvisorAnswer, HANDOFF_STATUSES, Handoff, type HandoffStatus } from './handoff.ts';
export {
  type AnswerOutcome,
  DEFAULT_HANDOFF_TIMEOUT_SECONDS,
  HandoffDesk,
  type HandoffDeskDependencies,
} from './handoff-desk.ts';
export type { AdvisorActor, HandoffNotifier } from './handoff-notifier.ts';
export { type HandoffClosing, type HandoffStore, openSqliteHandoffStore } from './handoff-store.ts';
export { customerView, expiredText } from './handoff-texts.ts';
