import type { SeedClient } from '../../config/seed';
import { OAuthError } from '../../http/errors';
import { isDatabaseUser } from '../../management/user-view';
import { verifyPassword } from '../../passwords';
import type { Tenant } from '../../tenant';
import { checkAudience, issueUserTokens, refuseBlocked } from '../issue';

const DEFAULT_CONNECTION = 'Username-Password-Authentication';
const wrongCredentials = () => new OAuthError(403, 'invalid_grant', 'Wrong email or password.');

/** `password` and `password-realm`: database users only; social users have no password here. */
export async function passwordGrant(tenant: Tenant, client: SeedClient, body: Record<string, unknown>) {
  const { username, password } = body;
  if (typeof username !== 'string' || typeof password !== 'string') {
    throw new OAuthError(400, 'invalid_request', 'Missing required parameter: username and password');
  }
  const realm = typeof body.realm === 'string' ? body.realm : DEFAULT_CONNECTION;
  const audience = checkAudience(tenant, body.audience);
  const user = tenant.userByEmail(username);
  if (!user || !isDatabaseUser(user) || user.connection !== realm) throw wrongCredentials();
  if (!(await verifyPassword(password, user.password_hash))) throw wrongCredentials();
  refuseBlocked(user);
  tenant.recordLogin(user);
  const scope = typeof body.scope === 'string' ? body.scope : '';
  return issueUserTokens(tenant, { user, client, scope, audience });
}
