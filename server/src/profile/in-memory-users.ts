import type { ManagementUsers, StoredIdentity, StoredUser, UserPatch } from '../auth0/users';

/** First-level merge as Auth0 does it for metadata: a null value deletes its key. */
function merge(stored: Record<string, unknown>, patch: Record<string, unknown> | undefined): Record<string, unknown> {
  const merged = { ...stored, ...patch };
  for (const [key, value] of Object.entries(merged)) if (value === null) delete merged[key];
  return merged;
}

/**
 * The Management API in memory, for the rules' unit specs: one stored user (ada), addresses of
 * other users, scripted failures and a log of the calls made.
 */
export function inMemoryUsers(identity: StoredIdentity = { provider: 'auth0', connection: 'Username-Password-Authentication', isSocial: false }) {
  let user: StoredUser = {
    userId: 'auth0|ada',
    email: 'ada@example.com',
    emailVerified: true,
    picture: null,
    identities: [identity],
    userMetadata: { firstName: 'Ada' },
    appMetadata: {},
    updatedAt: '2026-01-01T00:00:00.000Z',
    blocked: false,
  };
  const calls: string[] = [];
  const failures: { get?: unknown; patch?: unknown; byEmail?: unknown } = {};
  const otherUsersEmails = new Set(['alan@example.com']);
  let tick = 0;
  const users: ManagementUsers = {
    getUser(userId) {
      calls.push(`GET ${userId}`);
      return failures.get ? Promise.reject(failures.get) : Promise.resolve(user);
    },
    updateUser(userId, patch: UserPatch) {
      calls.push(`PATCH ${userId} ${JSON.stringify(patch)}`);
      if (failures.patch) return Promise.reject(failures.patch);
      tick += 1;
      const emailChanged = patch.email !== undefined && patch.email !== user.email;
      user = {
        ...user,
        email: patch.email ?? user.email,
        emailVerified: patch.email_verified ?? (emailChanged || patch.verify_email ? false : user.emailVerified),
        userMetadata: merge(user.userMetadata, patch.user_metadata),
        appMetadata: merge(user.appMetadata, patch.app_metadata),
        updatedAt: new Date(Date.parse(user.updatedAt) + tick * 1000).toISOString(),
      };
      return Promise.resolve(user);
    },
    emailTakenByOther(email) {
      calls.push(`GET users-by-email ${email}`);
      return failures.byEmail ? Promise.reject(failures.byEmail) : Promise.resolve(otherUsersEmails.has(email));
    },
  };
  const change = (values: Partial<StoredUser>) => (user = { ...user, ...values });
  return { users, calls, failures, change, current: () => user, writes: () => calls.filter((call) => call.startsWith('PATCH')) };
}
