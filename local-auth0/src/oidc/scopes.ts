import type { ApiLookup } from '../tenant-parts';

/** Scopes any user token may carry, whatever the audience. */
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

/** The only Management API scopes Auth0 grants to a user (as opposed to a machine client). */
const CURRENT_USER_SCOPES = [
  'read:current_user',
  'update:current_user_metadata',
  'create:current_user_metadata',
  'delete:current_user_metadata',
  'create:current_user_device_credentials',
  'delete:current_user_device_credentials',
  'update:current_user_identities',
] as const;

const isOidcScope = (scope: string) => (OIDC_SCOPES as readonly string[]).includes(scope);

/** The non-OIDC scopes a user token for `audience` may carry: the API's permissions, or the current-user scopes. */
function userGrantable(tenant: ApiLookup, audience: string | undefined): readonly string[] {
  if (audience === undefined) return [];
  if (audience === tenant.managementAudience) return CURRENT_USER_SCOPES;
  return tenant.resourceServer(audience)?.scopes ?? [];
}

/**
 * The scope a user token gets for a request, as Auth0 decides it: the requested OIDC scopes
 * and the requested scopes the audience defines; anything else is dropped silently.
 */
export function grantedUserScope(tenant: ApiLookup, audience: string | undefined, requested: string): string {
  const grantable = userGrantable(tenant, audience);
  const kept = requested.split(' ').filter((s) => s !== '' && (isOidcScope(s) || grantable.includes(s)));
  return [...new Set(kept)].join(' ');
}

/** Scopes of a Management API user token that Auth0 could have issued (the current-user ones). */
export function userManagementScopes(scopes: Iterable<string>): string[] {
  return [...scopes].filter((s) => (CURRENT_USER_SCOPES as readonly string[]).includes(s));
}
