import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  App,
  type BlockAction,
  type ButtonAction,
  HTTPReceiver,
  HTTPReceiverDeferredRequestError,
  type Logger,
  type LogLevel,
  type Middleware,
  type SlackCommandMiddlewareArgs,
  type types,
  type webApi,
} from '@slack/bolt';
import type { HandoffDesk } from '../core/handoff/index.ts';
import {
  type AdminReports,
  type ConversationCore,
  FEEDBACK_FAILED_TEXT,
  FEEDBACK_RECORDED_TEXT,
  type FeedbackOutcome,
  mayAccessCustomer,
  mayRunAdminCommands,
  notAdminText,
  type OutboundReply,
  type RoleDirectory,
  userFacingError,
} from '../core/index.ts';
import { createAssistantSurface } from './assistant/index.ts';
import { registerHandoffActions, slackHandoffNotifier } from './handoff/index.ts';
import { withQuickReplies } from './quick-reply-blocks.ts';
import { readSlackBody } from './read-slack-body.ts';
import { adminReportBlocks, adminReportText } from './slack-admin-report.ts';
import { fallbackText, toBlocks } from './slack-blocks.ts';
import { CHOSEN_LABELS, markChosen } from './slack-feedback-blocks.ts';
import {
  adviseToInbound,
  feedbackToInput,
  findSlackActor,
  parseAdviseCommand,
  type SlackTurn,
  toInbound,
} from './slack-inbound.ts';
import { escapeMrkdwn } from './slack-mrkdwn.ts';
import { SlackReplayGuard } from './slack-replay-guard.ts';

/** Where Slack sends events, slash commands and interactivity alike (the manifest uses the same URL for all). */
export const SLACK_EVENTS_PATH = '/slack/events';
/** Every slash command the app answers; the manifest declares exactly these. */
export const SLACK_COMMANDS = ['/advise', '/bias', '/bench'] as const;
/** One of SLACK_COMMANDS. */
export type SlackCommandName = (typeof SLACK_COMMANDS)[number];

/** What the Slack channel needs: the shared core and roles, the audit log for feedback, and Slack credentials. */
export interface SlackAppDependencies {
  core: Pick<ConversationCore, 'handle' | 'recordFeedback'>;
  roles: Pick<RoleDirectory, 'find'>;
  adminReports: AdminReports;
  signingSecret: string;
  botToken: string;
  /** Slack's Web API base URL (SLACK_API_URL); tests point it at a local stand-in. */
  slackApiUrl?: string;
  /** The admin dashboard's public URL, linked from `/bias` and `/bench`; unset = say where it is instead. */
  dashboardUrl?: string;
  logLevel?: LogLevel;
  /** Milliseconds since the epoch; drives the request timestamp window (tests inject it). */
  now?: () => number;
  /** The advisor handoff desk: advisors get handoffs as DMs and answer them here; unset = no handoffs in Slack. */
  handoffs?: Pick<HandoffDesk, 'answer' | 'find' | 'addNotifier'>;
}

/** The Bolt app, its receiver, and the Node request listener that serves `SLACK_EVENTS_PATH`. */
export interface SlackApp {
  app: App;
  receiver: HTTPReceiver;
  /** Verifies Slack's signature (Bolt's own check), then dispatches; other paths get 404. */
  requestListener: (request: IncomingMessage, response: ServerResponse) => void;
}

type WebClient = webApi.WebClient;

const CANNOT_POST =
  "I can't post in this conversation. Invite me to the channel (`/invite @Advisor Bot`) or send me a direct message.";
/** The reaction put on a question while its answer is prepared (needs the `reactions:write` scope). */
export const THINKING_REACTION = 'hourglass_flowing_sand';

/**
 * Builds the Slack channel on Bolt's own HTTPReceiver (signature checks included): translate the Slack
 * payload (`toInbound`), call the shared core, render the reply (`toBlocks`) in the conversation's thread.
 */
