import { startLocalAuth0, type LocalAuth0, type LocalAuth0Options } from '../src/index';

export const ADA = 'auth0|64f1a2b3c4d5e6f708192a3b';
export const GRACE = 'google-oauth2|103547991597142817347';
export const ALAN = 'auth0|65a0b1c2d3e4f50617283940';
export const API = 'https://profile-api.local';
export const SPA = 'http://localhost:4200';

export function startTenant(options: LocalAuth0Options = {}): Promise<LocalAuth0> {
  return startLocalAuth0({ port: 0, stateFile: null, ...options });
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export async function managementToken(tenant: LocalAuth0, scope?: string): Promise<string> {
  const body: Record<string, string> = {
    grant_type: 'client_credentials',
    client_id: 'local-management',
    client_secret: 'local-management-secret',
    audience: `${tenant.url}/api/v2/`,
  };
  if (scope !== undefined) body.scope = scope;
  const res = await post(`${tenant.url}/oauth/token`, body);
  return (await json<{ access_token: string }>(res)).access_token;
}

export async function counts(tenant: LocalAuth0): Promise<Record<string, number>> {
  return json<Record<string, number>>(await fetch(`${tenant.url}/__local/counts`));
}

export const userPath = (tenant: LocalAuth0, id: string) => `${tenant.url}/api/v2/users/${encodeURIComponent(id)}`;
