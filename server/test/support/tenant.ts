/** Helpers that talk to the local tenant directly (test controls and the Management API). */

async function json(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export async function userToken(
  tenantUrl: string,
  body: { email?: string; sub?: string; audience?: string; scope?: string; expiresIn?: number } = {},
): Promise<string> {
  const response = await fetch(`${tenantUrl}/__local/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return ((await json(response)) as { access_token: string }).access_token;
}

export interface FaultSpec {
  route: string;
  times?: number;
  status?: number;
  delayMs?: number;
  body?: 'broken' | object;
  headers?: Record<string, string>;
}

export async function injectFault(tenantUrl: string, fault: FaultSpec): Promise<void> {
  await json(await fetch(`${tenantUrl}/__local/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) }));
}

export async function readCounts(tenantUrl: string): Promise<Record<string, number>> {
  return (await json(await fetch(`${tenantUrl}/__local/counts`))) as Record<string, number>;
}

export async function resetCounts(tenantUrl: string): Promise<void> {
  await json(await fetch(`${tenantUrl}/__local/counts`, { method: 'DELETE' }));
}

export async function resetTenant(tenantUrl: string): Promise<void> {
  await json(await fetch(`${tenantUrl}/__local/reset`, { method: 'POST' }));
}

/** The user as stored in the tenant, read through its Management API with the M2M client. */
export async function storedUser(tenantUrl: string, userId: string): Promise<Record<string, unknown>> {
  const tokenResponse = await fetch(`${tenantUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: 'local-management',
      client_secret: 'local-management-secret',
      audience: `${tenantUrl}/api/v2/`,
    }),
  });
  const { access_token } = (await json(tokenResponse)) as { access_token: string };
  const response = await fetch(`${tenantUrl}/api/v2/users/${encodeURIComponent(userId)}`, {
    headers: { authorization: `Bearer ${access_token}` },
  });
  return (await json(response)) as Record<string, unknown>;
}
