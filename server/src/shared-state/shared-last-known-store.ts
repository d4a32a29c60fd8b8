import type { InProcessLastKnownStore } from '../profile/last-known-store';
import type { LastKnown, LastKnownStore } from '../profile/profile-stores';
import type { SharedRedis } from './shared-redis';

export interface SharedLastKnownOptions<T extends object> {
  redis: SharedRedis;
  /** This process's own copy: answers when Redis is down too (bounded in count and age). */
  local: InProcessLastKnownStore<T>;
  ttlMs: number;
  keyPrefix: string;
}

interface Stored<T> {
  asOf: number;
  value: T;
}

/** Last-known profiles in Redis (any replica can answer one), with this process's copy beside them. */
export class SharedLastKnownStore<T extends object> implements LastKnownStore<T> {
  constructor(private readonly options: SharedLastKnownOptions<T>) {}

  async remember(userId: string, value: T): Promise<void> {
    const { redis, local, ttlMs } = this.options;
    local.remember(userId, value);
    const stored: Stored<T> = { asOf: Date.now(), value };
    await redis.attempt((client) => client.set(this.key(userId), JSON.stringify(stored), { expiration: { type: 'PX', value: ttlMs } }), () => null);
  }

  keepServed(userId: string, value: T): void {
    this.options.local.remember(userId, value);
  }

  async recall(userId: string): Promise<LastKnown<T> | undefined> {
    const [shared, own] = await Promise.all([this.recallShared(userId), this.options.local.recall(userId)]);
    if (!shared) return own;
    if (!own) return shared;
    return own.asOf > shared.asOf ? own : shared;
  }

  async forget(userId: string): Promise<void> {
    this.options.local.forget(userId);
    await this.options.redis.attempt((client) => client.del(this.key(userId)), () => 0);
  }

  private async recallShared(userId: string): Promise<LastKnown<T> | undefined> {
    const raw = await this.options.redis.attempt((client) => client.get(this.key(userId)), () => null);
    if (!raw) return undefined;
    const stored = JSON.parse(raw) as Stored<T>;
    return { value: stored.value, asOf: new Date(stored.asOf) };
  }

  private key(userId: string): string {
    return `${this.options.keyPrefix}last-known:${userId}`;
  }
}
