import type { ManagementUsers, StoredUser, UserPatch } from '../auth0/users';
import type { LastKnownStore, ProfileReadCache } from './profile-stores';

/** The per-user stores a write must keep current. */
export interface WriteStores {
  cache?: ProfileReadCache<StoredUser>;
  lastKnown?: LastKnownStore<StoredUser>;
}

/** The user read upstream (never cached: a change built on a stale copy could undo one made elsewhere), cached on the way. */
export async function readFresh(users: ManagementUsers, stores: WriteStores, userId: string): Promise<StoredUser> {
  const user = await users.getUser(userId);
  await stores.cache?.set(userId, user);
  return user;
}

/** One PATCH; its answer goes to the cache and the last-known store. A failed PATCH may still have been applied (timeout), so the cache forgets the user. */
export async function writeThrough(users: ManagementUsers, stores: WriteStores, userId: string, patch: UserPatch): Promise<StoredUser> {
  try {
    const updated = await users.updateUser(userId, patch);
    await stores.cache?.set(userId, updated);
    await stores.lastKnown?.remember(userId, updated);
    return updated;
  } catch (error) {
    await stores.cache?.invalidate(userId);
    throw error;
  }
}
