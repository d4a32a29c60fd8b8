import type { SeedClient } from '../../config/seed';
import { OAuthError } from '../../http/errors';
import type { Tenant } from '../../tenant';
import { issueUserTokens, refuseBlocked } from '../issue';
import { consumeRefreshToken } from '../refresh-tokens';

/** `refresh_token` with rotation: every exchange returns a new refresh token of the same family. */
export async function refreshTokenGrant(tenant: Tenant, client: SeedClient, body: Record<string, unknown>) {
  if (typeof body.refresh_token !== 'string') throw new OAuthError(400, 'invalid_request', 'Missing required parameter: refresh_token');
  const record = consumeRefreshToken(tenant, client.clientId, body.refresh_token);
  const user = tenant.user(record.userId);
  if (!user) throw new OAuthError(403, 'invalid_grant', 'Unknown or invalid refresh token.');
  refuseBlocked(user);
  const { scope, audience, family, authTime, sid } = record;
  return issueUserTokens(tenant, { user, client, scope, audience, family, authTime, sid });
}
