import { hash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

export interface VerifiedTokenCacheOptions {
  /** Most distinct tokens remembered; the least recently used one is dropped first. */
  maxEntries: number;
  /** Milliseconds clock; injectable so tests can reach a token's `exp` without waiting. */
  now?: () => number;
}

interface Entry<C> {
  claims: C;
  expiresAtMs: number;
}

export type Verify<C> = (token: string) => Promise<C>;

/**
 * Wraps a token verifier so a token that verified once is not checked again until its `exp`.
 * Only successes are stored, keyed by a SHA-256 of the token (the token itself is never kept),
 * and every hit re-checks `exp` against the clock, with no tolerance, so a cached answer is
 * never more lenient than the verifier. Tokens without a numeric `exp` are not cached.
 * Concurrent first uses of one token share a single verification.
 */
export function cacheVerifiedTokens<C extends { exp?: number }>(
  verify: Verify<C>,
  options: VerifiedTokenCacheOptions,
): Verify<C> {
  if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) {
    throw new Error('maxEntries must be an integer >= 1');
  }
  const now = options.now ?? Date.now;
  const verified = new LRUCache<string, Entry<C>>({ max: options.maxEntries });
  const inFlight = new Map<string, Promise<C>>();

  const verifyAndStore = async (key: string, token: string): Promise<C> => {
    try {
      // Deferred one microtask so a verifier that throws synchronously still settles via `finally`
      // after the promise is registered.
      const claims = await Promise.resolve(token).then(verify);
      const exp = claims.exp;
      if (typeof exp === 'number' && Number.isFinite(exp) && exp * 1000 > now()) {
        verified.set(key, { claims, expiresAtMs: exp * 1000 });
      }
      return claims;
    } finally {
      inFlight.delete(key);
    }
  };

  return (token: string): Promise<C> => {
    // One-shot hash: a Hash object per request cost several times more.
    const key = hash('sha256', token, 'base64url');
    const hit = verified.get(key);
    if (hit) {
      if (now() < hit.expiresAtMs) return Promise.resolve(hit.claims);
      verified.delete(key);
    }
    const pending = inFlight.get(key);
    if (pending) return pending;
    const started = verifyAndStore(key, token);
    inFlight.set(key, started);
    return started;
  };
}
