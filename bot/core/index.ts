export { assertMayAccessCustomer, describeAccess } from './access-refusal.ts';
export {
  type AdminReport,
  type AdminReports,
  adminReportText,
  auditLogReports,
  operationsHeadline,
} from './admin-reports.ts';
export { type AnalyticsReportOptions, analyticsReports } from './analytics-reports.ts';
export {
  type AnalyticsSource,
  type AnalyticsSourceOptions,
  createAnalyticsSource,
} from './analytics-source.ts';
export { AuditHealth } from './audit-health.ts';
export type { ChannelAdapter, ChannelContext, ChannelMount } from './channel-adapter.ts';
export {
  FEEDBACK_FAILED_TEXT,
  FEEDBACK_RECORDED_TEXT,
  notAdminText,
  notRegisteredText,
} from './channel-texts.ts';
export {
  ConversationCore,
  type HandleOptions,
  type InboundMessage,
  MAX_MESSAGE_CHARACTERS,
  type OutboundReply,
  type ProductCard,
  type StoreHealth,
  type TurnProgress,
  UNFINISHED_DETAIL,
} from './conversation-core.ts';
export { CoreError, type CoreErrorCode } from './core-error.ts';
export {
  type CustomerHistoryDependencies,
  clearCustomerHistory,
  type HistoryTurn,
  MAX_HISTORY_TURNS,
  readCustomerHistory,
} from './customer-history.ts';
export { feedbackNotes } from './feedback-notes.ts';
export {
  type AppliedFeedback,
  FEEDBACK_WEIGHTS,
  FeedbackPreferences,
  type ProfileLookup,
} from './feedback-preferences.ts';
export {
  applyFeedbackRule,
  choiceOfRecord,
  type FeedbackChoice,
  type FeedbackOutcome,
  type FeedbackRuleDependencies,
  type FeedbackVote,
} from './feedback-rule.ts';
export type { ProductOpinionSource, ProductOpinions, StaffNote } from './product-opinions.ts';
export {
  presentRiskOnce,
  productTypeLabel,
  providerBadgeText,
  sourceLabel,
} from './reply-presentation.ts';
export { ReplyRelease } from './reply-release.ts';
export type { ReportFact, ReportSection, ReportTable } from './report-sections.ts';
export {
  type Actor,
  CHANNELS,
  type Channel,
  mayAccessCustomer,
  mayRunAdminCommands,
  type Role,
  RoleDirectory,
  RolesConfig,
} from './roles.ts';
export { ThreadMemory, type ThreadState } from './thread-memory.ts';
export { TurnIdCodec } from './turn-id.ts';
export {
  AUDIT_UNAVAILABLE_TEXT,
  INTERNAL_ERROR_TEXT,
  UNAVAILABLE_TEXT,
  type UserErrorKind,
  type UserFacingError,
  userFacingError,
} from './user-facing-error.ts';
export { hasVisibleText } from './visible-text.ts';
