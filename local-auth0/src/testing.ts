/**
 * A client for the tenant's test controls (`/__local/*`) and for reading users back through its
 * Management API, as the M2M client would. Shared by the server's tests, the browser tests and
 * the benchmarks, so that each speaks to the tenant the same way.
 */
import seed from '../seed.json';
import { LOCAL_APP } from './config/local-app';
import type { AddedUser } from './management/user-controls';

/** The committed seed's users, as tests refer to them (read from seed.json, so they cannot drift). */
function seedUser(email: string): { id: string; email: string } {
  const user = seed.users.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`seed.json has no user ${email}`);
  return { id: user.user_id, email: user.email };
}

function databaseUser(email: string): { id: string; email: string; password: string } {
  const password = seed.users.find((candidate) => candidate.email === email)?.password;
  if (!password) throw new Error(`seed.json has no password for ${email}`);
  return { ...seedUser(email), password };
}

export const SEED_USERS = {
  ada: databaseUser('ada@example.com'),
  grace: seedUser('grace@example.com'),
  alan: databaseUser('alan@example.com'),
};

/** Route keys of `/__local/counts` and `/__local/faults`. */
export const ROUTES = {
  token: 'POST /oauth/token',
  clientCredentials: 'POST /oauth/token client_credentials',
  getUser: 'GET /api/v2/users/:id',
  patchUser: 'PATCH /api/v2/users/:id',
  deleteUser: 'DELETE /api/v2/users/:id',
  changePassword: 'POST /dbconnections/change_password',
  listUsers: 'GET /api/v2/users',
  usersByEmail: 'GET /api/v2/users-by-email',
  exportUsers: 'POST /api/v2/jobs/users-exports',
  getJob: 'GET /api/v2/jobs/:id',
  downloadExport: 'GET /exports/:file',
  jwks: 'GET /.well-known/jwks.json',
} as const;

export const MANAGEMENT_CLIENT = LOCAL_APP.managementClient;
export { LOCAL_APP };

export interface UserTokenRequest {
  /** A user who must exist (404 otherwise), whatever her email is now. */
  userId?: string;
  email?: string;
  sub?: string;
  audience?: string;
  scope?: string;
  /** Seconds; negative gives an already expired token. */
  expiresIn?: number;
  clientId?: string;
  /** Epoch seconds of the sign-in the token's auth_time claim states; default now; null: no claim. */
  authTime?: number | null;
}

export interface FaultSpec {
  route: string;
  times?: number;
  status?: number;
  delayMs?: number;
  body?: 'broken' | object;
  headers?: Record<string, string>;
}

export interface StoredUserBody {
  user_id: string;
  email: string;
  email_verified: boolean;
  updated_at: string;
  user_metadata?: Record<string, unknown>;
  app_metadata?: Record<string, unknown>;
  [field: string]: unknown;
}

export type Counts = Record<string, number>;

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

function post<T>(url: string, body: unknown = {}): Promise<T> {
  return call<T>(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** A user access token minted as the login flow would (not counted as an /oauth/token call). */
export async function userToken(tenantUrl: string, request: UserTokenRequest = {}): Promise<string> {
  return (await post<{ access_token: string }>(`${tenantUrl}/__local/tokens`, request)).access_token;
}

/** The client-credentials grant a Management API client asks for (counted like any /oauth/token call). */
export async function managementToken(tenantUrl: string, scope?: string): Promise<{ accessToken: string; expiresIn: number }> {
  const body = {
    grant_type: 'client_credentials',
    client_id: MANAGEMENT_CLIENT.id,
    client_secret: MANAGEMENT_CLIENT.secret,
    audience: `${tenantUrl}/api/v2/`,
    ...(scope === undefined ? {} : { scope }),
  };
  const token = await post<{ access_token: string; expires_in: number }>(`${tenantUrl}/oauth/token`, body);
  return { accessToken: token.access_token, expiresIn: token.expires_in };
}

/** The user as stored, read through the Management API with the M2M client. */
export async function storedUser(tenantUrl: string, userId: string): Promise<StoredUserBody> {
  const { accessToken } = await managementToken(tenantUrl);
  return call<StoredUserBody>(`${tenantUrl}/api/v2/users/${encodeURIComponent(userId)}`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
}

/** Writes the user straight through the Management API with the M2M client, as a tool outside the API (or the dashboard) would; counted like any PATCH. */
export async function patchStoredUser(tenantUrl: string, userId: string, body: Record<string, unknown>): Promise<StoredUserBody> {
  const { accessToken } = await managementToken(tenantUrl);
  return call<StoredUserBody>(`${tenantUrl}/api/v2/users/${encodeURIComponent(userId)}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The next `times` calls of `route` fail as described. */
export async function injectFault(tenantUrl: string, fault: FaultSpec): Promise<void> {
  await post(`${tenantUrl}/__local/faults`, fault);
}

/** Calls per route since the last reset, faulted calls included. */
export function readCounts(tenantUrl: string): Promise<Counts> {
  return call<Counts>(`${tenantUrl}/__local/counts`);
}

export async function resetCounts(tenantUrl: string): Promise<void> {
  await call(`${tenantUrl}/__local/counts`, { method: 'DELETE' });
}

/** State back to the seed; faults, counts and rate-limit buckets cleared (keys kept). */
export async function resetTenant(tenantUrl: string): Promise<void> {
  await post(`${tenantUrl}/__local/reset`);
}

export type { AddedUser };

/** Appends users to the tenant, in chunks that stay under its 100 kB body limit. */
export async function addUsers(tenantUrl: string, users: readonly AddedUser[], chunk = 250): Promise<void> {
  for (let start = 0; start < users.length; start += chunk) {
    await post(`${tenantUrl}/__local/users`, { users: users.slice(start, start + chunk) });
  }
}

/** Every user as the Management API shows it, past the 1,000-record paging limit (a test control, not counted). */
export function allUsers(tenantUrl: string): Promise<StoredUserBody[]> {
  return call<StoredUserBody[]>(`${tenantUrl}/__local/users`);
}

/** The next key becomes current; the kids of the published keys. */
export function rotateKeys(tenantUrl: string): Promise<{ previous?: string; current: string; next: string }> {
  return post(`${tenantUrl}/__local/rotate-keys`);
}
