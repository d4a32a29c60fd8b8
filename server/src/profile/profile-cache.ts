import { LRUCache } from 'lru-cache';
import { answerOf, lruTtl, NotKept } from '../lru-fetch';
import type { ProfileReadCache } from './profile-stores';

export interface ProfileCacheOptions<T> {
  /** How long a fetched or written profile is served without asking upstream. 0 disables storing. */
  ttlMs: number;
  /** Most users kept at once; the least recently used one is dropped first. */
  maxEntries: number;
  /** Milliseconds clock; injectable so tests can let a TTL elapse without waiting. */
  now?: () => number;
  /**
   * Orders two values of one user (e.g. by `updatedAt`). When given, `set` never replaces a cached
   * value with an older one: concurrent PATCHes may answer out of order.
   */
  version?: (value: T) => number;
}

/** What a read gives lru-cache's fetch(): the upstream read of this call. */
type Fetch<T> = () => Promise<T>;

/**
 * Per-user read-through cache for profiles, on lru-cache: its `ttl` expires a profile and its
 * `fetch()` shares one upstream read among concurrent misses; a failed read is not stored. `set`
 * writes through what a PATCH returned, `invalidate` forgets a user; either one during a read lets
 * that read answer its callers without storing it (`ignoreFetchAbort`), so it never overwrites
 * the newer state.
 */
export class ProfileCache<T extends object> implements ProfileReadCache<T> {
  private readonly entries: LRUCache<string, T, Fetch<T>>;
  private readonly storing: boolean;
  private readonly version: ((value: T) => number) | undefined;

  constructor(options: ProfileCacheOptions<T>) {
    if (!Number.isFinite(options.ttlMs) || options.ttlMs < 0) throw new Error('ttlMs must be a number >= 0');
    if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) throw new Error('maxEntries must be an integer >= 1');
    const ttl = lruTtl(options.ttlMs);
    this.storing = ttl > 0;
    this.version = options.version;
    this.entries = new LRUCache<string, T, Fetch<T>>({
      max: options.maxEntries,
      ttl,
      perf: { now: options.now ?? Date.now },
      ttlResolution: 0,
      ignoreFetchAbort: true,
      fetchMethod: async (_userId, _stale, { context: fetch }) => {
        const value = await fetch();
        if (!this.storing) throw new NotKept(value);
        return value;
      },
    });
  }

  /** The cached profile, or the result of `fetch` (shared with any concurrent caller for this user). */
  get(userId: string, fetch: Fetch<T>): Promise<T> {
    return answerOf(this.entries.fetch(userId, { context: fetch }));
  }

  /** Store what the upstream answered to a write, so the next read needs no fetch. */
  set(userId: string, value: T): void {
    const cached = this.entries.peek(userId);
    if (cached && this.version && this.version(cached) > this.version(value)) return;
    if (this.storing) this.entries.set(userId, value);
    else this.entries.delete(userId);
  }

  fresh(userId: string): Promise<T | undefined> {
    return Promise.resolve(this.entries.peek(userId));
  }

  freshVersion(userId: string): Promise<number | undefined> {
    const fresh = this.entries.peek(userId);
    return Promise.resolve(fresh && this.version ? this.version(fresh) : undefined);
  }

  invalidate(userId: string): void {
    this.entries.delete(userId);
  }

  /** A read in flight when this is called never stores its answer (see the class comment), so once is enough. */
  forget(userId: string): void {
    this.invalidate(userId);
  }

  /** Forgets every user (in-flight reads included). */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
