import { LRUCache } from 'lru-cache';
import type { LastKnown, LastKnownStore } from './profile-stores';

export interface InProcessLastKnownOptions {
  /** How long a value may be answered after upstream returned it. */
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

/** Last-known profiles in this process's memory: bounded in count and age. */
export class InProcessLastKnownStore<T extends object> implements LastKnownStore<T> {
  private readonly entries: LRUCache<string, LastKnown<T>>;
  private readonly now: () => number;

  constructor(options: InProcessLastKnownOptions) {
    this.now = options.now ?? Date.now;
    this.entries = new LRUCache({ max: options.maxEntries, ttl: options.ttlMs, perf: { now: this.now } });
  }

  remember(userId: string, value: T): void {
    this.entries.set(userId, { value, asOf: new Date(this.now()) });
  }

  keepServed(userId: string, value: T): void {
    this.remember(userId, value);
  }

  recall(userId: string): Promise<LastKnown<T> | undefined> {
    return Promise.resolve(this.entries.get(userId));
  }

  forget(userId: string): void {
    this.entries.delete(userId);
  }
}
