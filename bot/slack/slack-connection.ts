import type { webApi } from '@slack/bolt';

/** What `auth.test` said about the bot token: who the bot is, or why Slack could not be reached. */
export type SlackConnection =
  | { ok: true; user: string; userId: string; teamId: string; team: string }
  | { ok: false; problem: string };

/**
 * Asks Slack (or the `SLACK_API_URL` stand-in) who the bot token belongs to, so start-up can say whether Slack
 * is really live instead of letting every signed request fail later.
 */
export async function checkSlackConnection(
  client: Pick<webApi.WebClient, 'auth'>,
  botToken: string,
  apiUrl: string,
): Promise<SlackConnection> {
  try {
    const identity = await client.auth.test({ token: botToken });
    return {
      ok: true,
      user: identity.user ?? 'unknown',
      userId: identity.user_id ?? 'unknown',
      teamId: identity.team_id ?? 'unknown',
      team: identity.team ?? 'unknown',
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `auth.test at ${apiUrl} failed: ${reason}` };
  }
}

/** The start banner's Slack line: "connected as @bot in team T…" only after auth.test succeeded. */
export function describeSlackConnection(connection: SlackConnection): string {
  if (connection.ok) {
    return `connected as @${connection.user} (${connection.userId}) in team ${connection.teamId} (${connection.team}); POST /slack/events`;
  }
  return `NOT connected — ${connection.problem}. Check SLACK_BOT_TOKEN and SLACK_API_URL; POST /slack/events is mounted but replies will fail.`;
}
