import type { SlashCommand } from '@slack/bolt';
import { z } from 'zod';
import {
  type Actor,
  type FeedbackVote,
  type InboundMessage,
  notRegisteredText,
  type RoleDirectory,
} from '../core/index.ts';
import { FEEDBACK_ACTIONS } from './slack-feedback-blocks.ts';
import { escapeMrkdwn } from './slack-mrkdwn.ts';

/** The fields of an `app_mention` or `message.im` event the adapter reads. */
export interface SlackMessageEvent {
  user?: string;
  text?: string;
  channel: string;
  ts: string;
  thread_ts?: string;
}

/** The fields of a slash command the adapter reads. */
export type SlackCommandFields = Pick<SlashCommand, 'command' | 'text' | 'user_id' | 'channel_id'>;

/** Why a Slack message was not turned into a core message; `ephemeral` is what the user is told. */
export type InboundRefusalReason = 'unknown_user' | 'usage' | 'unknown_action';

/** A translation either succeeds or says, for the user's eyes only, why not (expected failures are results). */
export type Translation<Value> =
  | { ok: true; value: Value }
  | { ok: false; reason: InboundRefusalReason; ephemeral: string };

/** A core message and where in Slack its reply belongs. */
export interface SlackTurn {
  message: InboundMessage;
  channel: string;
  /** The thread the reply is posted in: the conversation's root message. */
  threadTs: string;
}

/** A checked `/advise` command, waiting for the thread its answer will live in. */
export interface AdviseRequest {
  actor: Actor;
  channel: string;
  customerId: string;
  question: string;
}

/** Told to Slack users who are in no role; the core is not called for them. */
export const NOT_REGISTERED = escapeMrkdwn(notRegisteredText('Slack'));
/** Told when `/advise` lacks a usable customer id. */
export const ADVISE_USAGE =
  'Usage: `/advise C-000042 [question]` (a customer id, then optionally your question).';
const EMPTY_MENTION = 'Ask me about a customer, for example: "what would suit C-000042?"';
const CUSTOMER_ID = /^C-\d{4,}$/i;

/** Finds who a Slack user is to the bot, or the refusal for someone in no role. */
export function findSlackActor(
  roles: Pick<RoleDirectory, 'find'>,
  userId: string | undefined,
): Translation<Actor> {
  const actor = userId ? roles.find('slack', userId) : undefined;
  return actor
    ? { ok: true, value: actor }
    : { ok: false, reason: 'unknown_user', ephemeral: NOT_REGISTERED };
}

/**
 * Translates an `app_mention` or direct message into a core message: the bot's mention is stripped, Slack's
 * escaping undone, and the thread is the message's thread (or the message itself, which becomes its root).
 */
export function toInbound(
  event: SlackMessageEvent,
  roles: Pick<RoleDirectory, 'find'>,
  botUserId?: string,
): Translation<SlackTurn> {
  const actor = findSlackActor(roles, event.user);
  if (!actor.ok) return actor;
  const text = unescapeSlack(stripBotMention(event.text ?? '', botUserId)).trim();
  if (text.length === 0) return { ok: false, reason: 'usage', ephemeral: EMPTY_MENTION };
  const threadTs = event.thread_ts ?? event.ts;
  return {
    ok: true,
    value: {
      message: { actor: actor.value, threadId: slackThreadId(event.channel, threadTs), text },
      channel: event.channel,
      threadTs,
    },
  };
}

/** Checks `/advise C-000042 [question]`: a registered user and a customer id, else the usage message. */
export function parseAdviseCommand(
  command: SlackCommandFields,
  roles: Pick<RoleDirectory, 'find'>,
): Translation<AdviseRequest> {
  const actor = findSlackActor(roles, command.user_id);
  if (!actor.ok) return actor;
  const [first = '', ...rest] = unescapeSlack(command.text).trim().split(/\s+/);
  if (first === '') {
    return { ok: false, reason: 'usage', ephemeral: `Which customer? ${ADVISE_USAGE}` };
  }
  if (!CUSTOMER_ID.test(first)) {
    return {
      ok: false,
      reason: 'usage',
      ephemeral: `"${first}" is not a customer id (expected one like C-000042). ${ADVISE_USAGE}`,
    };
  }
  const customerId = first.toUpperCase();
  const question = rest.join(' ').trim() || `What would you recommend for ${customerId}?`;
  return { ok: true, value: { actor: actor.value, channel: command.channel_id, customerId, question } };
}

/** The core message for a checked `/advise`, once its thread exists. */
export function adviseToInbound(request: AdviseRequest, threadTs: string): SlackTurn {
  return {
    message: {
      actor: request.actor,
      threadId: slackThreadId(request.channel, threadTs),
      text: request.question,
      customerId: request.customerId,
      command: 'advise',
    },
    channel: request.channel,
    threadTs,
  };
}

/** The fields of a clicked button the adapter reads. */
export interface SlackButtonClick {
  action_id: string;
  value?: string;
}

const TurnId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a turn id');
const InterestedValue = z
  .string()
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'expected JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.strictObject({ turnId: TurnId, productId: z.string().min(1) }));
const UNREADABLE_FEEDBACK = "Sorry, I couldn't read that button; please use the buttons on my latest reply.";

/** Translates a 👍/👎, "Interested" or "Not for me" click into a vote for the core's feedback rule. */
export function feedbackToInput(click: SlackButtonClick): Translation<FeedbackVote> {
  const refusal = { ok: false, reason: 'unknown_action', ephemeral: UNREADABLE_FEEDBACK } as const;
  if (click.action_id === FEEDBACK_ACTIONS.up || click.action_id === FEEDBACK_ACTIONS.down) {
    const turnId = TurnId.safeParse(click.value);
    if (!turnId.success) return refusal;
    const rating = click.action_id === FEEDBACK_ACTIONS.up ? 'up' : 'down';
    return { ok: true, value: { turnId: turnId.data, rating, productId: null, accepted: null } };
  }
  if (click.action_id === FEEDBACK_ACTIONS.accept || click.action_id === FEEDBACK_ACTIONS.decline) {
    const interested = InterestedValue.safeParse(click.value);
    if (!interested.success) return refusal;
    const { turnId, productId } = interested.data;
    const accepted = click.action_id === FEEDBACK_ACTIONS.accept;
    return { ok: true, value: { turnId, rating: null, productId, accepted } };
  }
  return refusal;
}

/** The core's thread id for a Slack thread: channel and root message ts (a ts is unique only per channel). */
export function slackThreadId(channel: string, threadTs: string): string {
  return `${channel}:${threadTs}`;
}

function stripBotMention(text: string, botUserId: string | undefined): string {
  // Without the bot's id (auth.test not answered), only a leading mention can safely be taken to be the bot's.
  const mention = botUserId
    ? new RegExp(`<@${botUserId.replace(/[^A-Za-z0-9]/g, '')}(?:\\|[^>]*)?>[,:]?\\s*`, 'g')
    : /^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>[,:]?\s*/;
  return text.replace(mention, '');
}

function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
