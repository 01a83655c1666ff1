import { RoleDirectory } from '../bot/core/index.ts';
import type { Advisor } from '../bot/index.ts';
import { slackChannel } from '../bot/slack/index.ts';
import {
  AdvisorTeamsBot,
  createEmulatorAdapter,
  createTeamsRoutes,
  teamsChannel,
} from '../bot/teams/index.ts';
import { threadMessage, threadStarted } from '../tests/bot/slack/assistant/assistant-payloads.ts';
import { startFakeSlackWebApi } from '../tests/bot/slack/fake-slack-web-api.ts';
import { postEvent } from '../tests/bot/slack/signed-slack-request.ts';
import { nextTs } from '../tests/bot/slack/slack-payloads.ts';
import { startBotConnectorStandIn } from '../tests/support/bot-connector.ts';
import { createWebChatApp, signCustomerToken, startWebServer } from '../web-chat/index.ts';

/** One timed turn on a channel: ms from the request to the first validated text the user sees, and to the end. */
export interface ChannelTiming {
  firstTextMs: number;
  wholeReplyMs: number;
}

/** Sends one question on a channel and times it; `askedAbout` is the customer (the asker, or the advisor's subject). */
export type ChannelTurn = (question: string, askedAbout: string) => Promise<ChannelTiming>;

/** The three channels served for real on one port, with the platforms' cloud sides replaced by local stand-ins. */
export interface BenchChannels {
  web: ChannelTurn;
  slack: ChannelTurn;
  teams: ChannelTurn;
  /** Teams with its updates unspaced (`minIntervalMs: 0`): what the pipeline costs without Teams' throttle. */
  teamsUnspaced: ChannelTurn;
  close(): Promise<void>;
}

const TOKEN_SECRET = 'bench-channels-token-secret-0123456789abcdef';
const SIGNING_SECRET = 'bench-channels-slack-signing-secret';
const SLACK_ADVISOR = 'U0BENCHADV';
const TEAMS_ADVISOR = 'aad-bench-advisor';

/**
 * Serves the advisor as `npm start` does — the web chat app with Slack (Bolt, signed events) and Teams (CloudAdapter
 * in the local emulator mode: authentication off) mounted through their ChannelAdapters — on 127.0.0.1 port 0.
 * Slack's Web API and the Bot Connector are local stand-ins: the clouds cannot be reached from here.
 */
