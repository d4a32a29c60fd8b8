import { readCounts, ROUTES } from 'local-auth0/testing';

/** Every call to the tenant's Management API since the last count reset: user reads, PATCHes, and all of them. */
export async function userCalls(tenantUrl: string): Promise<{ reads: number; patches: number; all: number }> {
  const counts = await readCounts(tenantUrl);
  const all = Object.entries(counts)
    .filter(([route]) => route.includes(' /api/v2/') || route === ROUTES.token)
    .reduce((sum, [, calls]) => sum + calls, 0);
  return { reads: counts[ROUTES.getUser] ?? 0, patches: counts[ROUTES.patchUser] ?? 0, all };
}
