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
  options: { secret: string; nowMs: number; claims: z.ZodType<Claims>; name: string },
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

/** Verifies a customer bearer token and returns the customer id it names; admin tokens are refused. */
export async function verifyCustomerToken(token: string, secret: string, nowMs: number): Promise<string> {
  const claims = await verifyWebToken(token, {
    secret,
    nowMs,
    claims: CustomerTokenClaims,
    name: 'sign-in token',
  });
  if (claims.aud === ADMIN_TOKEN_AUDIENCE) {
    throw new WebChatError('UNAUTHENTICATED', 'This is an admin token; the chat needs a customer token.');
  }
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
}): Promise<string> {
  const { customerId, ...rest } = options;
  return await signWebToken({ subject: customerId, ...rest });
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
