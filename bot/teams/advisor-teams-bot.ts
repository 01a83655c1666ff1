import {
  ActionTypes,
  type Activity,
  ActivityTypes,
  type Attachment,
  CardFactory,
  type InvokeResponse,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import {
  type Actor,
  type AdminReport,
  type AdminReports,
  adminReportText,
  type ConversationCore,
  type FeedbackOutcome,
  type InboundMessage,
  mayRunAdminCommands,
  notAdminText,
  notRegisteredText,
  type OutboundReply,
  presentRiskOnce,
  type RoleDirectory,
  userFacingError,
} from '../core/index.ts';
import {
  type AdaptiveCard,
  type CardChoices,
  CHOSEN_TEXT,
  FeedbackSubmit,
  type ReportCard,
  replyCard,
} from './adaptive-cards.ts';
import { adminReportCard } from './admin-report-card.ts';
import { aiMessageEntity, replyCitations, textWithCitationMarkers } from './ai-message-entity.ts';
import { AlreadyToldError, type TeamsLogger } from './create-teams-routes.ts';
import { FEEDBACK_LOOP_INVOKE, FeedbackLoopValue, ratingOf } from './feedback-loop.ts';
import type { TeamsHandoffBridge } from './handoff/index.ts';
import { progressText } from './progress-text.ts';
import { SentCards } from './sent-cards.ts';
import { markdownForTextBlock } from './teams-markdown.ts';
import { TeamsReplyStream } from './teams-reply-stream.ts';

/** The text commands the bot understands; the manifest's command list must match these. */
export const TEAMS_COMMANDS = [
  { title: 'advise', description: 'Recommend products for a customer, e.g. advise C-000042' },
  { title: 'bias', description: 'Admins: bias report from the audit log' },
  { title: 'bench', description: 'Admins: operations report from the audit log' },
] as const;

/** A Teams message after mentions are stripped: an admin report, an advice command or a free question. */
export type TeamsCommand =
  | { command: 'report'; report: 'bias' | 'bench' }
  | { command: 'advise'; customerId: string | null; question: string }
  | { command: 'ask'; question: string };

/** The bot's collaborators, as small interfaces so each can be the real one in tests. */
export interface AdvisorTeamsBotDependencies {
  core: Pick<ConversationCore, 'handle' | 'recordFeedback'>;
  roles: Pick<RoleDirectory, 'find'>;
  adminReports: AdminReports;
  /**
   * Local development with the Bot Framework Emulator (no MICROSOFT_APP_ID): the Emulator sends no Entra object
   * id, so its user id (settable in the Emulator) is looked up in the roles file instead. Never set in production.
   */
  emulator?: boolean;
  /** The admin dashboard's public URL, linked from `bias` and `bench`; unset = say where it is instead. */
  dashboardUrl?: string;
  /**
   * Streaming in 1:1 chats (progress lines, then the validated text as it grows, then the card); default on.
   * `minIntervalMs` spaces the updates (Teams throttles faster streams; default 1,000 ms).
   */
  streaming?: { enabled: boolean; minIntervalMs?: number };
  /**
   * An admin report that takes longer than this is acknowledged at once and posted proactively when it finishes
   * (default 2,000 ms). `botAppId` is the app id proactive messages are sent as ('' in the local emulator mode).
   */
  reports?: { acknowledgeAfterMs?: number; botAppId?: string };
  /** The advisor handoff's Teams side: proactive cards to advisors and their Approve / edit / own-answer clicks. */
  handoffs?: Pick<TeamsHandoffBridge, 'remember' | 'handleSubmit'>;
  logger?: TeamsLogger;
}

const MENTION = /<at>[\s\S]*?<\/at>/gi;
const ADMIN_COMMAND = /^\/?(bias|bench)$/i;
const ADVISE_COMMAND = /^\/?advise(?:\s+(C-\d{4,})\b)?(?:\s+([\s\S]*))?$/i;

/** Strips `<at>…</at>` mentions and recognises `bias`, `bench` and `advise C-000042 [question]`. */
export function parseTeamsText(text: string): TeamsCommand {
  const cleaned = text.replace(MENTION, ' ').replace(/\s+/g, ' ').trim();
  const admin = ADMIN_COMMAND.exec(cleaned);
  if (admin?.[1]) return { command: 'report', report: admin[1].toLowerCase() === 'bias' ? 'bias' : 'bench' };
  const advise = ADVISE_COMMAND.exec(cleaned);
  if (advise) {
    const customerId = advise[1]?.toUpperCase() ?? null;
    // The question is what the audit log records; a bare command is recorded as typed.
    return { command: 'advise', customerId, question: advise[2]?.trim() || cleaned };
  }
  return { command: 'ask', question: cleaned };
}

/** Teams channel threads share a conversation id unless it already names the thread's root message. */
export function teamsThreadId(activity: Pick<Activity, 'conversation' | 'replyToId'>): string {
  const { id, conversationType } = activity.conversation;
  const threaded = conversationType === 'channel' && activity.replyToId && !id.includes(';messageid=');
  return threaded ? `${id};messageid=${activity.replyToId}` : id;
}

const HELP_TEXT =
  'Ask me about a customer, e.g. "what should I offer C-000042?", or use `advise C-000042`. ' +
  'Admins can also run `bias` and `bench`.';

/**
 * The Teams adapter of the conversation core: translates Teams activities to `InboundMessage`s and
 * replies to Adaptive Cards; it decides nothing about advice or authorisation itself.
 */
export class AdvisorTeamsBot extends TeamsActivityHandler {
  private readonly sentCards = new SentCards();

  constructor(private readonly dependencies: AdvisorTeamsBotDependencies) {
    super();
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
  }

  private readonly backgroundReports = new Set<Promise<void>>();

  /** Resolves once every admin report still running in the background has been posted (for tests and shutdown). */
  async whenReportsPosted(): Promise<void> {
    while (this.backgroundReports.size > 0) await Promise.all([...this.backgroundReports]);
  }

  /** Teams' feedback-loop invoke (👍/👎 on a reply); every other invoke goes to the Teams handler. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== FEEDBACK_LOOP_INVOKE) return await super.onInvokeActivity(context);
    const actor = this.actorOf(context);
    const parsed = FeedbackLoopValue.safeParse(context.activity.value);
    const turnId = this.sentCards.turnOf(context.activity.replyToId);
    if (!actor || !parsed.success || !turnId) {
      // Teams shows the invoke's failure itself; nothing is recorded for a message we cannot tie to a turn.
      return { status: 400, body: { error: 'This feedback could not be matched to a reply.' } };
    }
    try {
      await this.dependencies.core.recordFeedback(actor, {
        turnId,
        rating: ratingOf(parsed.data),
        productId: null,
        accepted: null,
      });
    } catch (error) {
      const failure = userFacingError(error);
      if (failure.kind === 'INTERNAL') throw error;
      return { status: 403, body: { error: failure.text } };
    }
    return { status: 200, body: {} };
  }

  private actorOf(context: TurnContext): Actor | undefined {
    const aadObjectId = this.aadObjectIdOf(context);
    return aadObjectId ? this.dependencies.roles.find('teams', aadObjectId) : undefined;
  }

  private aadObjectIdOf(context: TurnContext): string | undefined {
    const { activity } = context;
    return (
      activity.from?.aadObjectId ??
      (this.dependencies.emulator && activity.channelId === 'emulator' ? activity.from?.id : undefined)
    );
  }

  private async answer(context: TurnContext): Promise<void> {
    await context.sendActivity({ type: ActivityTypes.Typing });
    const { activity } = context;
    const actor = this.actorOf(context);
    if (!actor) {
      await context.sendActivity(teamsNotRegisteredText(this.aadObjectIdOf(context)));
      return;
    }
    this.dependencies.handoffs?.remember(actor, context);
    if (await this.dependencies.handoffs?.handleSubmit(context, actor)) return;
    if (activity.value !== undefined && activity.value !== null) {
      await this.recordFeedback(context, actor, activity.value);
      return;
    }
    const parsed = parseTeamsText(activity.text ?? '');
    if (parsed.command === 'report') {
      await this.runAdminReport(context, actor, parsed.report);
      return;
    }
    if (parsed.question.length === 0) {
      await context.sendActivity(HELP_TEXT);
      return;
    }
    const inbound: InboundMessage = { actor, threadId: teamsThreadId(activity), text: parsed.question };
    if (parsed.command === 'advise') {
      inbound.command = 'advise';
      if (parsed.customerId) inbound.customerId = parsed.customerId;
    }
    const streaming = this.dependencies.streaming ?? { enabled: true };
    // Teams streams only in 1:1 chats; group chats and channels get the whole reply at once.
    if (streaming.enabled && activity.conversation?.conversationType === 'personal') {
      await this.answerStreamed(context, inbound, streaming.minIntervalMs);
      return;
    }
    try {
      const reply = await this.dependencies.core.handle(inbound);
      const sent = await context.sendActivity(
        withAiLabel(withQuickReplies(cardMessage(replyCard(reply), reply.text), reply.quickReplies)),
      );
      if (sent?.id) this.sentCards.remember(sent.id, reply);
    } catch (error) {
      const failure = userFacingError(error);
      // Outages and unexpected failures go to the adapter's onTurnError, which logs them and tells the user.
      if (failure.kind === 'INTERNAL' || failure.kind === 'UNAVAILABLE') throw error;
      await context.sendActivity(failure.text);
    }
  }

  /**
   * A 1:1 answer streamed: nothing before access is granted (a refusal is a plain message, no stream); then
   * progress lines, the validated sentences as they pass, and one final message with the text, its citations,
   * the "AI generated" label, the feedback loop and the card (products, sources, badge, buttons).
   */
  private async answerStreamed(
    context: TurnContext,
    inbound: InboundMessage,
    minIntervalMs: number | undefined,
  ): Promise<void> {
    const stream = new TeamsReplyStream(context, minIntervalMs === undefined ? {} : { minIntervalMs });
    try {
      const reply = await this.dependencies.core.handle(inbound, {
        onAuthorised: () => stream.informative(progressText('understanding')),
        onProgress: (step) => stream.informative(progressText(step)),
        onToken: (piece) => stream.append(piece),
        onReplace: (text) => stream.replace(text),
      });
      const final = withQuickReplies(streamedReplyMessage(reply, {}), reply.quickReplies);
      const ids = await stream.finish(final);
      // Teams' feedback invoke names the message by its stream id or its own id: remember both.
      for (const id of ids) {
        this.sentCards.remember(id, reply, 'streamed');
      }
    } catch (error) {
      const failure = userFacingError(error);
      if (!stream.started) {
        if (failure.kind === 'INTERNAL' || failure.kind === 'UNAVAILABLE') throw error;
        await context.sendActivity(failure.text);
        return;
      }
      // A stream that was opened must be closed, or Teams leaves the progress bar spinning.
      await stream.finish({ text: failure.text });
      // The adapter's turn-error handler logs it; the user has been told, so it sends no second apology.
      if (failure.kind === 'INTERNAL' || failure.kind === 'UNAVAILABLE') throw new AlreadyToldError(error);
    }
  }

  private async runAdminReport(context: TurnContext, actor: Actor, command: 'bias' | 'bench'): Promise<void> {
    if (!mayRunAdminCommands(actor)) {
      await context.sendActivity(notAdminText(`\`${command}\``));
      return;
    }
    const { dashboardUrl, reports = {} } = this.dependencies;
    const reportMessage = (report: AdminReport) =>
      cardMessage(adminReportCard(report, dashboardUrl), adminReportText(report, dashboardUrl));
    const running = this.dependencies.adminReports[command]();
    const early = await settledWithin(running, reports.acknowledgeAfterMs ?? 2_000);
    if (early !== undefined) {
      await context.sendActivity(reportMessage(early));
      return;
    }
    // A long run: say so now, and post the report into this conversation proactively when it is ready.
    await context.sendActivity(`Running the \`${command}\` report; I'll post it here when it's ready.`);
    // Without the admin's message id the report is a new message in the conversation, not a threaded reply.
    const { activityId: _replyTo, ...reference } = TurnContext.getConversationReference(context.activity);
    const { adapter } = context;
    const logger = this.dependencies.logger ?? console;
    const posting = running
      .then((report) =>
        adapter.continueConversationAsync(reports.botAppId ?? '', reference, async (proactive) => {
          await proactive.sendActivity(reportMessage(report));
        }),
      )
      .catch(async (error: unknown) => {
        logger.error(`The ${command} report failed or could not be posted`, error);
        await adapter
          .continueConversationAsync(reports.botAppId ?? '', reference, async (proactive) => {
            await proactive.sendActivity(
              `Sorry, the \`${command}\` report failed: ${userFacingError(error).text}`,
            );
          })
          .catch((postError: unknown) =>
            logger.error('Could not tell the admin the report failed', postError),
          );
      })
      .finally(() => this.backgroundReports.delete(posting));
    this.backgroundReports.add(posting);
  }

  private async recordFeedback(context: TurnContext, actor: Actor, value: unknown): Promise<void> {
    const parsed = FeedbackSubmit.safeParse(value);
    if (!parsed.success) {
      await context.sendActivity("Sorry, I didn't recognise that button. Please ask your question again.");
      return;
    }
    const submit = parsed.data;
    const productId = 'productId' in submit ? submit.productId : null;
    let outcome: FeedbackOutcome;
    try {
      outcome = await this.dependencies.core.recordFeedback(actor, {
        turnId: submit.turnId,
        rating: 'rating' in submit ? submit.rating : null,
        productId,
        accepted: 'accepted' in submit ? submit.accepted : null,
      });
    } catch (error) {
      const failure = userFacingError(error);
      if (failure.kind === 'INTERNAL') throw error;
      await context.sendActivity(`Sorry, I couldn't record that feedback: ${failure.text}`);
      return;
    }
    // The button acts once: the card it sits on (the activity the submit replies to) is redrawn with the choice.
    const cardId = context.activity.replyToId;
    const redraw = cardId ? this.sentCards.choose(cardId, productId, outcome.choice) : null;
    if (cardId && redraw) {
      const message =
        redraw.layout === 'streamed'
          ? streamedReplyMessage(redraw.reply, redraw.chosen)
          : withAiLabel(cardMessage(replyCard(redraw.reply, redraw.chosen), redraw.reply.text));
      await context.updateActivity({ ...message, id: cardId });
    }
    if (outcome.repeated) {
      await context.sendActivity(
        `You had already chosen “${CHOSEN_TEXT[outcome.choice].slice(2)}”; nothing changed.`,
      );
    } else if (!redraw) {
      await context.sendActivity('Thanks for the feedback!');
    }
  }
}

/** The promise's value if it settles within `ms`, else undefined (a rejection within `ms` is thrown). */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function teamsNotRegisteredText(aadObjectId: string | undefined): string {
  return notRegisteredText(
    'Teams',
    aadObjectId ? `your Microsoft Entra object id is ${aadObjectId}` : undefined,
  );
}

/**
 * A card message. The plain text goes in `summary` (shown where cards cannot render and in notifications)
 * rather than `text`, which Teams would print above the card, repeating the answer.
 */
/**
 * A clarifying question's topics as Teams suggested actions: imBack buttons send the topic back as the
 * person's next message, so a press is answered like a typed question.
 */
export function withQuickReplies(
  message: Partial<Activity>,
  quickReplies: readonly string[],
): Partial<Activity> {
  if (quickReplies.length === 0) return message;
  return {
    ...message,
    suggestedActions: {
      to: [],
      actions: quickReplies.map((label) => ({ type: ActionTypes.ImBack, title: label, value: label })),
    },
  };
}

/**
 * A streamed reply's final message: the answer as text with its citation markers, the AI label with the
 * citations, the feedback loop, and the card with the details (not the answer again); `chosen` marks votes made.
 */
function streamedReplyMessage(reply: OutboundReply, chosen: CardChoices): Partial<Activity> {
  const citations = replyCitations(reply);
  return {
    type: 'message',
    text: textWithCitationMarkers(markdownForMessage(reply), citations),
    textFormat: 'markdown',
    attachments: [CardFactory.adaptiveCard(replyCard(reply, chosen, { withAnswer: false }))],
    channelData: { feedbackLoopEnabled: true },
    entities: [aiMessageEntity(citations)],
  };
}

/** Marks a reply "AI generated" for Teams and turns on its 👍/👎 feedback loop. */
function withAiLabel(message: Partial<Activity>): Partial<Activity> {
  return {
    ...message,
    channelData: { ...(message.channelData as object | undefined), feedbackLoopEnabled: true },
    entities: [...(message.entities ?? []), aiMessageEntity([])],
  };
}

/** The answer as Teams message Markdown, the risk warning left to the card (once per message). */
function markdownForMessage(reply: OutboundReply): string {
  return markdownForTextBlock(presentRiskOnce(reply).text);
}

function cardMessage(card: AdaptiveCard | ReportCard, fallback: string): Partial<Activity> {
  const attachment: Attachment = CardFactory.adaptiveCard(card);
  return { ...MessageFactory.attachment(attachment), summary: fallback };
}
