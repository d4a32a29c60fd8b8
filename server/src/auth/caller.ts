import type { AccessTokenClaims } from './access-token';
import { InvalidTokenError } from './errors';
import { signInTimeOf } from './recent-sign-in';

/** Who is calling: taken only from a verified access token. */
export interface Caller {
  userId: string;
  /** What the token allows: its space-separated `scope` and, with Auth0 RBAC, its `permissions` claim. */
  scopes: ReadonlySet<string>;
  /** When the user last signed in interactively (epoch seconds, the post-login Action's claim); null when unknown. */
  signedInAt: number | null;
}

/** A client-credentials token stands for an application, not a user (Auth0 marks it both ways). */
function isMachineToken(claims: AccessTokenClaims): boolean {
  return claims.gty === 'client-credentials' || claims.sub.endsWith('@clients');
}

function grantedScopes(claims: AccessTokenClaims): Set<string> {
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
  const permissions = Array.isArray(claims.permissions) ? claims.permissions.filter((p): p is string => typeof p === 'string') : [];
  return new Set([...scopes, ...permissions]);
}

/**
 * The caller a verified token stands for; a machine token is refused, since there is no user to act for.
 * `authTimeClaim` names the claim holding the last sign-in time (see recent-sign-in.ts).
 */
export function callerFromClaims(claims: AccessTokenClaims, authTimeClaim: string): Caller {
  if (isMachineToken(claims)) throw new InvalidTokenError('A client-credentials token has no user; sign in as a user');
  return { userId: claims.sub, scopes: grantedScopes(claims), signedInAt: signInTimeOf(claims, authTimeClaim) };
}

/** The token of an `Authorization: Bearer <token>` header; null when there is no header at all. */
export function bearerToken(authorization: string | undefined): string | null {
  if (authorization === undefined) return null;
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(authorization);
  if (!match?.[1]) throw new InvalidTokenError('The Authorization header is not "Bearer <token>"');
  return match[1];
}
