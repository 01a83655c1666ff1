import { sign, verify } from 'hono/jwt';
import { z } from 'zod';
import { ADMIN_TOKEN_AUDIENCE, MAX_TOKEN_LIFETIME_SECONDS, TOKEN_ALGORITHM } from '../customer-token.ts';
import { WebChatError } from '../web-chat-error.ts';

export { ADMIN_TOKEN_AUDIENCE };

/** Tolerated clock difference between the signer's clock and ours when checking `iat`. */
const CLOCK_SKEW_SECONDS = 60;

/** The claims of an admin token: a web user id (looked up in the roles file), its audience and its times. */
export const AdminTokenClaims = z.looseObject({
  sub: z.string().min(1, 'expected a web user id'),
  aud: z.literal(ADMIN_TOKEN_AUDIENCE, `expected "${ADMIN_TOKEN_AUDIENCE}"`),
  exp: z.number().int(),
  iat: z.number().int(),
  nbf: z.number().int().optional(),
});
/** Verified admin claims. */
export type AdminTokenClaims = z.infer<typeof AdminTokenClaims>;

/**
 * Verifies an admin bearer token and returns the web user id it names; whether that user is an admin is the
 * caller's question (the roles file). Same rules as customer tokens: HS256 only, at most an hour of life.
 */
export async function verifyAdminToken(token: string, secret: string, nowMs: number): Promise<string> {
  let payload: unknown;
  try {
    payload = await verify(token, secret, { alg: TOKEN_ALGORITHM, exp: false, nbf: false, iat: false });
  } catch (error) {
    throw new WebChatError('UNAUTHENTICATED', 'The admin token is invalid.', { cause: error });
  }
  const parsed = AdminTokenClaims.safeParse(payload);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(claims)').join(', ');
    throw new WebChatError('UNAUTHENTICATED', `The admin token lacks valid claims: ${fields}.`);
  }
  const { sub, exp, iat, nbf } = parsed.data;
  const now = Math.floor(nowMs / 1000);
  if (exp <= now) throw new WebChatError('UNAUTHENTICATED', 'The admin token has expired.');
  if (Math.max(iat, nbf ?? iat) > now + CLOCK_SKEW_SECONDS) {
    throw new WebChatError('UNAUTHENTICATED', 'The admin token is not valid yet.');
  }
  if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) {
    throw new WebChatError(
      'UNAUTHENTICATED',
      `The admin token lives longer than ${MAX_TOKEN_LIFETIME_SECONDS / 60} minutes; use a short-lived token.`,
    );
  }
  return sub;
}

/**
 * Signs an admin token for a web user id. `npm start` uses it for the demo admin link; in production the
 * bank's own single sign-on signs the same claims with the shared secret.
 * @example await signAdminToken({ userId: 'ops-alice', secret, nowMs: Date.now(), lifetimeSeconds: 3600 })
 */
export async function signAdminToken(options: {
  userId: string;
  secret: string;
  nowMs: number;
  lifetimeSeconds: number;
}): Promise<string> {
  const iat = Math.floor(options.nowMs / 1000);
  return await sign(
    { sub: options.userId, aud: ADMIN_TOKEN_AUDIENCE, iat, exp: iat + options.lifetimeSeconds },
    options.secret,
    TOKEN_ALGORITHM,
  );
}
