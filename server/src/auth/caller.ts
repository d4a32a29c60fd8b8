import type { AccessTokenClaims } from './access-token';
import { InvalidTokenError } from './errors';

/** Who is calling: taken only from a verified access token. */
export interface Caller {
  userId: string;
  scopes: string[];
}

export function callerFromClaims(claims: AccessTokenClaims): Caller {
  return { userId: claims.sub, scopes: claims.scope ? claims.scope.split(' ').filter(Boolean) : [] };
}

/** The token of an `Authorization: Bearer <token>` header; null when there is no header at all. */
export function bearerToken(authorization: string | undefined): string | null {
  if (authorization === undefined) return null;
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(authorization);
  if (!match?.[1]) throw new InvalidTokenError('The Authorization header is not "Bearer <token>"');
  return match[1];
}
