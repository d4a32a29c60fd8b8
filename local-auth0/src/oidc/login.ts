import { isDatabaseUser } from '../management/user-view';
import { verifyPassword } from '../passwords';
import type { StoredUser } from '../state/types';
import type { Tenant } from '../tenant';

export class LoginRefused extends Error {}

const SIMULATED_SOCIAL = 'google-oauth2';
/** Fields a social provider owns: Auth0 re-syncs them from the provider at every login. */
const PROVIDER_FIELDS = ['name', 'given_name', 'family_name', 'nickname', 'picture'] as const;

function simulatedGoogleUser(tenant: Tenant): StoredUser {
  const user = tenant.state.users.find((u) => u.user_id.startsWith(`${SIMULATED_SOCIAL}|`));
  if (!user) throw new LoginRefused('No Google user in this tenant.');
  const provider = tenant.seed.users.find((u) => u.user_id === user.user_id);
  for (const field of PROVIDER_FIELDS) {
    const value = provider?.[field];
    if (value !== undefined) user[field] = value;
  }
  return user;
}

/** The user the login form signs in: a database user by email + password, or the simulated Google user. */
export async function authenticateLogin(tenant: Tenant, body: Record<string, unknown>): Promise<StoredUser> {
  const user = body.connection === SIMULATED_SOCIAL ? simulatedGoogleUser(tenant) : await databaseUser(tenant, body);
  if (user.blocked) throw new LoginRefused('Your account has been blocked.');
  return user;
}

async function databaseUser(tenant: Tenant, body: Record<string, unknown>): Promise<StoredUser> {
  const { email, password } = body;
  const user = typeof email === 'string' ? tenant.userByEmail(email) : undefined;
  const ok = user && isDatabaseUser(user) && typeof password === 'string' && (await verifyPassword(password, user.password_hash));
  if (!user || !ok) throw new LoginRefused('Wrong email or password.');
  return user;
}
