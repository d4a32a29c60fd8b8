import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { InvalidTokenError, KeySetUnavailableError } from './errors';

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
  /** Key set fetch timeout. */
  timeoutMs?: number;
  /** Refetch the key set after this long even when every `kid` is known. */
  cacheMaxAgeMs?: number;
}

export interface AccessTokenClaims extends JWTPayload {
  sub: string;
  scope?: string;
}

/** Raw token in, verified claims out; otherwise throws InvalidTokenError (or KeySetUnavailableError). */
export type VerifyAccessToken = (token: string) => Promise<AccessTokenClaims>;

const DEFAULTS = { clockToleranceSeconds: 5, cooldownMs: 30_000, timeoutMs: 5_000, cacheMaxAgeMs: 600_000 };

function checkOptions(options: AccessTokenVerifierOptions): string {
  if (!URL.canParse(options.issuer) || !options.issuer.endsWith('/')) {
    throw new TypeError(`issuer must be an absolute URL ending with "/" (got "${options.issuer}")`);
  }
  if (!options.audience) throw new TypeError('audience must be the API identifier');
  const jwksUri = options.jwksUri ?? `${options.issuer}.well-known/jwks.json`;
  if (!URL.canParse(jwksUri)) throw new TypeError(`jwksUri must be an absolute URL (got "${jwksUri}")`);
  return jwksUri;
}

function toVerificationError(error: unknown): Error {
  if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
    return new KeySetUnavailableError('The signing keys could not be fetched', { cause: error });
  }
  return new InvalidTokenError(error.message, { cause: error });
}

/**
 * Access token verification shaped like auth0/node-oauth2-jwt-bearer's access-token-jwt:
 * RS256 only, `iss` exact, `aud` contains the API identifier, `exp`/`nbf` with a small clock
 * tolerance, `sub` required. The key set is fetched once, cached, and refetched on an unknown
 * `kid` at most once per cooldown.
 */
export function createAccessTokenVerifier(options: AccessTokenVerifierOptions): VerifyAccessToken {
  const jwksUri = checkOptions(options);
  const settings = { ...DEFAULTS, ...options };
  const keySet = createRemoteJWKSet(new URL(jwksUri), {
    cooldownDuration: settings.cooldownMs,
    timeoutDuration: settings.timeoutMs,
    cacheMaxAge: settings.cacheMaxAgeMs,
  });
  return async (token) => {
    if (!token) throw new InvalidTokenError('No access token');
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
