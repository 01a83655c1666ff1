import path from 'node:path';
import { z } from 'zod';
import { type LlmConfig, loadLlmConfig } from '../chains/llm/index.ts';
import { loadUnderstandingConfig, type UnderstandingConfig } from '../chains/understand/index.ts';
import { type KnowledgeConfig, loadConfig } from '../knowledge/index.ts';
import { CoreError } from './core/core-error.ts';
import { loadTeamsSettings, type TeamsAdapterSettings } from './teams/index.ts';

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const BotSchema = z.object({
  AUDIT_DB: optionalText,
  ROLES_FILE: optionalText,
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  WEB_TOKEN_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText,
});

/** The whole application's configuration, parsed once from the environment at start-up. */
export interface AppConfig {
  knowledge: KnowledgeConfig;
  llm: LlmConfig;
  /** Training data of the intent model (trained into `<STORE_DIR>/understanding/`). */
  understanding: UnderstandingConfig;
  /** SQLite file of the audit log (default `<STORE_DIR>/audit.sqlite`). */
  auditDb: string;
  /** JSON roles file; unset = no Slack/Teams/CLI users are known (web customers use signed tokens). */
  rolesFile: string | undefined;
  server: { port: number; host: string };
  /** HS256 secret shared with the host bank for web-chat tokens; unset = a random one per start (demo only). */
  webTokenSecret: string | undefined;
  /** Slack credentials; the Slack endpoint answers 503 until both are set. */
  slack: { signingSecret: string; botToken: string } | undefined;
  /** Azure bot registration (MICROSOFT_APP_*); the Teams endpoint answers 503 until it is set. */
  teams: TeamsAdapterSettings | undefined;
}

/** Parses every layer's settings; a bad value fails fast naming its variable. */
export function loadAppConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const knowledge = loadConfig(environment);
  const llm = loadLlmConfig(environment);
  const parsed = BotSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new CoreError('INVALID_INPUT', `Invalid configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  return {
    knowledge,
    llm,
    understanding: loadUnderstandingConfig(environment),
    auditDb: path.resolve(values.AUDIT_DB ?? path.join(knowledge.storeDir, 'audit.sqlite')),
    rolesFile: values.ROLES_FILE ? path.resolve(values.ROLES_FILE) : undefined,
    server: { port: values.PORT, host: values.HOST },
    webTokenSecret: values.WEB_TOKEN_SECRET,
    slack:
      values.SLACK_SIGNING_SECRET && values.SLACK_BOT_TOKEN
        ? { signingSecret: values.SLACK_SIGNING_SECRET, botToken: values.SLACK_BOT_TOKEN }
        : undefined,
    teams: loadTeamsSettings(environment) ?? undefined,
  };
}
