/**
 * What every channel says when it turns someone away or acknowledges a button, as plain text. Channels render and
 * escape these (Slack mrkdwn, Teams Markdown); they never keep their own wording.
 */

/** Told to someone in no role on `channelLabel`; `identity` is how that channel names them, for the admin to copy. */
export function notRegisteredText(channelLabel: string, identity?: string): string {
  const named = identity ? ` (${identity})` : '';
  return `You're not registered to use the financial advisor in ${channelLabel}${named}. Ask an administrator to add you to the roles file.`;
}

/** Told to a non-admin who ran an admin command; `command` is the command as that channel's users type it. */
export function notAdminText(command: string): string {
  return `Only administrators can run ${command}.`;
}

/** Said once a feedback vote is on record. */
export const FEEDBACK_RECORDED_TEXT = 'Thanks, your feedback is recorded.';

/** Said when a feedback vote could not be recorded for an unexpected reason (an expected one says its own). */
export const FEEDBACK_FAILED_TEXT =
  "Sorry, I couldn't record that feedback; the reply may be too old. Please try again.";
