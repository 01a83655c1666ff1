import { z } from 'zod';
import { CoreError } from '../core/index.ts';

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const SlackEnvironment = z.object({
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_API_URL: optionalText.pipe(
    z.url({ protocol: /^https?$/, error: 'expected an http(s) URL like https://slack.com/api/' }).optional(),
  ),
});

/** Slack credentials; `apiUrl` (SLACK_API_URL) points the Web API elsewhere, e.g. a stand-in. */
export interface SlackSettings {
  signingSecret: string;
  botToken: string;
  apiUrl: string | undefined;
}

/**
 * Reads the `SLACK_*` variables from the environment object it is given; null until both the signing secret and
 * the bot token are set (the Slack endpoint then answers 503). A bad value fails naming its variable.
 */
export function loadSlackSettings(environment: Record<string, string | undefined>): SlackSettings | null {
  const parsed = SlackEnvironment.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new CoreError('INVALID_INPUT', `Invalid configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  return values.SLACK_SIGNING_SECRET && values.SLACK_BOT_TOKEN
    ? {
        signingSecret: values.SLACK_SIGNING_SECRET,
        botToken: values.SLACK_BOT_TOKEN,
        apiUrl: values.SLACK_API_URL,
      }
    : null;
}
