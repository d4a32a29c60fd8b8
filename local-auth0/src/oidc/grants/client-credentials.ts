import type { SeedClient } from '../../config/seed';
import { OAuthError } from '../../http/errors';
import type { Tenant } from '../../tenant';
import { signAccessToken } from '../../tokens';

const MANAGEMENT_TOKEN_LIFETIME = 86400;

/** `client_credentials`: a machine-to-machine token for an API the client has a grant on. */
export async function clientCredentialsGrant(tenant: Tenant, client: SeedClient, body: Record<string, unknown>) {
  if (!client.clientSecret) throw new OAuthError(403, 'unauthorized_client', 'Grant type \'client_credentials\' not allowed for the client.');
  if (typeof body.audience !== 'string' || body.audience === '') {
    throw new OAuthError(403, 'access_denied', 'No audience parameter was provided, and no default audience has been configured');
  }
  const audience = tenant.canonicalAudience(body.audience);
  const granted = tenant.grantedScopes(client, audience);
  if (!granted) {
    throw new OAuthError(403, 'access_denied', `Client is not authorized to access "${body.audience}". You need to create a "client-grant" associated to this API. See: https://auth0.com/docs/api/v2#!/Client_Grants/post_client_grants`);
  }
  const requested = typeof body.scope === 'string' ? body.scope.split(' ').filter(Boolean) : undefined;
  const scope = (requested ? granted.filter((s) => requested.includes(s)) : granted).join(' ');
  const expiresIn = tenant.resourceServer(audience)?.tokenLifetime ?? MANAGEMENT_TOKEN_LIFETIME;
  const accessToken = await signAccessToken(tenant, {
    sub: `${client.clientId}@clients`,
    clientId: client.clientId,
    audience,
    scope,
    expiresIn,
    extra: { gty: 'client-credentials' },
  });
  return { access_token: accessToken, scope, expires_in: expiresIn, token_type: 'Bearer' };
}
