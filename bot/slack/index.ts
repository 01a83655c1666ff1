export {
  type AssistantSurface,
  AssistantThreadStore,
  createAssistantSurface,
} from './assistant/index.ts';
export {
  createSlackApp,
  SLACK_COMMANDS,
  SLACK_EVENTS_PATH,
  type SlackApp,
  type SlackAppDependencies,
  type SlackCommandName,
  THINKING_REACTION,
} from './create-slack-app.ts';
export { createSlackRoutes } from './create-slack-routes.ts';
export {
  QUICK_REPLY_ACTION,
  quickReplyBlock,
  quickReplyTopic,
  withQuickReplies,
} from './quick-reply-blocks.ts';
export {
  adminReportBlocks,
  adminReportText,
  dashboardPointer,
  MAX_TABLE_ROWS_IN_CHAT,
} from './slack-admin-report.ts';
export {
  fallbackText,
  MAX_BLOCKS,
  MAX_SECTION_CHARACTERS,
  providerBadge,
  toBlocks,
} from './slack-blocks.ts';
export {
  loadSlackChannel,
  type SlackChannel,
  slackChannel,
} from './slack-channel.ts';
export {
  checkSlackConnection,
  describeSlackConnection,
  type SlackConnection,
} from './slack-connection.ts';
export {
  CHOSEN_LABELS,
  FEEDBACK_ACTIONS,
  markChosen,
  productBlockId,
  RATING_BLOCK_ID,
} from './slack-feedback-blocks.ts';
export {
  ADVISE_USAGE,
  type AdviseRequest,
  adviseToInbound,
  feedbackToInput,
  findSlackActor,
  type InboundRefusalReason,
  NOT_REGISTERED,
  parseAdviseCommand,
  type SlackButtonClick,
  type SlackCommandFields,
  type SlackMessageEvent,
  type SlackTurn,
  slackThreadId,
  type Translation,
  toInbound,
} from './slack-inbound.ts';
export { escapeMrkdwn, markdownToMrkdwn } from './slack-mrkdwn.ts';
export { loadSlackSettings, type SlackSettings } from './slack-settings.ts';
