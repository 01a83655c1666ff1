import {
  type ActivityHandlerBase,
  type Request as BotRequest,
  type Response as BotResponse,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
} from 'botbuilder';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { CoreError, userFacingError } from '../core/index.ts';
import { sendEntitiesWhole } from './entity-serialization.ts';

const name = z.string().trim().min(1);

/** The Azure Bot registration the adapter authenticates as; single-tenant bots must name their tenant. */
export const TeamsAdapterSettings = z.discriminatedUnion('appType', [
  z.strictObject({ appType: z.literal('SingleTenant'), appId: name, appPassword: name, tenantId: name }),
  z.strictObject({
    appType: z.literal('MultiTenant'),
    appId: name,
    appPassword: name,
    tenantId: name.optional(),
  }),
]);
/** Adapter settings, as callers write them. */
export type TeamsAdapterSettings = z.input<typeof TeamsAdapterSettings>;

const TeamsEnvironment = z.object({
  MICROSOFT_APP_ID: name.optional(),
  MICROSOFT_APP_PASSWORD: name.optional(),
  MICROSOFT_APP_TYPE: z.enum(['SingleTenant', 'MultiTenant']).default('SingleTenant'),
  MICROSOFT_APP_TENANT_ID: name.optional(),
});

/** Where the adapter reports failed turns; `console` unless injected. */
export interface TeamsLogger {
  error(message: string, details?: unknown): void;
}

/**
 * Reads the `MICROSOFT_APP_*` variables from the environment object it is given (for `loadConfig`);
 * null when MICROSOFT_APP_ID is unset, meaning the Teams channel is off.
 */
export function loadTeamsSettings(
  environment: Record<string, string | undefined>,
): TeamsAdapterSettings | null {
  const variables = TeamsEnvironment.safeParse(environment);
  if (variables.success && variables.data.MICROSOFT_APP_ID === undefined) return null;
  const settings = variables.success
    ? TeamsAdapterSettings.safeParse({
        appId: variables.data.MICROSOFT_APP_ID,
        appPassword: variables.data.MICROSOFT_APP_PASSWORD,
        appType: variables.data.MICROSOFT_APP_TYPE,
        tenantId: variables.data.MICROSOFT_APP_TENANT_ID,
      })
    : variables;
  if (!settings.success) {
    const problems = settings.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new CoreError('INVALID_INPUT', `Invalid Teams settings (MICROSOFT_APP_*): ${problems.join('; ')}`);
  }
  return settings.data;
}

/** A CloudAdapter that authenticates as the bot's Azure registration and apologises when a turn fails. */
export function createTeamsAdapter(
  settings: TeamsAdapterSettings,
  options: { logger?: TeamsLogger } = {},
): CloudAdapter {
  const parsed = TeamsAdapterSettings.safeParse(settings);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new CoreError('INVALID_INPUT', `Invalid Teams adapter settings: ${problems.join('; ')}`);
  }
  const { appId, appPassword, appType, tenantId } = parsed.data;
  const authentication = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: appPassword,
    MicrosoftAppType: appType,
    ...(tenantId ? { MicrosoftAppTenantId: tenantId } : {}),
  });
  return withApology(new CloudAdapter(authentication), options.logger ?? console);
}

/**
 * A CloudAdapter with authentication off, as the Bot Framework Emulator expects when no app id is set: every
 * request is accepted unverified, so only ever serve it on a loopback address (see teamsEmulatorRefusal).
 */
export function createEmulatorAdapter(options: { logger?: TeamsLogger } = {}): CloudAdapter {
  return withApology(
    new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
    options.logger ?? console,
  );
}

/**
 * A failed turn whose user was already told (a streamed reply closed with the failure text): the turn-error
 * handler logs the cause and sends no second apology.
 */
export class AlreadyToldError extends Error {
  constructor(cause: unknown) {
    super('The turn failed after its stream was closed with the failure text.', { cause });
    this.name = 'AlreadyToldError';
  }
}

function withApology(adapter: CloudAdapter, logger: TeamsLogger): CloudAdapter {
  adapter.onTurnError = async (context, error) => {
    const told = error instanceof AlreadyToldError;
    logger.error(
      `Teams turn failed (conversation ${context.activity.conversation?.id ?? 'unknown'})`,
      told ? error.cause : error,
    );
    if (told) return;
    try {
      await context.sendActivity(userFacingError(error).text);
    } catch (replyError) {
      logger.error('Could not send the apology to Teams', replyError);
    }
  };
  return adapter;
}

/** Collects what botbuilder writes to its minimal Express-like response and turns it into a fetch Response. */
class CollectedResponse implements BotResponse {
  readonly socket = null;
  private statusCode = 200;
  private readonly headers = new Headers();
  private body: string | null = null;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  header(headerName: string, value: unknown): this {
    this.headers.set(headerName, String(value));
    return this;
  }

  send(body: unknown): this {
    if (body === undefined || body === null) return this;
    if (typeof body === 'string') {
      this.body = body;
      if (!this.headers.has('content-type')) this.headers.set('content-type', 'text/plain; charset=utf-8');
    } else {
      this.body = JSON.stringify(body);
      if (!this.headers.has('content-type')) this.headers.set('content-type', 'application/json');
    }
    return this;
  }

  end(): this {
    return this;
  }

  toResponse(): Response {
    const bodyless = this.statusCode === 204 || this.statusCode === 304;
    return new Response(bodyless ? null : this.body, { status: this.statusCode, headers: this.headers });
  }
}

const MAX_ACTIVITY_BYTES = 512 * 1024;

/**
 * The Bot Framework messaging endpoint as a Hono sub-app: `POST /messages`. The adapter checks the
 * Bot Connector's JWT before the bot sees anything; mount with `app.route('/api', routes)`.
 */
export function createTeamsRoutes(adapter: CloudAdapter, bot: Pick<ActivityHandlerBase, 'run'>): Hono {
  // Streaming and the AI label live in activity entities, which botbuilder 4.23 would otherwise strip.
  sendEntitiesWhole();
  const routes = new Hono();
  routes.post('/messages', bodyLimit({ maxSize: MAX_ACTIVITY_BYTES }), async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.text('The request body must be a JSON Bot Framework activity.', 400);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return c.text('The request body must be a JSON Bot Framework activity.', 400);
    }
    const request: BotRequest = {
      body: body as Record<string, unknown>,
      headers: c.req.header(),
      method: c.req.method,
    };
    const response = new CollectedResponse();
    try {
      await adapter.process(request, response, (context) => bot.run(context));
    } catch {
      // botbuilder validates the activity's shape outside its own error handling.
      return c.text('The request body is not a valid Bot Framework activity.', 400);
    }
    return response.toResponse();
  });
  return routes;
}
