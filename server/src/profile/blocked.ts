import type { StoredUser } from '../auth0/users';
import { ProfileForbiddenError } from './profile.errors';

/**
 * A blocked user (Auth0's `blocked`, set by an administrator) keeps a valid token until it
 * expires; the API refuses the account itself, for reads and every write. The block is read from
 * the stored user, so it takes effect within the profile cache's TTL for `me`, at once for writes.
 */
export function refuseBlocked(user: StoredUser): StoredUser {
  if (user.blocked) throw new ProfileForbiddenError('This account is blocked; contact the administrator', 'blocked');
  return user;
}
