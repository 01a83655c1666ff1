import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SLACK_COMMANDS, SLACK_EVENTS_PATH } from '../../../bot/slack/index.ts';

const requestUrl = z.url({ protocol: /^https$/ });

// The fields of Slack's app manifest (https://docs.slack.dev/reference/app-manifest) that this app relies on.
const SlackManifest = z.object({
  _metadata: z.object({ major_version: z.literal(1), minor_version: z.number().int().optional() }),
  display_information: z.object({
    name: z.literal('Advisor Bot'),
    description: z.string().min(1).max(140),
    long_description: z.string().min(175).max(4000).optional(),
    background_color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .optional(),
  }),
  features: z.object({
    app_home: z.strictObject({
      home_tab_enabled: z.literal(true),
      messages_tab_enabled: z.literal(true),
      messages_tab_read_only_enabled: z.literal(false),
    }),
    assistant_view: z.strictObject({
      assistant_description: z.string().min(1).max(2000),
      suggested_prompts: z
        .array(z.strictObject({ title: z.string().min(1).max(75), message: z.string().min(1).max(2000) }))
        .min(1)
        .max(4),
    }),
    bot_user: z.object({ display_name: z.string().min(1).max(80), always_online: z.boolean() }),
    slash_commands: z.array(
      z.object({
        command: z.string().regex(/^\/[a-z0-9_-]+$/),
        url: requestUrl,
        description: z.string().min(1).max(2000),
        usage_hint: z.string().min(1).max(1000),
        should_escape: z.boolean().optional(),
      }),
    ),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }),
  settings: z.object({
    event_subscriptions: z.object({ request_url: requestUrl, bot_events: z.array(z.string()) }),
    interactivity: z.object({ is_enabled: z.literal(true), request_url: requestUrl }),
    org_deploy_enabled: z.literal(false),
    socket_mode_enabled: z.literal(false),
    token_rotation_enabled: z.literal(false),
  }),
});

async function loadManifest(): Promise<z.infer<typeof SlackManifest>> {
  const text = await readFile(new URL('../../../manifest.json', import.meta.url), 'utf8');
  return SlackManifest.parse(JSON.parse(text));
}

describe('manifest.json (Slack "Create app from manifest")', () => {
  it('parses as a manifest with the fields the app needs', async () => {
    const manifest = await loadManifest();
    expect(manifest.features.bot_user).toEqual({ display_name: 'Advisor Bot', always_online: true });
  });

  it('declares exactly the slash commands the app registers', async () => {
    const manifest = await loadManifest();
    expect(manifest.features.slash_commands.map((entry) => entry.command).toSorted()).toEqual(
      [...SLACK_COMMANDS].toSorted(),
    );
  });

  it('is an AI app: the assistant view and the Home tab are on, with the assistant scope and events', async () => {
    const manifest = await loadManifest();
    expect(manifest.features.assistant_view.suggested_prompts.length).toBeGreaterThan(0);
    expect(manifest.oauth_config.scopes.bot).toContain('assistant:write');
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining([
        'assistant_thread_started',
        'assistant_thread_context_changed',
        'app_home_opened',
      ]),
    );
  });

  it('sends events, commands and interactivity to the one endpoint Bolt listens on', async () => {
    const manifest = await loadManifest();
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((entry) => entry.url),
    ];
    expect(urls).toHaveLength(2 + SLACK_COMMANDS.length);
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(SLACK_EVENTS_PATH).toBe('/slack/events');
  });
});