export async function startBenchChannels(advisor: Advisor): Promise<BenchChannels> {
  const roles = new RoleDirectory({
    users: [
      { channel: 'slack', userId: SLACK_ADVISOR, role: 'advisor' },
      { channel: 'teams', userId: TEAMS_ADVISOR, role: 'advisor' },
    ],
  });
  const slackApi = await startFakeSlackWebApi();
  const connector = await startBotConnectorStandIn();
  const app = createWebChatApp({
    core: advisor.core,
    audit: advisor.audit,
    tokenSecret: TOKEN_SECRET,
    limits: {
      customerRequestsPerWindow: Number.POSITIVE_INFINITY,
      addressRequestsPerWindow: Number.POSITIVE_INFINITY,
    },
    reportError: (error) => console.error('web chat:', error),
  });
  const context = {
    core: advisor.core,
    roles,
    adminReports: advisor.adminReports,
    server: { host: '127.0.0.1', publicUrl: undefined, trustProxy: 0, demo: true },
  };
  slackChannel({ signingSecret: SIGNING_SECRET, botToken: 'xoxb-bench', apiUrl: slackApi.apiUrl }).mount(
    app,
    context,
  );
  teamsChannel(null).mount(app, context);
  const unspacedBot = new AdvisorTeamsBot({
    core: advisor.core,
    roles,
    adminReports: advisor.adminReports,
    emulator: true,
    streaming: { enabled: true, minIntervalMs: 0 },
  });
  app.route('/unspaced', createTeamsRoutes(createEmulatorAdapter(), unspacedBot));
  const server = await startWebServer(app, 0, '127.0.0.1');

  const web: ChannelTurn = async (question, customerId) => {
    const token = await signCustomerToken({
      customerId,
      secret: TOKEN_SECRET,
      nowMs: Date.now(),
      lifetimeSeconds: 600,
    });
    const started = performance.now();
    const response = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ message: question }),
    });
    if (!response.ok || !response.body) throw new Error(`POST /api/chat answered ${response.status}`);
    let firstTextMs: number | undefined;
    let buffered = '';
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      if (firstTextMs === undefined && buffered.includes('event: token\n')) {
        firstTextMs = performance.now() - started;
      }
      if (buffered.includes('event: error\n'))
        throw new Error(`web chat error event: ${buffered.slice(-300)}`);
      if (buffered.includes('event: done\n')) break;
    }
    await reader.cancel();
    const wholeReplyMs = performance.now() - started;
    return { firstTextMs: firstTextMs ?? wholeReplyMs, wholeReplyMs };
  };

  const slack: ChannelTurn = async (question) => {
    // The assistant thread is opened first (greeting and prompts), untimed, as a user opens the side panel.
    const threadTs = nextTs();
    const opened = slackApi.calls.length;
    await postEvent(`${server.url}/slack/events`, threadStarted(SLACK_ADVISOR, threadTs), {
      secret: SIGNING_SECRET,
    });
    await slackApi.waitFor(
      (call) => call.method === 'assistant.threads.setSuggestedPrompts' && call.body.thread_ts === threadTs,
      { after: opened },
    );
    const from = slackApi.calls.length;
    const inThread = (call: { body: Record<string, unknown> }) => call.body.thread_ts === threadTs;
    const started = performance.now();
    const firstText = slackApi
      .waitFor(
        (call) =>
          inThread(call) &&
          (call.method === 'chat.startStream' || call.method === 'chat.postMessage') &&
          String(call.body.markdown_text ?? call.body.text ?? '') !== '',
        { after: from },
      )
      .then(() => performance.now() - started);
    const ended = slackApi
      .waitFor(
        (call) => call.method === 'chat.stopStream' || (call.method === 'chat.postMessage' && inThread(call)),
        { after: from },
      )
      .then(() => performance.now() - started);
    const response = await postEvent(
      `${server.url}/slack/events`,
      threadMessage(SLACK_ADVISOR, threadTs, question),
      { secret: SIGNING_SECRET },
    );
    if (!response.ok) throw new Error(`POST /slack/events answered ${response.status}`);
    return { firstTextMs: await firstText, wholeReplyMs: await ended };
  };

  let teamsTurns = 0;
  const teamsAt =
    (endpoint: string): ChannelTurn =>
    async (question) => {
      teamsTurns += 1;
      const conversationId = `a:bench-conversation-${teamsTurns}`;
      const firstText = connector
        .waitFor((request) => request.conversationId === conversationId && isValidatedText(request.body))
        .then((request) => request.receivedAt);
      const started = performance.now();
      const response = await fetch(`${server.url}${endpoint}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `incoming-${teamsTurns}`,
          timestamp: new Date().toISOString(),
          channelId: 'msteams',
          serviceUrl: connector.serviceUrl,
          from: { id: '29:bench-advisor', name: 'Bench Advisor', aadObjectId: TEAMS_ADVISOR },
          recipient: { id: '28:bot', name: 'Financial Advisor' },
          conversation: { id: conversationId, conversationType: 'personal' },
          text: question,
        }),
      });
      // The adapter answers the activity POST once the turn (the whole streamed reply) is over.
      if (!response.ok) throw new Error(`POST ${endpoint} answered ${response.status}`);
      const wholeReplyMs = performance.now() - started;
      // The connector stand-in has answered every send before the turn ends, so a text sent is already recorded.
      const firstAt = await Promise.race([firstText, Promise.resolve(undefined)]);
      if (firstAt === undefined)
        throw new Error(`no reply text reached the Bot Connector stand-in via ${endpoint}`);
      return { firstTextMs: firstAt - started, wholeReplyMs };
    };

  return {
    web,
    slack,
    teams: teamsAt('/api/messages'),
    teamsUnspaced: teamsAt('/unspaced/messages'),
    close: async () => {
      await server.close();
      await connector.close();
      await slackApi.close();
    },
  };
}

/** A streaming update with validated text (`streaming`) or the final message — not typing or a progress line. */
function isValidatedText(body: Record<string, unknown>): boolean {
  const entities = Array.isArray(body.entities) ? (body.entities as { streamType?: unknown }[]) : [];
  const streamType = entities.find((entity) => entity.streamType)?.streamType;
  return streamType === 'streaming' || (body.type === 'message' && streamType !== 'informative');
}
