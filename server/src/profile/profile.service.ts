import { Auth0UserNotFoundError } from '../auth0/errors';
import type { ManagementUsers, StoredUser, UserPatch } from '../auth0/users';
import { readPendingEmailChange, type PendingEmailChangeView } from './email-change/pending-email-change';
import {
  buildProfileMetadataPatch,
  normalizeProfileMetadataChanges,
  readProfileMetadata,
  UNKNOWN,
  type DroppedValue,
  type ProfileMetadata,
  type ProfileMetadataChanges,
  type ProfileMetadataValues,
} from './profile-metadata';
import { lastKnownMark, lastKnownReason, type LastKnownMark } from './last-known';
import type { DeletedAccounts, LastKnownStore, ProfileEvents, ProfileReadCache, UpdateLimit } from './profile-stores';
import { UpdateRateLimitedError } from './update-rate-limit';
import { refuseBlocked } from './blocked';
import { forgetUser, forgettingGone, readFresh, writeThrough } from './user-writes';

/** The profile as the API shows it. */
export interface ProfileView extends ProfileMetadata {
  id: string;
  email: string;
  emailVerified: boolean;
  picture: string | null;
  connection: string;
  canChangeEmail: boolean;
  updatedAt: Date;
  /** Set when Auth0 could not be read and this is the profile of the last successful read. */
  lastKnown: LastKnownMark | null;
  /** The email change waiting for the link mailed to the new address; null when none (or expired). */
  pendingEmailChange: PendingEmailChangeView | null;
}

/** A requested change: undefined = leave alone; null or "" clears a name. The email changes through EmailChangeService. */
export type ProfileUpdate = ProfileMetadataChanges;

/** Only users whose primary identity is a database connection may change their email. */
export function canChangeEmail(user: StoredUser): boolean {
  return user.identities[0]?.provider === 'auth0';
}

/** Where a stored value the rules refuse is reported; the value itself is never passed on. */
export type DroppedValueLog = (userId: string, dropped: DroppedValue) => void;

export function toProfileView(user: StoredUser, logDropped?: DroppedValueLog): ProfileView {
  return {
    id: user.userId,
    email: user.email,
    emailVerified: user.emailVerified,
    picture: user.picture,
    connection: user.identities[0]?.connection ?? '',
    canChangeEmail: canChangeEmail(user),
    updatedAt: new Date(user.updatedAt),
    lastKnown: null,
    pendingEmailChange: readPendingEmailChange(user.appMetadata),
    ...readProfileMetadata(user.userMetadata, logDropped && ((dropped) => logDropped(user.userId, dropped))),
  };
}

/** The PATCH for `metadata` on top of what `user` stores (UNKNOWN: sent without a fresh read), or null when nothing changes. */
function buildUserPatch(user: StoredUser | typeof UNKNOWN, metadata: ProfileMetadataValues): UserPatch | null {
  const metadataPatch = buildProfileMetadataPatch(user === UNKNOWN ? UNKNOWN : user.userMetadata, metadata);
  return metadataPatch ? { user_metadata: metadataPatch } : null;
}

/** The per-user state the rules keep; all optional so the rules can be exercised alone. */
export interface ProfileServiceOptions {
  /** Per-user cache of stored users: `me` reads through it, updates write through it. */
  cache?: ProfileReadCache<StoredUser>;
  /** Per-user limit on updates, enforced before any upstream call. */
  limiter?: UpdateLimit;
  /** The last user Auth0 returned, answered by `me` (never used by updates) when Auth0 fails. */
  lastKnown?: LastKnownStore<StoredUser>;
  /** Accounts deleted through this API: `me` answers not-found for them while Auth0 fails, never a copy. */
  deleted?: DeletedAccounts;
  /** Told each time `me` answers a last-known profile (the caller logs it). */
  onLastKnownAnswer?: (userId: string, mark: LastKnownMark, error: unknown) => void;
  /** Told about stored values the rules refuse (dropped from the view); see readProfileMetadata. */
  logDropped?: DroppedValueLog;
  /** Told about cache reads, last-known answers and update refusals (metrics). */
  events?: ProfileEvents;
}

