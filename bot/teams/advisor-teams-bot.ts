import {
  ActionTypes,
  type Activity,
  ActivityTypes,
  type Attachment,
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import {
  type Actor,
  type AdminReports,
  type ConversationCore,
  type FeedbackOutcome,
  type InboundMessage,
  mayRunAdminCommands,
  type RoleDirectory,
  userFacingError,
} from '../core/index.ts';
import {
  type AdaptiveCard,
  CHOSEN_TEXT,
  FeedbackSubmit,
  type ReportCard,
  replyCard,
} from './adaptive-cards.ts';
import { adminReportCard, adminReportText } from './admin-report-card.ts';
import { SentCards } from './sent-cards.ts';

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

  private async answer(context: TurnContext): Promise<void> {
    await context.sendActivity({ type: ActivityTypes.Typing });
    const { activity } = context;
    const aadObjectId =
      activity.from?.aadObjectId ??
      (this.dependencies.emulator && activity.channelId === 'emulator' ? activity.from?.id : undefined);
    const actor = aadObjectId ? this.dependencies.roles.find('teams', aadObjectId) : undefined;
    if (!actor) {
      await context.sendActivity(notRegisteredText(aadObjectId));
      return;
    }
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
    try {
      const reply = await this.dependencies.core.handle(inbound);
      const sent = await context.sendActivity(
        withQuickReplies(cardMessage(replyCard(reply), reply.text), reply.quickReplies),
      );
      if (sent?.id) this.sentCards.remember(sent.id, reply);
    } catch (error) {
      const failure = userFacingError(error);
      // Outages and unexpected failures go to the adapter's onTurnError, which logs them and tells the user.
      if (failure.kind === 'INTERNAL' || failure.kind === 'UNAVAILABLE') throw error;
      await context.sendActivity(failure.text);
    }
  }

  private async runAdminReport(context: TurnContext, actor: Actor, command: 'bias' | 'bench'): Promise<void> {
    if (!mayRunAdminCommands(actor)) {
      await context.sendActivity(`Sorry, only administrators can run \`${command}\`.`);
      return;
    }
    const report = await this.dependencies.adminReports[command]();
    const { dashboardUrl } = this.dependencies;
    await context.sendActivity(
      cardMessage(adminReportCard(report, dashboardUrl), adminReportText(report, dashboardUrl)),
    );
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
      await context.updateActivity({
        ...cardMessage(replyCard(redraw.reply, redraw.chosen), redraw.reply.text),
        id: cardId,
      });
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

function notRegisteredText(aadObjectId: string | undefined): string {
  const identity = aadObjectId ? ` (your Microsoft Entra object id is ${aadObjectId})` : '';
  return `You're not registered to use the financial advisor in Teams${identity}. Ask an administrator to add you to the roles file.`;
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

function cardMessage(card: AdaptiveCard | ReportCard, fallback: string): Partial<Activity> {
  const attachment: Attachment = CardFactory.adaptiveCard(card);
  return { ...MessageFactory.attachment(attachment), summary: fallback };
}