export function createSlackApp(dependencies: SlackAppDependencies): SlackApp {
  const { core, roles, adminReports, logLevel } = dependencies;
  const receiver = new HTTPReceiver({
    signingSecret: dependencies.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    signatureVerification: true,
    processBeforeResponse: false,
    ...(logLevel ? { logLevel } : {}),
  });
  // Bolt's own `token` option calls auth.test once at construction and caches a failure for good (every request
  // then fails until a restart); this asks lazily and asks again after a failure, so a fixed token recovers.
  let identity: Promise<{ botUserId?: string; botId?: string }> | undefined;
  const authorize = async () => {
    identity ??= app.client.auth.test({ token: dependencies.botToken }).then(
      (result) => ({
        ...(result.user_id ? { botUserId: result.user_id } : {}),
        ...(result.bot_id ? { botId: result.bot_id } : {}),
      }),
      (error: unknown) => {
        identity = undefined;
        throw error;
      },
    );
    return { botToken: dependencies.botToken, ...(await identity) };
  };
  const app: App = new App({
    authorize,
    receiver,
    ...(logLevel ? { logLevel } : {}),
    clientOptions: dependencies.slackApiUrl ? { slackApiUrl: dependencies.slackApiUrl } : {},
  });

  /**
   * Answers one turn in its thread. Once the core has granted access (never before: a refusal must stay private),
   * the question gets a THINKING_REACTION until the answer is posted, so a slow answer is not silence.
   */
  const answer = async (
    turn: SlackTurn,
    user: string,
    questionTs: string,
    client: WebClient,
    logger: Logger,
  ): Promise<void> => {
    const target = { channel: turn.channel, timestamp: questionTs, name: THINKING_REACTION };
    let thinking: Promise<boolean> | undefined;
    const showThinking = () => {
      thinking = client.reactions.add(target).then(
        () => true,
        (error: unknown) => {
          logger.warn(`Cannot add the thinking reaction (scope reactions:write?): ${String(error)}`);
          return false;
        },
      );
    };
    const stopThinking = async () => {
      if (!(await thinking)) return;
      await client.reactions.remove(target).catch((error: unknown) => {
        logger.warn(`Cannot remove the thinking reaction: ${String(error)}`);
      });
    };
    let reply: OutboundReply;
    try {
      reply = await core.handle(turn.message, { onAuthorised: showThinking });
    } catch (error) {
      const failure = userFacingError(error);
      if (failure.kind === 'INTERNAL') logger.error('The conversation core failed', error);
      const text = failure.text;
      await stopThinking();
      await client.chat.postEphemeral({ channel: turn.channel, user, thread_ts: turn.threadTs, text });
      return;
    }
    // Removed just before the answer lands, so whoever sees the answer never sees a stale hourglass.
    await stopThinking();
    await client.chat.postMessage({
      channel: turn.channel,
      thread_ts: turn.threadTs,
      blocks: withQuickReplies(toBlocks(reply), reply),
      text: fallbackText(reply),
    });
  };

  // Slack's AI-app surface (assistant threads, App Home, quick replies, native feedback) on the same core.
  const assistantSurface = createAssistantSurface({ ...dependencies, answerInThread: answer });
  app.use(assistantSurface.middleware);
  assistantSurface.register(app);

  app.event('app_mention', async ({ event, context, client, logger }) => {
    // Direct messages arrive as message.im too; answering only there keeps a DM from being answered twice.
    if (event.channel.startsWith('D') || event.bot_id || !event.user) return;
    const translation = toInbound(event, roles, context.botUserId);
    if (!translation.ok) {
      const thread_ts = event.thread_ts ?? event.ts;
      await client.chat.postEphemeral({
        channel: event.channel,
        user: event.user,
        thread_ts,
        text: translation.ephemeral,
      });
      return;
    }
    await answer(translation.value, event.user, event.ts, client, logger);
  });

  app.message(async ({ message, context, client, logger }) => {
    // Edits, joins, bot posts (ours included) and other subtypes are not questions.
    if (message.subtype !== undefined || message.bot_id || message.channel_type !== 'im') return;
    const translation = toInbound(message, roles, context.botUserId);
    if (!translation.ok) {
      const thread_ts = message.thread_ts ?? message.ts;
      await client.chat.postEphemeral({
        channel: message.channel,
        user: message.user,
        thread_ts,
        text: translation.ephemeral,
      });
      return;
    }
    await answer(translation.value, message.user, message.ts, client, logger);
  });

  const adminCommand =
    (report: keyof AdminReports): Middleware<SlackCommandMiddlewareArgs> =>
    async ({ command, ack, respond }) => {
      const actor = findSlackActor(roles, command.user_id);
      if (!actor.ok) return await ack({ response_type: 'ephemeral', text: actor.ephemeral });
      if (!mayRunAdminCommands(actor.value)) {
        return await ack({ response_type: 'ephemeral', text: escapeMrkdwn(notAdminText(command.command)) });
      }
      await ack();
      const result = await adminReports[report]();
      await respond({
        response_type: 'ephemeral',
        blocks: adminReportBlocks(result, dependencies.dashboardUrl),
        text: adminReportText(result, dependencies.dashboardUrl),
      });
    };

  const commands: Record<SlackCommandName, Middleware<SlackCommandMiddlewareArgs>> = {
    '/advise': async ({ command, ack, respond, client, logger }) => {
      const request = parseAdviseCommand(command, roles);
      if (!request.ok) return await ack({ response_type: 'ephemeral', text: request.ephemeral });
      // Authorise before anything is posted: the channel must never learn that someone asked about a customer
      // outside their book. The core still audits the attempt and words the (private) refusal.
      if (!mayAccessCustomer(request.value.actor, request.value.customerId)) {
        const unposted = adviseToInbound(request.value, `unposted-${command.trigger_id}`);
        const text = await core.handle(unposted.message).then(
          () => 'You are not allowed to ask about that customer.',
          (error: unknown) => userFacingError(error).text,
        );
        return await ack({ response_type: 'ephemeral', text });
      }
      await ack();
      // A slash command has no message to reply to, so the question is posted (as a mention would be) and the
      // answer goes in its thread: follow-ups there stay on the same customer.
      const { customerId, question } = request.value;
      let anchor: string | undefined;
      try {
        const posted = await client.chat.postMessage({
          channel: request.value.channel,
          text: `<@${command.user_id}> asked about ${customerId}: ${escapeMrkdwn(question)}`,
        });
        anchor = posted.ts;
      } catch (error) {
        logger.warn(`Cannot post the /advise question in ${request.value.channel}: ${String(error)}`);
      }
      if (!anchor) {
        await respond({ response_type: 'ephemeral', text: CANNOT_POST });
        return;
      }
      await answer(adviseToInbound(request.value, anchor), command.user_id, anchor, client, logger);
    },
    '/bias': adminCommand('bias'),
    '/bench': adminCommand('bench'),
  };
  for (const name of SLACK_COMMANDS) app.command(name, commands[name]);

  app.action<BlockAction<ButtonAction>>(/^feedback_/, async ({ action, body, ack, respond, logger }) => {
    await ack();
    // replace_original: false keeps the answer in place; a private note is for the clicker only.
    const tell = async (text: string) => {
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    };
    const actor = findSlackActor(roles, body.user.id);
    if (!actor.ok) return await tell(actor.ephemeral);
    const feedback = feedbackToInput(action);
    if (!feedback.ok) return await tell(feedback.ephemeral);
    let outcome: FeedbackOutcome;
    try {
      outcome = await core.recordFeedback(actor.value, feedback.value);
    } catch (error) {
      const failure = userFacingError(error);
      if (failure.kind === 'INTERNAL')
        logger.error(`Feedback on turn ${feedback.value.turnId} failed`, error);
      return await tell(failure.kind === 'INTERNAL' ? FEEDBACK_FAILED_TEXT : failure.text);
    }
    // The button acts once: the message is rewritten with the choice where the buttons were.
    // The clicked message's blocks as Slack sent them back (Block Kit, which this app rendered).
    const blocks: types.KnownBlock[] = Array.isArray(body.message?.blocks) ? body.message.blocks : [];
    const updated = markChosen(blocks, action.block_id, outcome, body.user.id);
    if (updated) {
      await respond({
        replace_original: true,
        text: typeof body.message?.text === 'string' ? body.message.text : '',
        blocks: updated,
      });
    }
    if (outcome.repeated) {
      await tell(`You had already chosen “${CHOSEN_LABELS[outcome.choice].slice(2)}”; nothing changed.`);
    } else if (!updated) {
      await tell(FEEDBACK_RECORDED_TEXT);
    }
  });

  if (dependencies.handoffs) {
    registerHandoffActions(app, roles, dependencies.handoffs);
    dependencies.handoffs.addNotifier(slackHandoffNotifier(app.client, dependencies.botToken));
  }

  app.error(async (error) => {
    app.logger.error(`Slack listener failed: ${error.message}`, error);
  });

  const dispatch = (request: IncomingMessage, response: ServerResponse): void => {
    try {
      receiver.requestListener(request, response);
    } catch (error) {
      // Bolt throws this for a path it does not serve, so a host can fall through to its own routing.
      const status = error instanceof HTTPReceiverDeferredRequestError ? 404 : 500;
      if (status === 500) app.logger.error('Slack request could not be dispatched', error);
      if (!response.headersSent) response.writeHead(status);
      response.end();
    }
  };
  const guard = new SlackReplayGuard({
    signingSecret: dependencies.signingSecret,
    ...(dependencies.now ? { now: dependencies.now } : {}),
  });
  // The body is read here, once, so the stricter checks (future timestamps, replays) run on the exact bytes;
  // Bolt reuses the buffer (`rawBody`) instead of reading the stream again.
  const screen = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readSlackBody(request);
    if (!body.ok) {
      response.writeHead(body.status, { Connection: 'close' }).end();
      return;
    }
    Object.assign(request, { rawBody: body.rawBody });
    if (!body.sslCheck) {
      const refusal = guard.check({
        timestamp: headerValue(request, 'x-slack-request-timestamp'),
        signature: headerValue(request, 'x-slack-signature'),
        rawBody: body.rawBody,
      });
      if (refusal) {
        app.logger.warn(`Slack request refused before dispatch: ${refusal}`);
        response.writeHead(401).end();
        return;
      }
    }
    dispatch(request, response);
  };
  const requestListener = (request: IncomingMessage, response: ServerResponse): void => {
    if (request.method !== 'POST' || request.url?.split('?')[0] !== SLACK_EVENTS_PATH) {
      dispatch(request, response);
      return;
    }
    screen(request, response).catch((error: unknown) => {
      app.logger.error('Slack request could not be screened', error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  };
  return { app, receiver, requestListener };
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}
