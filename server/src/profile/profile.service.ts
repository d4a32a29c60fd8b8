import { Auth0RejectedError } from '../auth0/errors';
import type { ManagementUsers, StoredUser, UserPatch } from '../auth0/users';
import { normalizeEmail, sameEmail } from './email';
import {
  buildProfileMetadataPatch,
  normalizeProfileMetadataChanges,
  readProfileMetadata,
  type ProfileMetadata,
  type ProfileMetadataChanges,
  type ProfileMetadataPatch,
} from './profile-metadata';
import { ProfileForbiddenError, ProfileInputError } from './profile.errors';

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

export function toProfileView(user: StoredUser): ProfileView {
  return {
    id: user.userId,
    email: user.email,
    emailVerified: user.emailVerified,
    picture: user.picture,
    connection: user.identities[0]?.connection ?? '',
    canChangeEmail: canChangeEmail(user),
    updatedAt: new Date(user.updatedAt),
    ...readProfileMetadata(user.userMetadata),
  };
}

function buildUserPatch(user: StoredUser, metadata: ProfileMetadataPatch, email: string | undefined): UserPatch | null {
  const patch: UserPatch = {};
  const metadataPatch = buildProfileMetadataPatch(readProfileMetadata(user.userMetadata), metadata);
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

/** The profile rules. The user id always comes from the verified token, never from input. */
export class ProfileService {
  constructor(private readonly users: ManagementUsers) {}

  async me(userId: string): Promise<ProfileView> {
    return toProfileView(await this.users.getUser(userId));
  }

  /** At most one PATCH, holding only what changes; none when nothing does. */
  async update(userId: string, input: ProfileUpdate): Promise<ProfileView> {
    const metadata = normalizeProfileMetadataChanges(input);
    const email = input.email === undefined ? undefined : normalizeEmail(input.email);
    const user = await this.users.getUser(userId);
    const patch = buildUserPatch(user, metadata, email);
    if (!patch) return toProfileView(user);
    try {
      return toProfileView(await this.users.updateUser(userId, patch));
    } catch (error) {
      if (patch.email && isEmailTaken(error)) throw new ProfileInputError('email', 'This email address is already in use');
      throw error;
    }
  }
}
