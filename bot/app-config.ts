import path from 'node:path';
import { z } from 'zod';
import { type LlmConfig, loadLlmConfig } from '../chains/llm/index.ts';
import { type FairRerankingConfig, loadFairRerankingConfig } from '../chains/recommend/index.ts';
import { loadUnderstandingConfig, type UnderstandingConfig } from '../chains/understand/index.ts';
import { type KnowledgeConfig, loadConfig } from '../knowledge/index.ts';
import { CHANNEL_LOADERS } from './channel-list.ts';
import type { ChannelAdapter } from './core/channel-adapter.ts';
import { CoreError } from './core/core-error.ts';

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

/** A browser origin: scheme, host and optional port, nothing after (no path, no trailing slash). */
const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/;

const BotSchema = z.object({
  AUDIT_DB: optionalText,
  ROLES_FILE: optionalText,
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  WEB_TOKEN_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  DEMO: optionalText.pipe(z.enum(['true', 'false'], 'expected true or false').optional()),
  WEB_TOKEN_AUDIENCE: optionalText.pipe(z.string().default('finadvisor-chat')),
  WEB_TOKEN_ISSUER: optionalText,
  WEB_ALLOWED_ORIGINS: optionalText.pipe(
    z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(ORIGIN, 'expected origins like https://bank.example, comma-separated'))),
  ),
  TRUST_PROXY: optionalText.pipe(
    z
      .string()
      .regex(/^(true|false|\d{1,2})$/, 'expected true, false or a number of proxy hops')
      .optional()
      .transform((value) =>
        value === undefined || value === 'false' ? 0 : value === 'true' ? 1 : Number(value),
      ),
  ),
  HANDOFF_TIMEOUT_SECONDS: z.coerce
    .number()
    .int('must be a whole number of seconds')
    .min(10, 'must be at least 10 seconds')
    .max(86_400, 'must be at most 86400 seconds (a day)')
    .default(300),
  HANDOFF_DB: optionalText,
  PUBLIC_URL: optionalText.pipe(
    z
      .string()
      .regex(
        /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[^\s?#]*)?$/,
        'expected a URL like https://advisor.bank.example',
      )
      .optional()
      .transform((value) => value?.replace(/\/+$/, '')),
  ),
});

/** The whole application's configuration, parsed once from the environment at start-up. */
export interface AppConfig {
  knowledge: KnowledgeConfig;
  llm: LlmConfig;
  /** Training data of the intent model (trained into `<STORE_DIR>/understanding/`). */
  understanding: UnderstandingConfig;
  /** The fairness-constrained re-ranking for 18–24-year-olds (FAIR_RERANKING, FAIR_RERANKING_MIN_SHARE; off by default). */
  fairReranking: FairRerankingConfig;
  /** SQLite file of the audit log (default `<STORE_DIR>/audit.sqlite`). */
  auditDb: string;
  /** JSON roles file; unset = no Slack/Teams/CLI users are known (web customers use signed tokens). */
  rolesFile: string | undefined;
  /** `publicUrl` (PUBLIC_URL): where people reach this server, e.g. for the dashboard link in `/bias`. */
  server: { port: number; host: string; publicUrl: string | undefined };
  /** HS256 secret shared with the host bank for web-chat tokens; unset = a random one per start (demo only). */
  webTokenSecret: string | undefined;
  /** How the web chat meets the bank's pages and its network. */
  web: {
    /** Demo mode: token-minting demo page and printed demo-admin link. On when WEB_TOKEN_SECRET is unset or DEMO=true. */
    demo: boolean;
    /** The `aud` customer tokens must carry (WEB_TOKEN_AUDIENCE). */
    tokenAudience: string;
    /** The `iss` web tokens must carry, when set (WEB_TOKEN_ISSUER). */
    tokenIssuer: string | undefined;
    /** Bank pages on other origins that may embed the widget (WEB_ALLOWED_ORIGINS). */
    allowedOrigins: string[];
    /** Reverse proxies in front of the server whose X-Forwarded-For entries count (TRUST_PROXY; 0 = none). */
    trustProxy: number;
  };
  /** Every chat channel (Slack, Teams, …) with the settings it read itself; each mounts on the web chat's server. */
  channels: ChannelAdapter[];
  /**
   * The advisor handoff: how long a customer waits for their advisor before being told honestly and offered the
   * phone line (HANDOFF_TIMEOUT_SECONDS, default 300), and where handoffs are kept (HANDOFF_DB, default
   * `handoffs.sqlite` beside the audit log).
   */
  handoff: { timeoutSeconds: number; file: string };
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
  if (values.DEMO === 'false' && values.WEB_TOKEN_SECRET === undefined) {
    throw new CoreError(
      'INVALID_INPUT',
      'Invalid configuration: DEMO=false needs WEB_TOKEN_SECRET, the secret the bank signs customer tokens with.',
    );
  }
  const auditDb = path.resolve(values.AUDIT_DB ?? path.join(knowledge.storeDir, 'audit.sqlite'));
  return {
    knowledge,
    llm,
    understanding: loadUnderstandingConfig(environment),
    fairReranking: loadFairRerankingConfig(environment),
    auditDb,
    rolesFile: values.ROLES_FILE ? path.resolve(values.ROLES_FILE) : undefined,
    server: { port: values.PORT, host: values.HOST, publicUrl: values.PUBLIC_URL },
    webTokenSecret: values.WEB_TOKEN_SECRET,
    web: {
      demo: values.DEMO === 'true' || values.WEB_TOKEN_SECRET === undefined,
      tokenAudience: values.WEB_TOKEN_AUDIENCE,
      tokenIssuer: values.WEB_TOKEN_ISSUER,
      allowedOrigins: values.WEB_ALLOWED_ORIGINS,
      trustProxy: values.TRUST_PROXY,
    },
    channels: CHANNEL_LOADERS.map((loadChannel) => loadChannel(environment)),
    handoff: {
      timeoutSeconds: values.HANDOFF_TIMEOUT_SECONDS,
      file: path.resolve(values.HANDOFF_DB ?? path.join(path.dirname(auditDb), 'handoffs.sqlite')),
    },
  };
}
