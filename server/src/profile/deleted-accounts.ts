import { LRUCache } from 'lru-cache';
import type { DeletedAccounts } from './profile-stores';

/** Deleted accounts in this process's memory, bounded in count and age. */
export class InProcessDeletedAccounts implements DeletedAccounts {
  private readonly ids: LRUCache<string, true>;

  constructor(options: { ttlMs: number; maxEntries: number }) {
    this.ids = new LRUCache({ max: options.maxEntries, ttl: options.ttlMs });
  }

  add(userId: string): void {
    this.ids.set(userId, true);
  }

  has(userId: string): Promise<boolean> {
    return Promise.resolve(this.ids.has(userId));
  }
}
