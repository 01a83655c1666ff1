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

/** The claims a host bank puts in a customer token. */
export const CustomerTokenClaims = z.looseObject({
  sub: z.string().regex(CUSTOMER_ID, 'expected a customer id like C-000123'),
  exp: z.number().int(),
  iat: z.number().int(),
  nbf: z.number().int().optional(),
});
/** Verified claims. */
export type CustomerTokenClaims = z.infer<typeof CustomerTokenClaims>;

/**
 * Verifies a bearer token and returns the customer id it names. Signature and algorithm are checked by hono/jwt;
 * times are checked here against the injected clock so tests (and the limits) share one notion of "now".
 */
export async function verifyCustomerToken(token: string, secret: string, nowMs: number): Promise<string> {
  let payload: unknown;
  try {
    payload = await verify(token, secret, { alg: TOKEN_ALGORITHM, exp: false, nbf: false, iat: false });
  } catch (error) {
    throw new WebChatError('UNAUTHENTICATED', 'The sign-in token is invalid.', { cause: error });
  }
  const parsed = CustomerTokenClaims.safeParse(payload);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(claims)').join(', ');
    throw new WebChatError('UNAUTHENTICATED', `The sign-in token lacks valid claims: ${fields}.`);
  }
  if (parsed.data.aud === ADMIN_TOKEN_AUDIENCE) {
    throw new WebChatError('UNAUTHENTICATED', 'This is an admin token; the chat needs a customer token.');
  }
  const { sub, exp, iat, nbf } = parsed.data;
  const now = Math.floor(nowMs / 1000);
  if (exp <= now) throw new WebChatError('UNAUTHENTICATED', 'The sign-in token has expired.');
  if (Math.max(iat, nbf ?? iat) > now + CLOCK_SKEW_SECONDS) {
    throw new WebChatError('UNAUTHENTICATED', 'The sign-in token is not valid yet.');
  }
  if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) {
    throw new WebChatError(
      'UNAUTHENTICATED',
      `The sign-in token lives longer than ${MAX_TOKEN_LIFETIME_SECONDS / 60} minutes; use a short-lived token.`,
    );
  }
  return sub;
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
  const iat = Math.floor(options.nowMs / 1000);
  return await sign(
    { sub: options.customerId, iat, exp: iat + options.lifetimeSeconds },
    options.secret,
    TOKEN_ALGORITHM,
  );
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
