import { LRUCache } from 'lru-cache';
import { randomUUID } from 'node:crypto';
import type { RedisClientType } from 'redis';
import { answerOf, NotKept } from '../lru-fetch';
import type { ProfileCache } from '../profile/profile-cache';
import type { ProfileReadCache } from '../profile/profile-stores';
import { SharedStateUnavailableError, type SharedRedis } from './shared-redis';

export interface SharedProfileCacheOptions<T extends object> {
  redis: SharedRedis;
  /** Serves while Redis is down (as a single replica would), and holds the per-process single flight when the TTL is 0. */
  fallback: ProfileCache<T>;
  /** How long a stored profile is fresh. 0 stores nothing. */
  ttlMs: number;
  /** How long after expiring a copy is still served to replicas waiting for another one's refresh. */
  staleGraceMs: number;
  /** Longest a refresh may take (one upstream read with its retry); other replicas wait at most this long. */
  refreshLockMs: number;
  /** Orders two values of one user: an older one never replaces a newer one. */
  version: (value: T) => number;
  keyPrefix: string;
}

interface Entry<T> {
  value: T | undefined;
  fresh: boolean;
  /** Another replica is reading upstream for this user. */
  refreshing: boolean;
}

const POLL_MS = 50;
/** Users whose read may be in flight at once in one process. */
const MAX_FLIGHTS = 10_000;
/** Users remembered as written during an outage (beyond it, Redis's copies expire with their TTL). */
const MAX_WRITTEN_WHILE_DOWN = 10_000;

