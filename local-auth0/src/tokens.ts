import { createLocalJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { importKey, publishedKeys } from './keys';
import type { TokenIssuer } from './tenant-parts';
import type { KeyRing, StoredUser } from './state/types';

/** Access tokens carry `typ: at+jwt` (RFC 9068, Auth0's newer token profile). */
const ACCESS_TOKEN_TYP = 'at+jwt';
const ID_TOKEN_LIFETIME = 36000;

async function sign(tenant: TokenIssuer, claims: JWTPayload, typ: string, expiresIn: number): Promise<string> {
  const { kid, privateJwk } = tenant.state.keys.current;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ, kid })
    .setIssuer(tenant.issuer)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
    .sign(await importKey(privateJwk));
}

export interface AccessTokenRequest {
  sub: string;
  clientId: string;
  /** The API audience, or undefined for a token meant only for /userinfo. */
  audience?: string;
  scope: string;
  expiresIn: number;
  extra?: JWTPayload;
}

/** The `aud` Auth0 puts in an access token: an array with /userinfo when `openid` was asked for. */
function accessTokenAudience(tenant: TokenIssuer, audience: string | undefined, scope: string): string | string[] {
  const userinfo = `${tenant.issuer}userinfo`;
  if (!audience) return userinfo;
  return scope.split(' ').includes('openid') && audience !== userinfo ? [audience, userinfo] : audience;
}

export function signAccessToken(tenant: TokenIssuer, req: AccessTokenRequest): Promise<string> {
  const claims: JWTPayload = {
    sub: req.sub,
    aud: accessTokenAudience(tenant, req.audience, req.scope),
    azp: req.clientId,
    scope: req.scope,
    ...req.extra,
  };
  return sign(tenant, claims, ACCESS_TOKEN_TYP, req.expiresIn);
}

/** Profile claims by scope, as in the ID token and /userinfo. */
export function profileClaims(user: StoredUser, scope: string): Record<string, unknown> {
  const scopes = scope.split(' ');
  const claims: Record<string, unknown> = { sub: user.user_id };
  if (scopes.includes('profile')) {
    const { given_name, family_name, nickname, name, picture, updated_at } = user;
    Object.assign(claims, { given_name, family_name, nickname, name, picture, updated_at });
  }
  if (scopes.includes('email')) Object.assign(claims, { email: user.email, email_verified: user.email_verified });
  for (const key of Object.keys(claims)) if (claims[key] === undefined) delete claims[key];
  return claims;
}

export interface IdTokenRequest { user: StoredUser; clientId: string; scope: string; nonce?: string; authTime?: number; sid?: string }

export function signIdToken(tenant: TokenIssuer, req: IdTokenRequest): Promise<string> {
  const claims: JWTPayload = {
    ...profileClaims(req.user, req.scope),
    aud: req.clientId,
    sid: req.sid,
    nonce: req.nonce,
    auth_time: req.authTime,
  };
  for (const key of Object.keys(claims)) if (claims[key] === undefined) delete claims[key];
  return sign(tenant, claims, 'JWT', ID_TOKEN_LIFETIME);
}

/** Rotation replaces the key ring object, so a ring's key set can be cached by identity. */
const verifiers = new WeakMap<KeyRing, ReturnType<typeof createLocalJWKSet>>();

/** Verifies a token this tenant issued (signature against the published keys, issuer, audience). */
export async function verifyOwnToken(tenant: TokenIssuer, token: string, audience: string): Promise<JWTPayload> {
  const ring = tenant.state.keys;
  let keys = verifiers.get(ring);
  if (!keys) {
    keys = createLocalJWKSet({ keys: publishedKeys(ring) });
    verifiers.set(ring, keys);
  }
  const { payload } = await jwtVerify(token, keys, { issuer: tenant.issuer, audience, algorithms: ['RS256'] });
  return payload;
}
