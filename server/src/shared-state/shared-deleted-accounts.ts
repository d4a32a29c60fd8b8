import type { InProcessDeletedAccounts } from '../profile/deleted-accounts';
import type { DeletedAccounts } from '../profile/profile-stores';
import type { SharedRedis } from './shared-redis';

export interface SharedDeletedAccountsOptions {
  redis: SharedRedis;
  /** This process's own list: answers while Redis is down. */
  local: InProcessDeletedAccounts;
  ttlMs: number;
  keyPrefix: string;
}

/** Deleted accounts in Redis, so every replica knows of a deletion made through any one of them. */
export class SharedDeletedAccounts implements DeletedAccounts {
  constructor(private readonly options: SharedDeletedAccountsOptions) {}

  async add(userId: string): Promise<void> {
    const { redis, local, ttlMs } = this.options;
    local.add(userId);
    await redis.attempt((client) => client.set(this.key(userId), '1', { expiration: { type: 'PX', value: ttlMs } }), () => null);
  }

  async has(userId: string): Promise<boolean> {
    if (await this.options.local.has(userId)) return true;
    return (await this.options.redis.attempt((client) => client.exists(this.key(userId)), () => 0)) === 1;
  }

  private key(userId: string): string {
    return `${this.options.keyPrefix}deleted:${userId}`;
  }
}
