import { ManagementApiError } from '../http/errors';
import { hashPassword } from '../passwords';
import type { StoredUser } from '../state/types';
import type { Tenant } from '../tenant';
import type { UserPatch } from './patch-schema';
import { isDatabaseUser, userView } from './user-view';

const PROFILE_LIMIT_BYTES = 10 * 1024;
/** Accepted for compatibility; they steer Auth0's linking and notifications, not the stored profile. */
const NOT_STORED = new Set(['connection', 'client_id', 'verify_email', 'verify_phone_number', 'password', 'email', 'email_verified']);

const SOCIAL_EMAIL_REFUSED = 'Cannot update email for this user';

/** First-level merge: keys not sent are kept, a `null` value deletes its key, `{}` (or null) wipes all. */
function mergeMetadata(stored: Record<string, unknown>, patch: Record<string, unknown> | null): Record<string, unknown> {
  if (patch === null || Object.keys(patch).length === 0) return {};
  const merged = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

function refuseForConnection(user: StoredUser, patch: UserPatch, tenant: Tenant): void {
  const database = isDatabaseUser(user);
  if ('email' in patch && !database) throw new ManagementApiError(400, SOCIAL_EMAIL_REFUSED, 'operation_not_supported');
  if ('password' in patch && !database) {
    throw new ManagementApiError(400, `Cannot update password for user with connection ${user.connection}`, 'operation_not_supported');
  }
  if ('email' in patch && 'password' in patch) {
    throw new ManagementApiError(400, 'Cannot update password and email simultaneously', 'invalid_body');
  }
  const email = typeof patch.email === 'string' ? patch.email : undefined;
  const owner = email === undefined ? undefined : tenant.userByEmail(email);
  if (owner && owner.user_id !== user.user_id) {
    throw new ManagementApiError(409, 'The specified new email already exists', 'user_exists');
  }
}

function applyEmail(next: StoredUser, patch: UserPatch): void {
  if (typeof patch.email === 'string' && patch.email !== next.email) {
    next.email = patch.email;
    next.email_verified = false;
  }
  if (typeof patch.email_verified === 'boolean') next.email_verified = patch.email_verified;
  // verify_email sends a verification mail, so the address is unverified until it is clicked.
  if (patch.verify_email === true) next.email_verified = false;
}

/** Applies a validated PATCH body to a user the way Auth0 does; nothing changes if it throws. */
export async function applyPatch(tenant: Tenant, userId: string, patch: UserPatch): Promise<StoredUser | undefined> {
  const passwordHash = typeof patch.password === 'string' ? await hashPassword(patch.password) : undefined;
  // Read the user after the only await, so concurrent writes each merge into the latest version.
  const user = tenant.user(userId);
  if (!user) return undefined;
  refuseForConnection(user, patch, tenant);
  const next: StoredUser = structuredClone(user);
  const fields = next as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (NOT_STORED.has(key)) continue;
    if (key === 'user_metadata' || key === 'app_metadata') fields[key] = mergeMetadata(next[key], value as Record<string, unknown> | null);
    else if (value === null) delete fields[key];
    else fields[key] = value;
  }
  applyEmail(next, patch);
  if (passwordHash) next.password_hash = passwordHash;
  const size = Buffer.byteLength(JSON.stringify(userView(next)));
  if (size > PROFILE_LIMIT_BYTES) {
    throw new ManagementApiError(400, `Payload validation error: the user profile would be ${size} bytes; the limit is 10 KB.`, 'invalid_body');
  }
  next.updated_at = tenant.nextTimestamp();
  tenant.state.users[tenant.state.users.indexOf(user)] = next;
  tenant.store.save();
  return next;
}
