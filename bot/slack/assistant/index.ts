export {
  appHomeView,
  HOME_OPEN_CUSTOMER_ACTION,
  HOME_REPORT_ACTIONS,
  MAX_HOME_CUSTOMERS,
} from './app-home-view.ts';
export { assistantFeedbackVote } from './assistant-feedback.ts';
export {
  ADMIN_REPORT_PROMPTS,
  adminReportRequested,
  type SuggestedPrompt,
  type ThreadWelcome,
  threadWelcome,
} from './assistant-prompts.ts';
export {
  ASSISTANT_FEEDBACK_ACTION,
  assistantReplyBlocks,
  feedbackButtonsBlock,
  replacedTextBlocks,
  streamedReplyFooter,
} from './assistant-reply-blocks.ts';
export {
  ASSISTANT_STATUS,
  AssistantReplyStream,
  type AssistantReplyTarget,
  escapeMarkdownText,
  MAX_STREAM_CHARACTERS,
} from './assistant-reply-stream.ts';
export {
  type AnswerInThread,
  ASSISTANT_THREAD_EVENTS,
  type AssistantSurface,
  type AssistantSurfaceDependencies,
  createAssistantSurface,
} from './assistant-surface.ts';
export {
  type AssistantThreadContext,
  type AssistantThreadState,
  AssistantThreadStore,
  MAX_REMEMBERED_THREADS,
} from './assistant-thread-store.ts';
export {
  type AssistantQuestion,
  type AssistantTurnDependencies,
  answerInAssistantThread,
} from './assistant-turn.ts';
