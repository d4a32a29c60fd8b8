import type { SeedClient } from '../../config/seed';
import { OAuthError } from '../../http/errors';
import type { Tenant } from '../../tenant';
import { issueUserTokens, refuseBlocked } from '../issue';

/** `authorization_code` with PKCE: the code is single use and bound to client, redirect URI and challenge. */
export async function authorizationCodeGrant(tenant: Tenant, client: SeedClient, body: Record<string, unknown>) {
  const grant = tenant.codes.redeem(body.code, client.clientId, body.redirect_uri, body.code_verifier);
  const user = tenant.user(grant.userId);
  if (!user) throw new OAuthError(403, 'invalid_grant', 'Invalid authorization code');
  refuseBlocked(user);
  return issueUserTokens(tenant, { ...grant, user, client });
}
