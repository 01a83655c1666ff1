export {
  type ActionSet,
  type AdaptiveCard,
  type CardChoices,
  type CardElement,
  CHOSEN_TEXT,
  type Container,
  type FactSet,
  FeedbackSubmit,
  type OpenUrlAction,
  providerBadge,
  type ReportCard,
  replyCard,
  type SubmitAction,
  type Table,
  type TableCell,
  type TextBlock,
} from './adaptive-cards.ts';
export {
  adminReportCard,
  DASHBOARD_WITHOUT_URL,
  MAX_TABLE_ROWS_IN_CARD,
  plainCardText,
} from './admin-report-card.ts';
export {
  AdvisorTeamsBot,
  type AdvisorTeamsBotDependencies,
  parseTeamsText,
  TEAMS_COMMANDS,
  type TeamsCommand,
  teamsThreadId,
} from './advisor-teams-bot.ts';
export {
  type AiMessageEntity,
  aiMessageEntity,
  type ClientCitation,
  replyCitations,
  textWithCitationMarkers,
} from './ai-message-entity.ts';
export {
  AlreadyToldError,
  createEmulatorAdapter,
  createTeamsAdapter,
  createTeamsRoutes,
  loadTeamsSettings,
  TeamsAdapterSettings,
  type TeamsLogger,
} from './create-teams-routes.ts';
export { FEEDBACK_LOOP_INVOKE, FeedbackLoopValue } from './feedback-loop.ts';
export { progressText } from './progress-text.ts';
export { REMEMBERED_CARDS, SentCards } from './sent-cards.ts';
export { loadTeamsChannel, type TeamsChannel, teamsChannel } from './teams-channel.ts';
export { type EmulatorExposure, teamsEmulatorRefusal } from './teams-emulator-mode.ts';
export { type ActivitySender, TeamsReplyStream } from './teams-reply-stream.ts';
