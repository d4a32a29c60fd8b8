import type { LocalAuth0 } from 'local-auth0';

/** The seed's users, as the tests use them. */
export const ADA = { id: 'auth0|64f1a2b3c4d5e6f708192a3b', email: 'ada@example.com', password: 'Ada-Lovelace-1815' };
export const GRACE = { id: 'google-oauth2|103547991597142817347', email: 'grace@example.com' };
export const ALAN = { id: 'auth0|65a0b1c2d3e4f50617283940', email: 'alan@example.com' };

export interface StoredUser {
  user_id: string;
  email: string;
  email_verified: boolean;
  user_metadata?: Record<string, unknown>;
}

async function call(url: string, init: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: HTTP ${response.status} ${await response.text()}`);
  return response;
}

/** Reads a user through the tenant's Management API, as the server's M2M client would. */
export async function readStoredUser(tenant: LocalAuth0, userId: string): Promise<StoredUser> {
  const token = await call(`${tenant.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: 'local-management',
      client_secret: 'local-management-secret',
      audience: `${tenant.url}/api/v2/`,
    }),
  });
  const { access_token } = (await token.json()) as { access_token: string };
  const user = await call(`${tenant.url}/api/v2/users/${encodeURIComponent(userId)}`, {
    headers: { authorization: `Bearer ${access_token}` },
  });
  return (await user.json()) as StoredUser;
}

export interface Fault {
  route: string;
  times?: number;
  status?: number;
  delayMs?: number;
  body?: 'broken' | object;
  headers?: Record<string, string>;
}

/** The next `times` calls of `route` on the tenant fail as described. */
export async function injectFault(tenant: LocalAuth0, fault: Fault): Promise<void> {
  await call(`${tenant.url}/__local/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
}

export async function routeCounts(tenant: LocalAuth0): Promise<Record<string, number>> {
  return (await (await call(`${tenant.url}/__local/counts`, { method: 'GET' })).json()) as Record<string, number>;
}
