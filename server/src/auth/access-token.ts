import { errors, jwtVerify, type JWTPayload } from 'jose';
import { InvalidTokenError } from './errors';
import { createKeySet } from './key-set';

export interface AccessTokenVerifierOptions {
  /** Expected `iss`, with the trailing slash Auth0 puts there (`https://tenant.auth0.com/`). */
  issuer: string;
  /** API identifier; `aud` (string or array) must contain it. */
  audience: string;
  /** Where the tenant publishes its signing keys. Defaults to `<issuer>.well-known/jwks.json`. */
  jwksUri?: string;
  clockToleranceSeconds?: number;
  /** Minimum time between two key set fetches triggered by an unknown `kid`. */
  cooldownMs?: number;
  /** After a failed key set fetch, no new fetch for this long (default: cooldownMs, at most 5 s). */
  failureCooldownMs?: number;
  /** Key set fetch timeout. */
  timeoutMs?: number;
  /** Refetch the key set after this long even when every `kid` is known. */
  cacheMaxAgeMs?: number;
}

export interface AccessTokenClaims extends JWTPayload {
  sub: string;
  scope?: unknown;
  /** Auth0 RBAC ("Add Permissions in the Access Token"): the user's permissions on the API. */
  permissions?: unknown;
  /** Auth0 grant type marker; `client-credentials` on machine tokens. */
  gty?: unknown;
}

/** Raw token in, verified claims out; otherwise throws InvalidTokenError (or KeySetUnavailableError when the keys cannot be had). */
export type VerifyAccessToken = (token: string) => Promise<AccessTokenClaims>;

const DEFAULTS = { clockToleranceSeconds: 5, cooldownMs: 30_000, timeoutMs: 5_000, cacheMaxAgeMs: 600_000 };
// Long enough that an outage costs one fetch per few seconds, short enough that callers see the
// tenant's return within seconds.
const MAX_FAILURE_COOLDOWN_MS = 5_000;

function checkOptions(options: AccessTokenVerifierOptions): string {
  if (!URL.canParse(options.issuer) || !options.issuer.endsWith('/')) {
    throw new TypeError(`issuer must be an absolute URL ending with "/" (got "${options.issuer}")`);
  }
  if (!options.audience) throw new TypeError('audience must be the API identifier');
  const jwksUri = options.jwksUri ?? `${options.issuer}.well-known/jwks.json`;
  if (!URL.canParse(jwksUri)) throw new TypeError(`jwksUri must be an absolute URL (got "${jwksUri}")`);
  return jwksUri;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Three base64url parts, each the one encoding of its bytes: no `=` padding and zero unused
 * bits in the last character (RFC 7515 §2, RFC 4648 §3.5). jose decodes leniently, so the same
 * signature written another way (`==` appended, other bits in its last character) would pass as
 * a different token string, e.g. past a deny-list or cache keyed by the token.
 */
function isCanonicalCompactJws(token: string): boolean {
  const parts = token.split('.');
  return parts.length === 3 && parts.every((part) => BASE64URL.test(part) && Buffer.from(part, 'base64url').toString('base64url') === part);
}

/** jose's complaints are about the token; the key set's own trouble arrives as KeySetUnavailableError. */
function toVerificationError(error: unknown): unknown {
  return error instanceof errors.JOSEError ? new InvalidTokenError(error.message, { cause: error }) : error;
}

/**
 * Access token verification shaped like auth0/node-oauth2-jwt-bearer's access-token-jwt:
 * RS256 only, `iss` exact, `aud` contains the API identifier, `exp`/`nbf` with a small clock
 * tolerance, `sub` required. The key set is fetched once, cached, and refetched on an unknown
 * `kid` at most once per cooldown; after a failed fetch, at most once per failure cooldown.
 */
export function createAccessTokenVerifier(options: AccessTokenVerifierOptions): VerifyAccessToken {
  const jwksUri = checkOptions(options);
  const settings = { ...DEFAULTS, ...options };
  const keySet = createKeySet({
    jwksUri,
    cooldownMs: settings.cooldownMs,
    failureCooldownMs: settings.failureCooldownMs ?? Math.min(settings.cooldownMs, MAX_FAILURE_COOLDOWN_MS),
    timeoutMs: settings.timeoutMs,
    cacheMaxAgeMs: settings.cacheMaxAgeMs,
  });
  return async (token) => {
    if (!token) throw new InvalidTokenError('No access token');
    if (!isCanonicalCompactJws(token)) throw new InvalidTokenError('The token is not in canonical base64url (padding or stray bits)');
    try {
      const { payload } = await jwtVerify(token, keySet, {
        algorithms: ['RS256'],
        issuer: settings.issuer,
        audience: settings.audience,
        clockTolerance: settings.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
      });
      if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidTokenError('The token has no subject');
      return payload as AccessTokenClaims;
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw toVerificationError(error);
    }
  };
}
