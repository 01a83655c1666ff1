import { z } from 'zod';
import { ADMIN_TOKEN_AUDIENCE, signWebToken, verifyWebToken, WebTokenClaims } from '../customer-token.ts';

export { ADMIN_TOKEN_AUDIENCE };

/** The claims of an admin token: a web user id (looked up in the roles file), its audience and its times. */
export const AdminTokenClaims = WebTokenClaims.extend({
  sub: z.string().min(1, 'expected a web user id'),
});
/** Verified admin claims. */
export type AdminTokenClaims = z.infer<typeof AdminTokenClaims>;

/**
 * Verifies an admin bearer token and returns the web user id it names; whether that user is an admin is the
 * caller's question (the roles file). Same rules as customer tokens: HS256 only, at most an hour of life.
 */
export async function verifyAdminToken(
  token: string,
  secret: string,
  nowMs: number,
  issuer?: string,
): Promise<string> {
  const claims = await verifyWebToken(token, {
    secret,
    nowMs,
    claims: AdminTokenClaims,
    name: 'admin token',
    audience: ADMIN_TOKEN_AUDIENCE,
    issuer,
  });
  return claims.sub;
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
  issuer?: string | undefined;
}): Promise<string> {
  const { userId, issuer, ...rest } = options;
  const claims = { aud: ADMIN_TOKEN_AUDIENCE, ...(issuer === undefined ? {} : { iss: issuer }) };
  return await signWebToken({ subject: userId, claims, ...rest });
}
