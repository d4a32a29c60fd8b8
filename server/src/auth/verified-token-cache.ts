import { hash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { answerOf, lruTtl, NotKept } from '../lru-fetch';

export interface VerifiedTokenCacheOptions {
  /** Most distinct tokens remembered; the least recently used one is dropped first. */
  maxEntries: number;
  /** Milliseconds clock; injectable so tests can reach a token's `exp` without waiting. */
  now?: () => number;
}

export type Verify<C> = (token: string) => Promise<C>;

/** Milliseconds until `exp`, or 0 when the claims carry no usable `exp` (then they are not cached). */
function msUntilExp(claims: { exp?: number }, nowMs: number): number {
  const exp = claims.exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 - nowMs : 0;
}

/**
 * Wraps a token verifier so a token that verified once is not checked again until its `exp`.
 * Only successes are stored, keyed by a SHA-256 of the token (the token itself is never kept);
 * lru-cache expires each at its `exp`, by the clock, with no tolerance, so a cached answer is
 * never more lenient than the verifier. Tokens without a numeric `exp` are not cached.
 * Concurrent first uses of one token share a single verification (lru-cache's `fetch()`).
 */
export function cacheVerifiedTokens<C extends { exp?: number }>(verify: Verify<C>, options: VerifiedTokenCacheOptions): Verify<C> {
  if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) {
    throw new Error('maxEntries must be an integer >= 1');
  }
  const now = options.now ?? Date.now;
  const verified = new LRUCache<string, C, string>({
    max: options.maxEntries,
    perf: { now },
    ttlResolution: 0,
    fetchMethod: async (_key, _stale, { context: token, options: entry }) => {
      const claims = await verify(token);
      const start = now();
      const ttl = lruTtl(msUntilExp(claims, start));
      if (ttl === 0) throw new NotKept(claims);
      // lru-cache stores the value with these options (set() takes `start`, its fetch types omit it):
      // the ttl counts from now, not from a later storing, so an entry never outlives `exp`.
      Object.assign(entry, { ttl, start } satisfies LRUCache.SetOptions<string, C, string>);
      return claims;
    },
  });
  return (token) => {
    // One-shot hash: a Hash object per request cost several times more.
    const key = hash('sha256', token, 'base64url');
    // A hit answers without fetch()'s promise machinery (the warm path of every request).
    const hit = verified.get(key);
    return hit ? Promise.resolve(hit) : answerOf(verified.fetch(key, { context: token }));
  };
}
