export {
  type ActionSet,
  type AdaptiveCard,
  adminReportCard,
  adminReportText,
  type CardElement,
  type Container,
  FeedbackSubmit,
  providerBadge,
  replyCard,
  type SubmitAction,
  type TextBlock,
} from './adaptive-cards.ts';
export {
  AdvisorTeamsBot,
  type AdvisorTeamsBotDependencies,
  parseTeamsText,
  TEAMS_COMMANDS,
  type TeamsCommand,
  teamsThreadId,
} from './advisor-teams-bot.ts';
export {
  createTeamsAdapter,
  createTeamsRoutes,
  loadTeamsSettings,
  TeamsAdapterSettings,
  type TeamsLogger,
} from './create-teams-routes.ts';