// Compare and set on the version (updated_at), atomically: a late, older answer never wins.
// Fields: v the version, d the value (JSON), f until when it is fresh (ms since the epoch).
const STORE_IF_NOT_OLDER = `
local current = tonumber(redis.call('HGET', KEYS[1], 'v'))
if current and current > tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[1], 'd', ARGV[2], 'f', ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The profile cache shared by every replica through Redis: a write through any replica is what
 * the next read on every replica sees. Reads are HMGETs answered from the replica's client-side
 * cache (shared-redis: RESP3 tracking), which Redis invalidates before it acknowledges any write
 * of the key, whichever replica made it; freshness is the entry's own `f` field, not its TTL. When an entry expires, one
 * replica takes a short lock and reads upstream while the others serve the just-expired copy
 * (kept `staleGraceMs` longer) or wait for the refresh, so the fleet reads each user at most
 * once per TTL. Within a replica, concurrent reads of one user share one flight. While Redis is
 * down everything goes to the in-process fallback; users written meanwhile are dropped from
 * Redis when it returns, so its older copies are not served.
 */
export class SharedProfileCache<T extends object> implements ProfileReadCache<T> {
  /**
   * One read per user in flight in this process, shared by its concurrent callers: lru-cache's
   * fetch(), keeping nothing (the value lives in Redis). Deleting a user's flight (a write) lets
   * it answer its callers while later reads start a new one (`ignoreFetchAbort`).
   */
  private readonly flights: LRUCache<string, T, () => Promise<T>>;
  private readonly writtenWhileDown = new Set<string>();
  /**
   * The version check of a warm `me`, answered with no Redis command: the versions this replica
   * read, dropped when Redis says the key changed (the same push that drops the client-side
   * cache's copy), and used only while the heartbeat proves those pushes arrive
   * (`redis.invalidationsCurrent`), so a stalled connection leaves them stale no longer than
   * the client-side cache's own ttl.
   */
  private readonly versions = new LRUCache<string, { version: number; freshUntil: number }>({ max: MAX_FLIGHTS });
  /** Invalidations seen; a read that overlapped one does not fill `versions`. */
  private invalidations = 0;

  constructor(private readonly options: SharedProfileCacheOptions<T>) {
    options.redis.onRecovered(() => {
      this.versions.clear();
      void this.reconcile();
    });
    options.redis.onInvalidated((key) => {
      this.invalidations += 1;
      if (key === null) this.versions.clear();
      else this.versions.delete(key);
    });
    this.flights = new LRUCache<string, T, () => Promise<T>>({
      max: MAX_FLIGHTS,
      ignoreFetchAbort: true,
      fetchMethod: async (_userId, _stale, { context: read }) => {
        throw new NotKept(await read());
      },
    });
  }

  get(userId: string, fetch: () => Promise<T>): Promise<T> {
    const { redis, fallback, ttlMs } = this.options;
    if (ttlMs === 0 || !redis.usable) return fallback.get(userId, fetch);
    const read = () =>
      this.readOrRefresh(userId, fetch).catch((error: unknown) => {
        if (error instanceof SharedStateUnavailableError) return fallback.get(userId, fetch);
        throw error;
      });
    return answerOf(this.flights.fetch(userId, { context: read }));
  }

  async set(userId: string, value: T): Promise<void> {
    // A read that started before this write must not be joined by reads that start after it.
    this.flights.delete(userId);
    this.versions.delete(this.key(userId));
    try {
      if (this.options.ttlMs > 0) await this.store(userId, value);
    } catch {
      this.options.fallback.set(userId, value);
      this.rememberWrittenWhileDown(userId);
    }
  }

  async freshVersion(userId: string): Promise<number | undefined> {
    const { redis, fallback, ttlMs } = this.options;
    if (ttlMs === 0 || !redis.usable) return fallback.freshVersion(userId);
    const key = this.key(userId);
    const known = redis.invalidationsCurrent ? this.versions.get(key) : undefined;
    if (known) return known.freshUntil > Date.now() ? known.version : undefined;
    try {
      const seen = this.invalidations;
      const [version, freshUntil] = await redis.run((client) => client.hmGet(key, ['v', 'f']));
      if (!version) return undefined;
      if (this.invalidations === seen) this.versions.set(key, { version: Number(version), freshUntil: Number(freshUntil) });
      return Number(freshUntil) > Date.now() ? Number(version) : undefined;
    } catch (error) {
      if (error instanceof SharedStateUnavailableError) return fallback.freshVersion(userId);
      throw error;
    }
  }

  async fresh(userId: string): Promise<T | undefined> {
    const { redis, fallback, ttlMs } = this.options;
    if (ttlMs === 0 || !redis.usable) return fallback.fresh(userId);
    try {
      const stored = await this.stored(userId);
      return stored.fresh ? stored.value : undefined;
    } catch (error) {
      if (error instanceof SharedStateUnavailableError) return fallback.fresh(userId);
      throw error;
    }
  }

  async invalidate(userId: string): Promise<void> {
    this.flights.delete(userId);
    this.versions.delete(this.key(userId));
    this.options.fallback.invalidate(userId);
    try {
      await this.options.redis.run((client) => client.del(this.key(userId)));
    } catch {
      this.rememberWrittenWhileDown(userId);
    }
  }

  /**
   * A refresh another replica started before this call may store its answer after the delete;
   * such a refresh holds the lock at most refreshLockMs, so a second delete then removes it.
   */
  async forget(userId: string): Promise<void> {
    await this.invalidate(userId);
    setTimeout(() => void this.invalidate(userId), this.options.refreshLockMs).unref();
  }

  private async readOrRefresh(userId: string, fetch: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.options.refreshLockMs;
    for (;;) {
      const entry = await this.read(userId);
      if (entry.value && entry.fresh) return entry.value;
      if (!entry.refreshing) {
        const lock = await this.lock(userId);
        if (lock) return this.refresh(userId, fetch, lock);
      }
      if (entry.value) return entry.value;
      if (Date.now() >= deadline) return this.refresh(userId, fetch, null);
      await sleep(POLL_MS);
    }
  }

  private async refresh(userId: string, fetch: () => Promise<T>, lock: string | null): Promise<T> {
    try {
      const value = await fetch();
      await this.store(userId, value).catch(() => undefined);
      return value;
    } finally {
      if (lock) await this.unlock(userId, lock).catch(() => undefined);
    }
  }

  /** The stored copy (answered from the client-side cache, which Redis keeps coherent) and whether it is fresh. */
  private async stored(userId: string): Promise<Omit<Entry<T>, 'refreshing'>> {
    const [data, freshUntil] = await this.options.redis.run((client) => client.hmGet(this.key(userId), ['d', 'f']));
    const value = data ? (JSON.parse(data) as T) : undefined;
    return { value, fresh: value !== undefined && Number(freshUntil) > Date.now() };
  }

  private async read(userId: string): Promise<Entry<T>> {
    const { value, fresh } = await this.stored(userId);
    if (fresh) return { value, fresh, refreshing: false };
    const locked = await this.options.redis.run((client) => client.exists(this.lockKey(userId)));
    return { value, fresh, refreshing: locked === 1 };
  }

  private async store(userId: string, value: T): Promise<void> {
    const { ttlMs, staleGraceMs, version } = this.options;
    const args = [String(version(value)), JSON.stringify(value), String(ttlMs + staleGraceMs), String(Date.now() + ttlMs)];
    await this.options.redis.run((client) => client.eval(STORE_IF_NOT_OLDER, { keys: [this.key(userId)], arguments: args }));
  }

  private async lock(userId: string): Promise<string | null> {
    const token = randomUUID();
    const set = (client: RedisClientType) => client.set(this.lockKey(userId), token, { condition: 'NX', expiration: { type: 'PX', value: this.options.refreshLockMs } });
    return (await this.options.redis.run(set)) === 'OK' ? token : null;
  }

  private async unlock(userId: string, token: string): Promise<void> {
    await this.options.redis.run((client) => client.eval(RELEASE, { keys: [this.lockKey(userId)], arguments: [token] }));
  }

  /** Back from an outage: drop what only this process knew, and Redis's copies of users written meanwhile. */
  private async reconcile(): Promise<void> {
    this.options.fallback.clear();
    const users = [...this.writtenWhileDown];
    this.writtenWhileDown.clear();
    if (users.length === 0) return;
    await this.options.redis.attempt((client) => client.del(users.map((userId) => this.key(userId))), () => 0);
  }

  private rememberWrittenWhileDown(userId: string): void {
    if (this.writtenWhileDown.size < MAX_WRITTEN_WHILE_DOWN) this.writtenWhileDown.add(userId);
  }

  private key(userId: string): string {
    return `${this.options.keyPrefix}profile:${userId}`;
  }

  private lockKey(userId: string): string {
    return `${this.options.keyPrefix}refresh:${userId}`;
  }
}
