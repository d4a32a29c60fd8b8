import { errors } from 'jose';
import type { Request } from 'express';
import { ManagementApiError } from '../http/errors';
import type { TokenIssuer } from '../tenant-parts';
import { userManagementScopes } from '../oidc/scopes';
import { verifyOwnToken } from '../tokens';

export interface Caller { sub: string; scopes: Set<string> }

const unauthorized = (message: string, code: string) => new ManagementApiError(401, message, code, { error: message });

/** Verifies the bearer token of a Management API call the way Auth0 answers a bad one. */
export async function authenticate(tenant: TokenIssuer, req: Request): Promise<Caller> {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match) throw unauthorized('Missing authentication', 'missing_authentication');
  try {
    const claims = await verifyOwnToken(tenant, match[1]!, tenant.managementAudience);
    const scopes = (typeof claims.scope === 'string' ? claims.scope : '').split(' ').filter(Boolean);
    // A user's token never holds more than the current-user scopes at Auth0, however it was minted.
    const machine = claims.gty === 'client-credentials';
    return { sub: String(claims.sub ?? ''), scopes: new Set(machine ? scopes : userManagementScopes(scopes)) };
  } catch (e) {
    if (e instanceof errors.JWTExpired) throw unauthorized('Expired token received for JSON Web Token validation', 'token_expired');
    if (e instanceof errors.JWTClaimValidationFailed && e.claim === 'aud') {
      throw unauthorized(`Bad audience: ${[e.payload.aud].flat().join(' ')}`, 'invalid_token');
    }
    throw unauthorized('Invalid token', 'invalid_token');
  }
}

/**
 * Passes when the caller holds any of `scopes`; a `*:current_user*` scope only counts when
 * the caller is the user the call is about.
 */
export function requireAnyScope(caller: Caller, scopes: string[], targetUserId?: string): void {
  const ok = scopes.some((s) => caller.scopes.has(s) && (!s.includes('current_user') || caller.sub === targetUserId));
  if (!ok) throw new ManagementApiError(403, `Insufficient scope, expected any of: ${scopes.join(',')}`, 'insufficient_scope');
}
