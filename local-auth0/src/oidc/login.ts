import { isDatabaseUser } from '../management/user-view';
import { verifyPassword } from '../passwords';
import type { StoredUser } from '../state/types';
import type { Tenant } from '../tenant';
import { BLOCKED_MESSAGE, LoginBlocked } from './brute-force';

export class LoginRefused extends Error {
  constructor(
    message: string,
    readonly status = 401,
  ) {
    super(message);
  }
}

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
export async function authenticateLogin(tenant: Tenant, body: Record<string, unknown>, ip: string): Promise<StoredUser> {
  const user = body.connection === SIMULATED_SOCIAL ? simulatedGoogleUser(tenant) : await databaseUser(tenant, body, ip);
  if (user.blocked) throw new LoginRefused('Your account has been blocked.');
  return user;
}

/**
 * The database user these credentials name, or undefined. Throws LoginBlocked once the
 * email has failed too often from this IP (see BruteForceProtection).
 */
export function checkDatabaseCredentials(tenant: Tenant, email: string, password: string, ip: string, connection?: string): Promise<StoredUser | undefined> {
  return tenant.bruteForce.attempt(email, ip, async () => {
    const user = tenant.userByEmail(email);
    if (!user || !isDatabaseUser(user) || (connection !== undefined && user.connection !== connection)) return undefined;
    return (await verifyPassword(password, user.password_hash)) ? user : undefined;
  });
}

async function databaseUser(tenant: Tenant, body: Record<string, unknown>, ip: string): Promise<StoredUser> {
  const { email, password } = body;
  if (typeof email !== 'string' || typeof password !== 'string') throw new LoginRefused('Wrong email or password.');
  try {
    const user = await checkDatabaseCredentials(tenant, email, password, ip);
    if (!user) throw new LoginRefused('Wrong email or password.');
    return user;
  } catch (e) {
    if (e instanceof LoginBlocked) throw new LoginRefused(BLOCKED_MESSAGE, 429);
    throw e;
  }
}
