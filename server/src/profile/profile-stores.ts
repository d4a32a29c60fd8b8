import type { LastKnownReason } from './last-known';

/**
 * What the profile rules need from the state they keep per user. Each has an in-process
 * implementation here and a shared one (Redis, several replicas) in ../shared-state.
 */

/** Per-user read-through cache of stored profiles. */
export interface ProfileReadCache<T> {
  /** The cached value, or the result of `fetch` (at most one upstream read per user at a time in a process). */
  get(userId: string, fetch: () => Promise<T>): Promise<T>;
  /** Stores what a write returned; never replaces a newer value with an older one. */
  set(userId: string, value: T): void | Promise<void>;
  /** Forgets the user: the next read asks upstream. */
  invalidate(userId: string): void | Promise<void>;
  /** The user no longer exists: forgets them now, and again once every read that started before has finished. */
  forget(userId: string): void | Promise<void>;
  /** The user's fresh cached value, if there is one; never reads upstream. */
  fresh(userId: string): Promise<T | undefined>;
  /** The version (updated_at) of the user's fresh cached value, if there is one; never reads upstream. */
  freshVersion(userId: string): Promise<number | undefined>;
}

/** Per-user limit on updates; throws UpdateRateLimitedError when the update is refused. */
export interface UpdateLimit {
  enforce(userId: string): void | Promise<void>;
  /** Drops what is counted for the user (their account is deleted). */
  forget(userId: string): void | Promise<void>;
}

export interface LastKnown<T> {
  value: T;
  /** When upstream returned it. */
  asOf: Date;
}

/** The last value upstream returned per user, kept for a bounded time to answer when upstream fails. */
export interface LastKnownStore<T> {
  remember(userId: string, value: T): void | Promise<void>;
  /**
   * A profile this process served, wherever it was read (upstream here, or another replica's
   * read through a shared cache): kept in this process's own memory, so it can stand in when
   * upstream and the shared state fail together. Never a shared write.
   */
  keepServed(userId: string, value: T): void;
  recall(userId: string): Promise<LastKnown<T> | undefined>;
  /** Drops the user's copy (their account is deleted). */
  forget(userId: string): void | Promise<void>;
}

/**
 * Accounts deleted through this API, remembered as long as a last-known copy could live anywhere:
 * `me` answers "not found" for them, never a copy, even while Auth0 fails.
 */
export interface DeletedAccounts {
  add(userId: string): void | Promise<void>;
  has(userId: string): Promise<boolean>;
}

/** What the profile rules report for metrics; every method is called on the request's path, so keep them cheap. */
export interface ProfileEvents {
  /** `me` read the profile cache: hit = answered without an upstream read of its own. */
  profileCacheRead(hit: boolean): void;
  /** `me` answered a last-known profile, for this reason. */
  lastKnownAnswer(reason: LastKnownReason): void;
  /** An update was refused by the per-user update limit. */
  updateRefused(): void;
}
