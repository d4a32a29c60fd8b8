import { randomBytes } from 'node:crypto';
import { addUsers } from 'local-auth0/testing';

export interface FreshUser {
  id: string;
  email: string;
}

/**
 * A database user of its own (no password, address verified) added to the tenant: the API's
 * per-user state (limits, deleted-account marks) outlives a tenant reset, so tests that use it
 * up do not share a seed user.
 */
export async function addFreshUser(tenantUrl: string, userMetadata: Record<string, unknown> = {}): Promise<FreshUser> {
  const hex = randomBytes(12).toString('hex');
  const user = { id: `auth0|${hex}`, email: `user-${hex}@example.com` };
  await addUsers(tenantUrl, [{ user_id: user.id, email: user.email, user_metadata: userMetadata }]);
  return user;
}
