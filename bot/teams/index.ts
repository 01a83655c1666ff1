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
  adminReportText,
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
  createEmulatorAdapter,
  createTeamsAdapter,
  createTeamsRoutes,
  loadTeamsSettings,
  TeamsAdapterSettings,
  type TeamsLogger,
} from './create-teams-routes.ts';
export { REMEMBERED_CARDS, SentCards } from './sent-cards.ts';
export { type EmulatorExposure, teamsEmulatorRefusal } from './teams-emulator-mode.ts';
