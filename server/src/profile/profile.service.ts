import { Auth0RejectedError } from '../auth0/errors';
import type { ManagementUsers, StoredUser, UserPatch } from '../auth0/users';
import { normalizeEmail, sameEmail } from './email';
import {
  buildProfileMetadataPatch,
  normalizeProfileMetadataChanges,
  readProfileMetadata,
  type DroppedValue,
  type ProfileMetadata,
  type ProfileMetadataChanges,
  type ProfileMetadataValues,
} from './profile-metadata';
import type { ProfileCache } from './profile-cache';
import { ProfileForbiddenError, ProfileInputError } from './profile.errors';
import type { UpdateRateLimiter } from './update-rate-limit';

/** The profile as the API shows it. */
export interface ProfileView extends ProfileMetadata {
  id: string;
  email: string;
  emailVerified: boolean;
  picture: string | null;
  connection: string;
  canChangeEmail: boolean;
  updatedAt: Date;
}

/** A requested change: undefined = leave alone; null or "" clears a name. */
export interface ProfileUpdate extends ProfileMetadataChanges {
  email?: string | null;
}

/** Only users whose primary identity is a database connection may change their email. */
function canChangeEmail(user: StoredUser): boolean {
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
    ...readProfileMetadata(user.userMetadata, logDropped && ((dropped) => logDropped(user.userId, dropped))),
  };
}

function buildUserPatch(user: StoredUser, metadata: ProfileMetadataValues, email: string | undefined): UserPatch | null {
  const patch: UserPatch = {};
  const metadataPatch = buildProfileMetadataPatch(user.userMetadata, metadata);
  if (metadataPatch) patch.user_metadata = metadataPatch;
  if (email !== undefined && !sameEmail(email, user.email)) {
    if (!canChangeEmail(user)) {
      throw new ProfileForbiddenError(`Email is managed by ${user.identities[0]?.connection ?? 'the identity provider'} and cannot be changed here`);
    }
    patch.email = email;
    patch.verify_email = true;
  }
  return Object.keys(patch).length > 0 ? patch : null;
}

function isEmailTaken(error: unknown): boolean {
  return error instanceof Auth0RejectedError && (error.status === 409 || error.errorCode === 'user_exists');
}

/** Issue 5's guards; both optional so the rules can be exercised alone. */
export interface ProfileServiceGuards {
  /** Per-user cache of stored users: `me` reads through it, updates write through it. */
  cache?: ProfileCache<StoredUser>;
  /** Per-user limit on updates, enforced before any upstream call. */
  limiter?: UpdateRateLimiter;
  /** Told about stored values the rules refuse (dropped from the view); see readProfileMetadata. */
  logDropped?: DroppedValueLog;
}

/** The profile rules. The user id always comes from the verified token, never from input. */
export class ProfileService {
  constructor(
    private readonly users: ManagementUsers,
    private readonly guards: ProfileServiceGuards = {},
  ) {}

  async me(userId: string): Promise<ProfileView> {
    const { cache } = this.guards;
    const user = cache ? await cache.get(userId, () => this.users.getUser(userId)) : await this.users.getUser(userId);
    return toProfileView(user, this.guards.logDropped);
  }

  /** At most one PATCH, holding only what changes; none when nothing does. */
  async update(userId: string, input: ProfileUpdate): Promise<ProfileView> {
    const metadata = normalizeProfileMetadataChanges(input);
    const email = input.email === undefined ? undefined : normalizeEmail(input.email);
    this.guards.limiter?.enforce(userId);
    // Read fresh, not cached: a patch built on a stale copy could skip a change made elsewhere.
    const user = await this.users.getUser(userId);
    this.guards.cache?.set(userId, user);
    const patch = buildUserPatch(user, metadata, email);
    if (!patch) return toProfileView(user, this.guards.logDropped);
    try {
      const updated = await this.users.updateUser(userId, patch);
      this.guards.cache?.set(userId, updated);
      return toProfileView(updated, this.guards.logDropped);
    } catch (error) {
      // A failed PATCH may still have been applied (timeout): the next read must ask upstream.
      this.guards.cache?.invalidate(userId);
      if (patch.email && isEmailTaken(error)) throw new ProfileInputError('email', 'This email address is already in use', 'emailTaken');
      throw error;
    }
  }
}
