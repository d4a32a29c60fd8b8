import { createHash, randomBytes } from 'node:crypto';
import type { LocalAuth0 } from '../src/index';
import { API, SPA } from './helpers';

export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeQuery(challenge: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    client_id: 'local-spa',
    redirect_uri: SPA,
    response_type: 'code',
    response_mode: 'query',
    scope: 'openid profile email offline_access',
    audience: API,
    state: 'state-123',
    nonce: 'nonce-456',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  }).toString();
}

export const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual' as const,
});

export interface LoginResult { response: Response; cookie?: string; code?: string; location?: URL }

/** Submits the login form (or the simulated Google button) for an /authorize query. */
export async function login(tenant: LocalAuth0, query: string, credentials: Record<string, string>): Promise<LoginResult> {
  const response = await fetch(`${tenant.url}/login`, form({ authorize: query, ...credentials }));
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  const location = response.headers.get('location') ? new URL(response.headers.get('location')!) : undefined;
  return { response, cookie, location, code: location?.searchParams.get('code') ?? undefined };
}

export const ADA_LOGIN = { email: 'ada@example.com', password: 'Ada-Lovelace-1815' };

export function exchangeCode(tenant: LocalAuth0, code: string, verifier: string, redirectUri = SPA): Promise<Response> {
  return fetch(`${tenant.url}/oauth/token`, form({ grant_type: 'authorization_code', client_id: 'local-spa', code, code_verifier: verifier, redirect_uri: redirectUri }));
}

/** A full interactive login for ada: returns the code, its verifier and the session cookie. */
export async function codeForAda(tenant: LocalAuth0, extra: Record<string, string> = {}) {
  const { verifier, challenge } = pkce();
  const result = await login(tenant, authorizeQuery(challenge, extra), ADA_LOGIN);
  return { ...result, verifier, code: result.code! };
}
