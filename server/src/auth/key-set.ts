import { createRemoteJWKSet, customFetch, errors, type FetchImplementation, type JWTVerifyGetKey } from 'jose';
import { KeySetUnavailableError } from './errors';

export interface KeySetOptions {
  jwksUri: string;
  /** Least time between two fetches triggered by an unknown `kid`. */
  cooldownMs: number;
  /** After a failed fetch (5xx, refused, timeout), answer "unavailable" this long without fetching again. */
  failureCooldownMs: number;
  timeoutMs: number;
  /** Refetch after this long even when every `kid` is known. */
  cacheMaxAgeMs: number;
  /** Milliseconds clock; injectable for tests. */
  now?: () => number;
}

/**
 * A fetch that remembers its last failure: during an outage of the tenant the key set is asked
 * for at most once per `failureCooldownMs`, not once per request carrying a not-yet-cached token.
 */
function fetchWithFailureCooldown(failureCooldownMs: number, now: () => number): FetchImplementation {
  let failedAt = Number.NEGATIVE_INFINITY;
  return async (url, init) => {
    if (now() - failedAt < failureCooldownMs) throw new KeySetUnavailableError('The key set failed recently; not asking again yet');
    try {
      const response = await fetch(url, init);
      if (response.status !== 200) failedAt = now();
      return response;
    } catch (error) {
      failedAt = now();
      throw error;
    }
  };
}

/** Errors that say something about the token (its `kid` is not published), not about the tenant. */
const isTokenFault = (error: unknown) => error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys;

/**
 * The tenant's signing keys for `jwtVerify`. Anything that goes wrong while getting them other than
 * an unknown `kid` — an error status, a refused connection, a timeout, an unreadable set — is
 * KeySetUnavailableError: the token cannot be judged, so it must not be called invalid.
 */
export function createKeySet(options: KeySetOptions): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(options.jwksUri), {
    cooldownDuration: options.cooldownMs,
    timeoutDuration: options.timeoutMs,
    cacheMaxAge: options.cacheMaxAgeMs,
    [customFetch]: fetchWithFailureCooldown(options.failureCooldownMs, options.now ?? Date.now),
  });
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (isTokenFault(error) || error instanceof KeySetUnavailableError) throw error;
      throw new KeySetUnavailableError('The signing keys could not be fetched', { cause: error });
    }
  };
}
