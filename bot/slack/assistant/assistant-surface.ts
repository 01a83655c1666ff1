import {
  type AnyMiddlewareArgs,
  type App,
  Assistant,
  type BlockAction,
  type ButtonAction,
  type FeedbackButtonsAction,
  type Logger,
  type Middleware,
  type webApi,
} from '@slack/bolt';
import {
  type AdminReports,
  assertMayAccessCustomer,
  type ConversationCore,
  FEEDBACK_FAILED_TEXT,
  FEEDBACK_RECORDED_TEXT,
  mayRunAdminCommands,
  notAdminText,
  type RoleDirectory,
  userFacingError,
} from '../../core/index.ts';
import { QUICK_REPLY_ACTION, quickReplyBlock, quickReplyTopic } from '../quick-reply-blocks.ts';
import { adminReportBlocks, adminReportText } from '../slack-admin-report.ts';
import {
  findSlackActor,
  NOT_REGISTERED,
  type SlackTurn,
  slackThreadId,
  toInbound,
} from '../slack-inbound.ts';
import { escapeMrkdwn } from '../slack-mrkdwn.ts';
import { appHomeView, HOME_OPEN_CUSTOMER_ACTION, HOME_REPORT_ACTIONS } from './app-home-view.ts';
import { assistantFeedbackVote } from './assistant-feedback.ts';
import { threadWelcome } from './assistant-prompts.ts';
import { ASSISTANT_FEEDBACK_ACTION } from './assistant-reply-blocks.ts';
import { AssistantThreadStore } from './assistant-thread-store.ts';
import { answerInAssistantThread } from './assistant-turn.ts';

type WebClient = webApi.WebClient;

/** The plain mention/DM answer path of the Slack app (posts the reply in the thread). */
export type AnswerInThread = (
  turn: SlackTurn,
  user: string,
  questionTs: string,
  client: WebClient,
  logger: Logger,
) => Promise<void>;

/** What Slack's AI-app surface needs: the one core, roles, reports, and the app's plain answer path. */
export interface AssistantSurfaceDependencies {
  core: Pick<ConversationCore, 'handle' | 'recordFeedback'>;
  roles: Pick<RoleDirectory, 'find'>;
  adminReports: AdminReports;
  answerInThread: AnswerInThread;
  dashboardUrl?: string;
  store?: AssistantThreadStore;
}

/** The Bolt pieces of the AI-app surface: a global middleware (the Assistant) and the listeners to register. */
export interface AssistantSurface {
  store: AssistantThreadStore;
  /** Bolt's Assistant, limited to assistant threads: replies in ordinary DM threads keep the plain path. */
  middleware: Middleware<AnyMiddlewareArgs>;
  /** Registers App Home, feedback-button, quick-reply and home-button listeners. */
  register(app: App): void;
}

/** The events Bolt's Assistant answers (besides `message.im` in assistant threads). */
export const ASSISTANT_THREAD_EVENTS = [
  'assistant_thread_started',
  'assistant_thread_context_changed',
] as const;

const UNREADABLE_BUTTON = "Sorry, I couldn't read that button; please use the buttons on my latest reply.";
const CUSTOMER_ID = /^C-\d{4,}$/;

/**
 * Slack's AI-app surface on Bolt's `Assistant`: assistant threads with a greeting and role-specific suggested
 * prompts, streamed validated replies with native feedback buttons, clarifying questions' topics as buttons,
 * and an App Home listing the advisor's book with a button that opens a thread about each customer.
 */
