import type { JWTPayload } from 'jose';
import type { ApiLookup } from '../tenant-parts';

/**
 * What the post-login Action in the README adds for the project's API (Auth0 restricts
 * `auth_time` as a custom claim and drops private claims on custom-API tokens, so it is
 * namespaced): the API identifier + `/auth_time`, e.g. `https://profile-api.local/auth_time`.
 */
function authTimeClaim(apiIdentifier: string): string {
  return `${apiIdentifier.replace(/\/+$/, '')}/auth_time`;
}

/**
 * The Action's claims on an access token: for a seeded API (not the Management API), the time of
 * the session's last interactive sign-in. A refresh carries the original time, as Auth0's
 * `event.authentication` does.
 */
export function postLoginActionClaims(tenant: ApiLookup, audience: string | undefined, authTime: number | undefined): JWTPayload {
  if (!audience || authTime === undefined || !tenant.resourceServer(audience)) return {};
  return { [authTimeClaim(audience)]: authTime };
}
