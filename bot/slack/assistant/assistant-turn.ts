import type { Logger, webApi } from '@slack/bolt';
import {
  type AdminReports,
  type ConversationCore,
  mayRunAdminCommands,
  type OutboundReply,
  userFacingError,
} from '../../core/index.ts';
import { adminReportBlocks, adminReportText } from '../slack-admin-report.ts';
import type { SlackTurn } from '../slack-inbound.ts';
import { adminReportRequested } from './assistant-prompts.ts';
import { AssistantReplyStream } from './assistant-reply-stream.ts';
import type { AssistantThreadStore } from './assistant-thread-store.ts';

type WebClient = webApi.WebClient;

/** What answering in an assistant thread needs. */
export interface AssistantTurnDependencies {
  core: Pick<ConversationCore, 'handle'>;
  adminReports: AdminReports;
  store: AssistantThreadStore;
  dashboardUrl?: string;
}

/** One question in an assistant thread and whom it comes from. */
export interface AssistantQuestion {
  turn: SlackTurn;
  userId: string;
  teamId?: string;
  client: WebClient;
  logger: Logger;
}

const CUSTOMER_MENTION = /\bC-\d{4,}\b/i;

/**
 * Answers one message in an assistant thread through the one ConversationCore: status once access is granted,
 * the validated sentences streamed natively, the footer with feedback buttons at the end. A thread opened about
 * a customer asks about that customer until a message names another. Admins' report prompts run the report.
 */
export async function answerInAssistantThread(
  dependencies: AssistantTurnDependencies,
  question: AssistantQuestion,
): Promise<OutboundReply | null> {
  const { turn, client, logger } = question;
  const { channel, threadTs } = turn;
  const report = adminReportRequested(turn.message.text);
  if (report && mayRunAdminCommands(turn.message.actor)) {
    const result = await dependencies.adminReports[report]();
    await client.chat.postMessage({
      channel,
      thread_ts: threadTs,
      blocks: adminReportBlocks(result, dependencies.dashboardUrl),
      text: adminReportText(result, dependencies.dashboardUrl),
    });
    return null;
  }
  const about = dependencies.store.find(channel, threadTs)?.customerId;
  const message =
    about && !CUSTOMER_MENTION.test(turn.message.text)
      ? { ...turn.message, customerId: about }
      : turn.message;
  const stream = new AssistantReplyStream(
    client,
    { channel, threadTs, userId: question.userId, ...(question.teamId ? { teamId: question.teamId } : {}) },
    logger,
  );
  let reply: OutboundReply;
  try {
    reply = await dependencies.core.handle(message, {
      onAuthorised: stream.authorised,
      onProgress: stream.progress,
      onToken: stream.token,
      onReplace: stream.replace,
    });
  } catch (error) {
    const failure = userFacingError(error);
    if (failure.kind === 'INTERNAL') logger.error('The conversation core failed', error);
    await stream.fail(failure.text);
    return null;
  }
  await stream.finish(reply);
  if (reply.customerId) dependencies.store.open(channel, threadTs, { customerId: reply.customerId });
  return reply;
}
