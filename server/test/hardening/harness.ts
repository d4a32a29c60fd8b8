// What the hardening suites need beyond ../support: per-route call counts. Not a test file itself.
import { readCounts } from 'local-auth0/testing';

/** Calls of one tenant route since the last reset. */
export async function callsOf(tenantUrl: string, route: string): Promise<number> {
  return (await readCounts(tenantUrl))[route] ?? 0;
}

/** Token requests, user reads and writes: everything that spends the Management API budget. */
export async function managementCalls(tenantUrl: string): Promise<number> {
  const counts = await readCounts(tenantUrl);
  return ['POST /oauth/token', 'GET /api/v2/users/:id', 'PATCH /api/v2/users/:id'].reduce((sum, key) => sum + (counts[key] ?? 0), 0);
}