export function createAssistantSurface(dependencies: AssistantSurfaceDependencies): AssistantSurface {
  const { core, roles, adminReports } = dependencies;
  const store = dependencies.store ?? new AssistantThreadStore();
  const turnDependencies = {
    core,
    adminReports,
    store,
    ...(dependencies.dashboardUrl ? { dashboardUrl: dependencies.dashboardUrl } : {}),
  };

  const assistant = new Assistant({
    threadContextStore: store,
    threadStarted: async ({ event, say, setSuggestedPrompts }) => {
      const { channel_id, thread_ts, context, user_id } = event.assistant_thread;
      store.open(channel_id, thread_ts, { context });
      const welcome = threadWelcome(roles.find('slack', user_id), NOT_REGISTERED);
      await say(welcome.greeting);
      if (welcome.prompts.length > 0) {
        await setSuggestedPrompts({ title: welcome.title, prompts: welcome.prompts });
      }
    },
    threadContextChanged: async (args) => {
      await store.save(args);
    },
    userMessage: async ({ message, context, client, logger }) => {
      // Only people's own questions: bot posts (other bots; ours are ignored by Bolt) and edits are not.
      if (message.subtype !== undefined || message.bot_id || !message.user || !message.thread_ts) return;
      const translation = toInbound(message, roles, context.botUserId);
      if (!translation.ok) {
        await client.chat.postEphemeral({
          channel: message.channel,
          user: message.user,
          thread_ts: message.thread_ts,
          text: translation.ephemeral,
        });
        return;
      }
      await answerInAssistantThread(turnDependencies, {
        turn: translation.value,
        userId: message.user,
        ...(context.teamId ? { teamId: context.teamId } : {}),
        client,
        logger,
      });
    },
  });
  const assistantMiddleware = assistant.getMiddleware();
  const middleware: Middleware<AnyMiddlewareArgs> = async (args) => {
    const { payload } = args;
    const plainThread =
      'type' in payload &&
      payload.type === 'message' &&
      'thread_ts' in payload &&
      typeof payload.thread_ts === 'string' &&
      'channel' in payload &&
      !store.isAssistantThread(payload.channel, payload.thread_ts);
    if (plainThread) return await args.next();
    return await assistantMiddleware(args);
  };

  const register = (app: App): void => {
    app.event('app_home_opened', async ({ event, client }) => {
      if (event.tab !== undefined && event.tab !== 'home') return;
      await client.views.publish({
        user_id: event.user,
        view: appHomeView(roles.find('slack', event.user), NOT_REGISTERED),
      });
    });

    app.action<BlockAction<FeedbackButtonsAction>>(
      { type: 'block_actions', action_id: ASSISTANT_FEEDBACK_ACTION },
      async ({ action, body, ack, respond, logger }) => {
        await ack();
        const tell = async (text: string) => {
          await respond({ response_type: 'ephemeral', replace_original: false, text });
        };
        const actor = findSlackActor(roles, body.user.id);
        if (!actor.ok) return await tell(actor.ephemeral);
        const vote = assistantFeedbackVote(action.value);
        if (!vote) return await tell(UNREADABLE_BUTTON);
        try {
          await core.recordFeedback(actor.value, vote);
        } catch (error) {
          const failure = userFacingError(error);
          if (failure.kind === 'INTERNAL') logger.error(`Feedback on turn ${vote.turnId} failed`, error);
          return await tell(failure.kind === 'INTERNAL' ? FEEDBACK_FAILED_TEXT : failure.text);
        }
        await tell(FEEDBACK_RECORDED_TEXT);
      },
    );

    app.action<BlockAction<ButtonAction>>(
      { type: 'block_actions', action_id: QUICK_REPLY_ACTION },
      async ({ action, body, ack, respond, client, logger }) => {
        await ack();
        const actor = findSlackActor(roles, body.user.id);
        const topic = quickReplyTopic(action);
        const channel = body.channel?.id ?? body.container.channel_id;
        const clicked = body.message?.ts;
        if (!actor.ok || !topic || typeof channel !== 'string' || !clicked) {
          const text = actor.ok ? UNREADABLE_BUTTON : actor.ephemeral;
          await respond({ response_type: 'ephemeral', replace_original: false, text });
          return;
        }
        const threadTs = body.message?.thread_ts ?? clicked;
        const turn: SlackTurn = {
          message: { actor: actor.value, threadId: slackThreadId(channel, threadTs), text: topic },
          channel,
          threadTs,
        };
        if (!store.isAssistantThread(channel, threadTs)) {
          return await dependencies.answerInThread(turn, body.user.id, clicked, client, logger);
        }
        const teamId = body.team?.id ?? body.user.team_id;
        await answerInAssistantThread(turnDependencies, {
          turn,
          userId: body.user.id,
          ...(teamId ? { teamId } : {}),
          client,
          logger,
        });
      },
    );

    app.action<BlockAction<ButtonAction>>(
      { type: 'block_actions', action_id: HOME_OPEN_CUSTOMER_ACTION },
      async ({ action, body, ack, client }) => {
        await ack();
        const actor = findSlackActor(roles, body.user.id);
        const customerId = action.value ?? '';
        const opened = await client.conversations.open({ users: body.user.id });
        const channel = opened.channel?.id;
        if (!channel) throw new Error(`conversations.open gave no channel for ${body.user.id}`);
        const refusal = !actor.ok
          ? actor.ephemeral
          : !CUSTOMER_ID.test(customerId)
            ? UNREADABLE_BUTTON
            : accessRefusal(actor.value, customerId);
        if (refusal !== null || !actor.ok) {
          await client.chat.postEphemeral({ channel, user: body.user.id, text: refusal ?? NOT_REGISTERED });
          return;
        }
        const questions = [`What would suit ${customerId}?`, `How much did ${customerId} spend last month?`];
        const text = `Ask me about ${customerId} in this thread; I'll keep to this customer until you name another.`;
        const buttons = quickReplyBlock(questions);
        const posted = await client.chat.postMessage({
          channel,
          text,
          blocks: [
            { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text) } },
            ...(buttons ? [buttons] : []),
          ],
        });
        if (!posted.ts) throw new Error(`chat.postMessage gave no ts for the thread about ${customerId}`);
        store.open(channel, posted.ts, { customerId });
      },
    );

    for (const report of ['bias', 'bench'] as const) {
      app.action<BlockAction<ButtonAction>>(
        { type: 'block_actions', action_id: HOME_REPORT_ACTIONS[report] },
        async ({ body, ack, client }) => {
          await ack();
          const actor = findSlackActor(roles, body.user.id);
          const opened = await client.conversations.open({ users: body.user.id });
          const channel = opened.channel?.id;
          if (!channel) throw new Error(`conversations.open gave no channel for ${body.user.id}`);
          if (!actor.ok || !mayRunAdminCommands(actor.value)) {
            const text = actor.ok ? escapeMrkdwn(notAdminText(`/${report}`)) : actor.ephemeral;
            await client.chat.postEphemeral({ channel, user: body.user.id, text });
            return;
          }
          const result = await adminReports[report]();
          await client.chat.postMessage({
            channel,
            blocks: adminReportBlocks(result, dependencies.dashboardUrl),
            text: adminReportText(result, dependencies.dashboardUrl),
          });
        },
      );
    }
  };

  return { store, middleware, register };
}

function accessRefusal(
  actor: Parameters<typeof assertMayAccessCustomer>[0],
  customerId: string,
): string | null {
  try {
    assertMayAccessCustomer(actor, customerId);
    return null;
  } catch (error) {
    return userFacingError(error).text;
  }
}
