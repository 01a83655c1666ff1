import path from 'node:path';
import { z } from 'zod';
import { type LlmConfig, loadLlmConfig } from '../chains/llm/index.ts';
import { type KnowledgeConfig, loadConfig } from '../knowledge/index.ts';
import { CoreError } from './core/core-error.ts';

const BotSchema = z.object({
  AUDIT_DB: z.string().min(1).optional(),
  ROLES_FILE: z.string().min(1).optional(),
});

/** The whole application's configuration, parsed once from the environment at start-up. */
export interface AppConfig {
  knowledge: KnowledgeConfig;
  llm: LlmConfig;
  /** SQLite file of the audit log (default `<STORE_DIR>/audit.sqlite`). */
  auditDb: string;
  /** JSON roles file; unset = no Slack/Teams/CLI users are known (web customers use signed tokens). */
  rolesFile: string | undefined;
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
  return {
    knowledge,
    llm,
    auditDb: path.resolve(parsed.data.AUDIT_DB ?? path.join(knowledge.storeDir, 'audit.sqlite')),
    rolesFile: parsed.data.ROLES_FILE ? path.resolve(parsed.data.ROLES_FILE) : undefined,
  };
}
