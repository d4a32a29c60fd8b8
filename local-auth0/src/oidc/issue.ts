import type { SeedClient } from '../config/seed';
import { OAuthError } from '../http/errors';
import type { StoredUser } from '../state/types';
import type { Tenant } from '../tenant';
import type { ApiLookup } from '../tenant-parts';
import { signAccessToken, signIdToken } from '../tokens';
import { postLoginActionClaims } from './post-login-action';
import { createRefreshToken, newFamily } from './refresh-tokens';
import { grantedUserScope } from './scopes';

const DEFAULT_LIFETIME = 86400;

export interface UserGrant {
  user: StoredUser;
  client: SeedClient;
  /** The requested scope; the token carries only what the audience allows (see grantedUserScope). */
  scope: string;
  audience?: string;
  nonce?: string;
  authTime?: number;
  sid?: string;
  /** The refresh-token family being rotated, if any. */
  family?: string;
}

/** An API audience a user token may be asked for: a seeded resource server or the Management API. */
export function checkAudience(tenant: ApiLookup, audience: unknown): string | undefined {
  if (audience === undefined || audience === '') return undefined;
  const canonical = typeof audience === 'string' ? tenant.canonicalAudience(audience) : '';
  if (!tenant.resourceServer(canonical) && canonical !== tenant.managementAudience) {
    throw new OAuthError(403, 'access_denied', `Service not found: ${String(audience)}`);
  }
  return canonical;
}

export function refuseBlocked(user: StoredUser): void {
  if (user.blocked) throw new OAuthError(401, 'unauthorized', 'user is blocked');
}

/** The token response for a user: access token, ID token (with openid), refresh token (with offline_access). */
export async function issueUserTokens(tenant: Tenant, grant: UserGrant) {
  const { user, client, audience } = grant;
  const scope = grantedUserScope(tenant, audience, grant.scope);
  const expiresIn = (audience && tenant.resourceServer(audience)?.tokenLifetime) || DEFAULT_LIFETIME;
  const scopes = scope.split(' ');
  // Stored before the first await: a concurrent reuse of the rotated token must find this one to revoke it.
  const refreshToken = scopes.includes('offline_access')
    ? createRefreshToken(tenant, {
      family: grant.family ?? newFamily(),
      clientId: client.clientId,
      userId: user.user_id,
      scope,
      audience,
      authTime: grant.authTime,
      sid: grant.sid,
    })
    : undefined;
  const response: Record<string, unknown> = {
    access_token: await signAccessToken(tenant, {
      sub: user.user_id,
      clientId: client.clientId,
      audience,
      scope,
      expiresIn,
      extra: postLoginActionClaims(tenant, audience, grant.authTime),
    }),
  };
  if (refreshToken) response.refresh_token = refreshToken;
  if (scopes.includes('openid')) {
    response.id_token = await signIdToken(tenant, { user, clientId: client.clientId, scope, nonce: grant.nonce, authTime: grant.authTime, sid: grant.sid });
  }
  return { ...response, scope, expires_in: expiresIn, token_type: 'Bearer' };
}
