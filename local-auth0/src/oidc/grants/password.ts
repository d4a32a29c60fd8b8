import type { SeedClient } from '../../config/seed';
import { OAuthError } from '../../http/errors';
import type { Tenant } from '../../tenant';
import { BLOCKED_MESSAGE, LoginBlocked } from '../brute-force';
import { checkAudience, issueUserTokens, refuseBlocked } from '../issue';
import { checkDatabaseCredentials } from '../login';
import type { GrantContext } from './grant';

const DEFAULT_CONNECTION = 'Username-Password-Authentication';
const wrongCredentials = () => new OAuthError(403, 'invalid_grant', 'Wrong email or password.');

/** `password` and `password-realm`: database users only; social users have no password here. */
export async function passwordGrant(tenant: Tenant, client: SeedClient, body: Record<string, unknown>, { ip }: GrantContext) {
  const { username, password } = body;
  if (typeof username !== 'string' || typeof password !== 'string') {
    throw new OAuthError(400, 'invalid_request', 'Missing required parameter: username and password');
  }
  const realm = typeof body.realm === 'string' ? body.realm : DEFAULT_CONNECTION;
  const audience = checkAudience(tenant, body.audience);
  const user = await checkDatabaseCredentials(tenant, username, password, ip, realm).catch((e: unknown) => {
    throw e instanceof LoginBlocked ? new OAuthError(429, 'too_many_attempts', BLOCKED_MESSAGE) : e;
  });
  if (!user) throw wrongCredentials();
  refuseBlocked(user);
  tenant.recordLogin(user);
  const scope = typeof body.scope === 'string' ? body.scope : '';
  // The password is checked now: this is the sign-in the tokens (and their refreshes) date from.
  return issueUserTokens(tenant, { user, client, scope, audience, authTime: Math.floor(Date.now() / 1000) });
}