/** The profile rules. The user id always comes from the verified token, never from input. */
export class ProfileService {
  constructor(
    private readonly users: ManagementUsers,
    private readonly options: ProfileServiceOptions = {},
  ) {}

  async me(userId: string): Promise<ProfileView> {
    let user: StoredUser;
    try {
      user = await forgettingGone(this.options, userId, () => this.readThroughCache(userId));
    } catch (error) {
      if (lastKnownReason(error) && (await this.options.deleted?.has(userId))) throw new Auth0UserNotFoundError();
      const lastKnown = await this.lastKnownView(userId, error);
      if (!lastKnown) throw error;
      return lastKnown;
    }
    const served = refuseBlocked(user);
    this.options.lastKnown?.keepServed(userId, served);
    return toProfileView(served, this.options.logDropped);
  }

  /** The account was deleted: every copy and count of the user goes, and `me` answers not-found from now on. */
  forget(userId: string): Promise<void> {
    return forgetUser(this.options, userId);
  }

  /** The version (updated_at, ms) of the user's fresh cached profile; undefined when `me` would read upstream. */
  cachedVersion(userId: string): Promise<number | undefined> {
    return this.options.cache ? this.options.cache.freshVersion(userId) : Promise.resolve(undefined);
  }

  private async readThroughCache(userId: string): Promise<StoredUser> {
    const { cache, events } = this.options;
    if (!cache) return this.readUpstream(userId);
    if (!events) return cache.get(userId, () => this.readUpstream(userId));
    let missed = false;
    try {
      return await cache.get(userId, () => {
        missed = true;
        return this.readUpstream(userId);
      });
    } finally {
      events.profileCacheRead(!missed);
    }
  }

  private async readUpstream(userId: string): Promise<StoredUser> {
    const user = await this.users.getUser(userId);
    await this.options.lastKnown?.remember(userId, user);
    return user;
  }

  /** The last-known profile standing in for a failed read (429, 5xx, timeout, refused), if there is one. */
  private async lastKnownView(userId: string, error: unknown): Promise<ProfileView | null> {
    const reason = lastKnownReason(error);
    if (!reason || !this.options.lastKnown) return null;
    const known = await this.options.lastKnown.recall(userId);
    if (!known) return null;
    const mark = lastKnownMark(known.asOf, reason);
    const view = toProfileView(refuseBlocked(known.value), this.options.logDropped);
    this.options.onLastKnownAnswer?.(userId, mark, error);
    this.options.events?.lastKnownAnswer(reason);
    return { ...view, lastKnown: mark };
  }

  private async enforceUpdateLimit(userId: string): Promise<void> {
    try {
      await this.options.limiter?.enforce(userId);
    } catch (error) {
      if (error instanceof UpdateRateLimitedError) this.options.events?.updateRefused();
      throw error;
    }
  }

  /**
   * One Management API call when the cache holds a fresh copy of an unblocked user whose names
   * the input changes: the PATCH, built from the input alone (so a stale copy cannot make it
   * wrong), whose answer becomes the cached profile. Otherwise a fresh read decides: no PATCH
   * when nothing changes (a copy saying "no change" is never trusted to skip a write), else one
   * PATCH of only what changes. A blocked user is refused before any PATCH when a read shows it.
   */
  async update(userId: string, input: ProfileUpdate): Promise<ProfileView> {
    const metadata = normalizeProfileMetadataChanges(input);
    await this.enforceUpdateLimit(userId);
    const cached = await this.options.cache?.fresh(userId);
    const unread = cached && !cached.blocked && buildUserPatch(cached, metadata) ? buildUserPatch(UNKNOWN, metadata) : null;
    if (unread) return this.write(userId, unread);
    const user = await readFresh(this.users, this.options, userId);
    const patch = buildUserPatch(user, metadata);
    if (!patch) return toProfileView(user, this.options.logDropped);
    return this.write(userId, patch);
  }

  /** The PATCH answer shows a block made since the copy was cached: it is cached (so `me` refuses at once) and refused. */
  private async write(userId: string, patch: UserPatch): Promise<ProfileView> {
    const updated = await writeThrough(this.users, this.options, userId, patch);
    return toProfileView(refuseBlocked(updated), this.options.logDropped);
  }
}
