import { Auth0UserNotFoundError } from '../auth0/errors';
import type { ManagementUsers, StoredUser, UserPatch } from '../auth0/users';
import { refuseBlocked } from './blocked';
import type { DeletedAccounts, LastKnownStore, ProfileReadCache, UpdateLimit } from './profile-stores';

/** The per-user stores a write must keep current (and forget when the user is gone). */
export interface WriteStores {
  cache?: ProfileReadCache<StoredUser>;
  lastKnown?: LastKnownStore<StoredUser>;
  deleted?: DeletedAccounts;
  limiter?: UpdateLimit;
}

/** The user no longer exists: every copy and count of it goes, and it is remembered as deleted. */
export async function forgetUser(stores: WriteStores, userId: string): Promise<void> {
  await stores.deleted?.add(userId);
  const { cache, lastKnown, limiter } = stores;
  await Promise.all([cache?.forget(userId), lastKnown?.forget(userId), limiter?.forget(userId)]);
}

/** Passes `call`'s failure on, after forgetting the user when Auth0 said it does not exist (404). */
export async function forgettingGone<T>(stores: WriteStores, userId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Auth0UserNotFoundError) await forgetUser(stores, userId);
    throw error;
  }
}

/**
 * The user read upstream (never cached: a change built on a stale copy could undo one made
 * elsewhere), cached on the way. A blocked user is refused here, before any write.
 */
export async function readFresh(users: ManagementUsers, stores: WriteStores, userId: string): Promise<StoredUser> {
  const user = await forgettingGone(stores, userId, () => users.getUser(userId));
  await stores.cache?.set(userId, user);
  return refuseBlocked(user);
}

/** One PATCH; its answer goes to the cache and the last-known store. A failed PATCH may still have been applied (timeout), so the cache forgets the user. */
export async function writeThrough(users: ManagementUsers, stores: WriteStores, userId: string, patch: UserPatch): Promise<StoredUser> {
  try {
    const updated = await forgettingGone(stores, userId, () => users.updateUser(userId, patch));
    await stores.cache?.set(userId, updated);
    await stores.lastKnown?.remember(userId, updated);
    return updated;
  } catch (error) {
    await stores.cache?.invalidate(userId);
    throw error;
  }
}
