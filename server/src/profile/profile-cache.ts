import { LRUCache } from 'lru-cache';
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

interface Entry<T> {
  value: T;
  expiresAt: number;
}

interface Flight<T> {
  promise: Promise<T>;
}

/**
 * Per-user read-through cache for profiles. Concurrent misses for one user share a single
 * upstream fetch; a failed fetch is not stored. `set` writes through what a PATCH returned,
 * `invalidate` forgets a user. A fetch that started before a `set`/`invalidate` for the same
 * user never overwrites the newer state.
 */
export class ProfileCache<T extends object> implements ProfileReadCache<T> {
  private readonly entries: LRUCache<string, Entry<T>>;
  private readonly inFlight = new Map<string, Flight<T>>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly version: ((value: T) => number) | undefined;

  constructor(options: ProfileCacheOptions<T>) {
    if (!Number.isFinite(options.ttlMs) || options.ttlMs < 0) throw new Error('ttlMs must be a number >= 0');
    if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) throw new Error('maxEntries must be an integer >= 1');
    this.entries = new LRUCache({ max: options.maxEntries });
    this.ttlMs = options.ttlMs;
    this.now = options.now ?? Date.now;
    this.version = options.version;
  }

  /** The cached profile, or the result of `fetch` (shared with any concurrent caller for this user). */
  get(userId: string, fetch: () => Promise<T>): Promise<T> {
    const fresh = this.peek(userId);
    if (fresh) return Promise.resolve(fresh);
    const pending = this.inFlight.get(userId);
    if (pending) return pending.promise;
    const flight = {} as Flight<T>;
    flight.promise = this.fetchAndStore(userId, fetch, flight);
    this.inFlight.set(userId, flight);
    return flight.promise;
  }

  /** Store what the upstream answered to a write, so the next read needs no fetch. */
  set(userId: string, value: T): void {
    this.inFlight.delete(userId);
    const cached = this.peek(userId);
    if (cached && this.version && this.version(cached) > this.version(value)) return;
    this.store(userId, value);
  }

  freshVersion(userId: string): Promise<number | undefined> {
    const fresh = this.peek(userId);
    return Promise.resolve(fresh && this.version ? this.version(fresh) : undefined);
  }

  invalidate(userId: string): void {
    this.inFlight.delete(userId);
    this.entries.delete(userId);
  }

  /** Forgets every user (in-flight reads included). */
  clear(): void {
    this.inFlight.clear();
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private peek(userId: string): T | undefined {
    const entry = this.entries.get(userId);
    if (!entry) return undefined;
    if (this.now() < entry.expiresAt) return entry.value;
    this.entries.delete(userId);
    return undefined;
  }

  private async fetchAndStore(userId: string, fetch: () => Promise<T>, flight: Flight<T>): Promise<T> {
    try {
      // Deferred one microtask so the flight is registered before fetch can settle or throw.
      const value = await Promise.resolve().then(fetch);
      // Only the flight still registered for this user may store: a set/invalidate since wins.
      if (this.inFlight.get(userId) === flight) this.store(userId, value);
      return value;
    } finally {
      if (this.inFlight.get(userId) === flight) this.inFlight.delete(userId);
    }
  }

  private store(userId: string, value: T): void {
    if (this.ttlMs === 0) {
      this.entries.delete(userId);
      return;
    }
    this.entries.set(userId, { value, expiresAt: this.now() + this.ttlMs });
  }
}
