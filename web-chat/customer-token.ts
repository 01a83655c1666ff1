import { sign, verify } from 'hono/jwt';
import { z } from 'zod';
import { CUSTOMER_ID } from '../knowledge/schemas.ts';
import { WebChatError } from './web-chat-error.ts';

/** The only algorithm accepted; pinning it rules out `alg: none` and algorithm-confusion tokens. */
export const TOKEN_ALGORITHM = 'HS256';
/** Tokens may live at most an hour (exp − iat); the host bank should mint them per page view. */
export const MAX_TOKEN_LIFETIME_SECONDS = 60 * 60;
/** Tolerated clock difference between the bank's server and ours when checking `iat`. */
const CLOCK_SKEW_SECONDS = 60;
/** The shortest shared secret accepted (256 bits of HS256 key, as RFC 7518 asks). */
export const MIN_TOKEN_SECRET_LENGTH = 32;

/**
 * The `aud` every admin token carries (web-chat/admin). Admin and customer tokens share the web token secret:
 * the admin side requires this audience, and the customer side refuses it, so neither token opens the other door.
 */
export const ADMIN_TOKEN_AUDIENCE = 'finadvisor-admin';
/** The default `aud` of customer tokens (`WEB_TOKEN_AUDIENCE`); a token for any other audience is refused. */
export const CUSTOMER_TOKEN_AUDIENCE = 'finadvisor-chat';

/** Who a web token must be for (`aud`) and, when the bank names one, who issued it (`iss`). */
export interface TokenAudience {
  audience: string;
  issuer?: string | undefined;
}

/** The time claims every web token carries (customer and admin alike). */
export const WebTokenClaims = z.looseObject({
  exp: z.number().int(),
  iat: z.number().int(),
  nbf: z.number().int().optional(),
});

/** The claims a host bank puts in a customer token. */
export const CustomerTokenClaims = WebTokenClaims.extend({
  sub: z.string().regex(CUSTOMER_ID, 'expected a customer id like C-000123'),
});
/** Verified claims. */
export type CustomerTokenClaims = z.infer<typeof CustomerTokenClaims>;

/**
 * Verifies a web token against a claims schema: signature and algorithm by hono/jwt (HS256 only), then the
 * claims, then the times against the injected clock so tests (and the limits) share one notion of "now".
 * `name` says which token it is in every error ("sign-in token", "admin token").
 */
export async function verifyWebToken<Claims extends z.infer<typeof WebTokenClaims>>(
  token: string,
  options: { secret: string; nowMs: number; claims: z.ZodType<Claims>; name: string } & TokenAudience,
): Promise<Claims> {
  const { name } = options;
  let payload: unknown;
  try {
    payload = await verify(token, options.secret, {
      alg: TOKEN_ALGORITHM,
      exp: false,
      nbf: false,
      iat: false,
    });
  } catch (error) {
    throw new WebChatError('UNAUTHENTICATED', `The ${name} is invalid.`, { cause: error });
  }
  const parsed = options.claims.safeParse(payload);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(claims)').join(', ');
    throw new WebChatError('UNAUTHENTICATED', `The ${name} lacks valid claims: ${fields}.`);
  }
  checkAudience(parsed.data, options);
  const { exp, iat, nbf } = parsed.data;
  const now = Math.floor(options.nowMs / 1000);
  if (exp <= now) throw new WebChatError('UNAUTHENTICATED', `The ${name} has expired.`);
  if (Math.max(iat, nbf ?? iat) > now + CLOCK_SKEW_SECONDS) {
    throw new WebChatError('UNAUTHENTICATED', `The ${name} is not valid yet.`);
  }
  if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) {
    throw new WebChatError(
      'UNAUTHENTICATED',
      `The ${name} lives longer than ${MAX_TOKEN_LIFETIME_SECONDS / 60} minutes; use a short-lived token.`,
    );
  }
  return parsed.data;
}

/**
 * `aud` must be exactly the expected audience — the string, or an array holding it and nothing else — so a
 * token minted for several services (or for the admin side) never opens the chat; `iss` must match when set.
 */
function checkAudience(claims: Record<string, unknown>, options: TokenAudience & { name: string }): void {
  const { aud, iss } = claims;
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (audiences.length === 0 || audiences.some((entry) => entry !== options.audience)) {
    throw new WebChatError(
      'UNAUTHENTICATED',
      `The ${options.name}'s "aud" claim must be exactly "${options.audience}".`,
    );
  }
  if (options.issuer !== undefined && iss !== options.issuer) {
    throw new WebChatError(
      'UNAUTHENTICATED',
      `The ${options.name}'s "iss" claim must be "${options.issuer}".`,
    );
  }
}

/** Verifies a customer bearer token and returns the customer id it names; tokens for other audiences are refused. */
export async function verifyCustomerToken(
  token: string,
  secret: string,
  nowMs: number,
  audience: TokenAudience = { audience: CUSTOMER_TOKEN_AUDIENCE },
): Promise<string> {
  const claims = await verifyWebToken(token, {
    secret,
    nowMs,
    claims: CustomerTokenClaims,
    name: 'sign-in token',
    ...audience,
  });
  return claims.sub;
}

/** Signs a web token with a subject, optional extra claims, and `iat`/`exp` from the given clock and lifetime. */
export async function signWebToken(options: {
  subject: string;
  claims?: Record<string, string>;
  secret: string;
  nowMs: number;
  lifetimeSeconds: number;
}): Promise<string> {
  const iat = Math.floor(options.nowMs / 1000);
  return await sign(
    { sub: options.subject, ...options.claims, iat, exp: iat + options.lifetimeSeconds },
    options.secret,
    TOKEN_ALGORITHM,
  );
}

/**
 * Signs a customer token the way a host bank's server does. Used by the demo page and tests; a real bank signs
 * on its own server after its own login, and this server never mints tokens outside demo mode.
 */
export async function signCustomerToken(options: {
  customerId: string;
  secret: string;
  nowMs: number;
  lifetimeSeconds: number;
  audience?: string;
  issuer?: string | undefined;
}): Promise<string> {
  const { customerId, audience, issuer, ...rest } = options;
  const claims = {
    aud: audience ?? CUSTOMER_TOKEN_AUDIENCE,
    ...(issuer === undefined ? {} : { iss: issuer }),
  };
  return await signWebToken({ subject: customerId, claims, ...rest });
}

/** The token of an `Authorization: Bearer …` header, or a 401 naming what is wrong. */
export function bearerToken(header: string | undefined): string {
  if (!header)
    throw new WebChatError('UNAUTHENTICATED', 'Sign-in required: send Authorization: Bearer <token>.');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1])
    throw new WebChatError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>".');
  return match[1];
}
